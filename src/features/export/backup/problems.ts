// Every way a backup or restore can fail, as one translated sentence that names what is wrong.
import { t } from '../../../platform/i18n';
import { isStoreError } from '../../../platform/store';
import { isBackupError, isVaultError } from '../../../platform/vault';
import { SaveProblem } from '../save';
import { BackupUnavailable } from './makeBackup';
import { RestoredButLocked } from './restore';

export function problemText(error: unknown): string {
  if (error instanceof RestoredButLocked) return t('backup:problems.restored_locked');
  if (isBackupError(error)) return t(`backup:problems.${error.code}`);
  if (isVaultError(error, 'recovery_code_invalid')) return t('backup:problems.recovery_code_invalid');
  if (isVaultError(error, 'header_bounds') || isVaultError(error, 'header_version')) return t('backup:problems.backup_damaged');
  if (error instanceof BackupUnavailable) return t('backup:problems.unavailable');
  if (error instanceof SaveProblem) return t(`export:problems.${error.code}`);
  if (isStoreError(error, 'storage_full')) return t('backup:problems.storage_full');
  if (isStoreError(error, 'conflict')) return t('backup:problems.conflict');
  if (isStoreError(error, 'exists')) return t('backup:problems.exists');
  if (isStoreError(error, 'storage_unavailable')) return t('common:errors.storage_unavailable');
  return t('backup:problems.failed');
}
