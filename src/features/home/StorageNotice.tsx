// Says plainly when what she keeps here could be lost: the app is not installed, or the browser has
// not granted persistent storage.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { storageStatus } from '../../platform/store';
import { isInstalled } from '../disguise';

export function StorageNotice() {
  const [persisted, setPersisted] = useState<boolean | null>(null);
  useEffect(() => {
    void storageStatus().then((status) => setPersisted(status.persisted));
  }, []);
  const installed = isInstalled();
  if (installed && persisted !== false) return null;
  return (
    <div class="notice">
      <p>{installed ? t('home:notPersisted') : t('home:notInstalled')}</p>
    </div>
  );
}
