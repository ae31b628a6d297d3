import { t } from '../../../platform/i18n';
import { Choice } from '../../../shared/ui';
import type { SectionProps } from '../SettingsScreen';
import type { LockOnHide } from '../schema';
import { useSaved } from './useSaved';

const OPTIONS: readonly LockOnHide[] = ['immediately', 'after-1-minute', 'after-5-minutes'];

export function LockingSection({ settings, save }: SectionProps) {
  const saved = useSaved();
  return (
    <div class="stack">
      <p>{t('settings:locking.intro')}</p>
      <Choice
        legend={t('settings:locking.legend')}
        options={OPTIONS.map((value) => ({ value, label: t(`settings:locking.options.${value}`) }))}
        value={settings.lockOnHide}
        onChange={(lockOnHide) => void saved.run(() => save({ ...settings, lockOnHide }))}
      />
      <p class="hint">{t('settings:locking.inactivity')}</p>
      <p class="hint">{t('settings:locking.switcher')}</p>
      {saved.view}
    </div>
  );
}
