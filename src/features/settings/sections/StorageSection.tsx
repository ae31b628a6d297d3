import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { type StorageStatus, persistStorage, storageStatus } from '../../../platform/store';
import { isInstalled } from '../../disguise';

export function StorageSection() {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  useEffect(() => {
    void storageStatus().then(setStatus);
  }, []);
  const installed = isInstalled();
  return (
    <div class="stack">
      <p>{installed ? t('settings:storage.installed') : t('settings:storage.notInstalled')}</p>
      {status && <p>{status.persisted ? t('settings:storage.persisted') : t('settings:storage.notPersisted')}</p>}
      {status && !status.persisted && (
        <button type="button" class="secondary" onClick={() => void persistStorage().then(storageStatus).then(setStatus)}>
          {t('settings:storage.ask')}
        </button>
      )}
      {status?.available != null && <p class="hint">{t('settings:storage.available', { mb: Math.floor(status.available / 1e6) })}</p>}
    </div>
  );
}
