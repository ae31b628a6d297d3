// Offers Chromium's install prompt when the browser has one to give, and says plainly why installing
// matters: an installed app keeps its storage; a tab's can be cleared.
import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { installPromptAvailable, isInstalled, promptInstall } from '../disguise';

export function InstallOffer() {
  const [available, setAvailable] = useState(installPromptAvailable());
  if (isInstalled()) return null;
  return (
    <div class="stack">
      <p>{t('setup:install.why')}</p>
      {available ? (
        <button type="button" class="secondary" onClick={() => void promptInstall().finally(() => setAvailable(installPromptAvailable()))}>
          {t('setup:install.button')}
        </button>
      ) : (
        <p class="hint">{t('setup:install.manual')}</p>
      )}
    </div>
  );
}
