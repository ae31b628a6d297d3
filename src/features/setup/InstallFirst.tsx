// On an iPhone or iPad in a Safari tab, set-up does not start: Safari deletes a website's storage
// after seven days unused, so a log kept there could vanish. She is shown how to add the app to her
// Home Screen and start set-up there.
import { t } from '../../platform/i18n';
import { Screen } from '../../shared/ui';

export function InstallFirst({ onClose }: { onClose: () => void }) {
  return (
    <Screen title={t('setup:ios.title')}>
      <p>{t('setup:ios.why')}</p>
      <ol class="steps">
        {(t('setup:ios.steps', { returnObjects: true }) as string[]).map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
      <button type="button" class="primary" onClick={onClose}>
        {t('common:close')}
      </button>
    </Screen>
  );
}
