// Before printing: a paper copy is outside anything this app can protect.
import { t } from '../../../platform/i18n';
import { Dialog } from '../../../shared/ui';
import { ExitButton } from '../../exit';

export function PrintDialog({ onPrint, onCancel }: { onPrint: () => void; onCancel: () => void }) {
  return (
    <Dialog title={t('plan:print.title')} exitButton={<ExitButton />} onClose={onCancel}>
      <p>{t('plan:print.warning')}</p>
      <p>{t('plan:print.copies')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={onPrint}>
          {t('plan:print.confirm')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('plan:print.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
