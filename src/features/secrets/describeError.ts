// Turns any failure into a sentence she can act on, in her language. Never a stack trace, never a code.
import { t } from '../../platform/i18n';
import { isStoreError } from '../../platform/store';
import { isVaultError } from '../../platform/vault';

export function describeError(error: unknown): string {
  if (isVaultError(error, 'no_matching_slot')) return t('common:errors.wrong_secret');
  if (isVaultError(error, 'recovery_code_invalid')) return t('common:errors.recovery_code_invalid');
  if (isStoreError(error, 'storage_full')) return t('common:errors.storage_full');
  if (isStoreError(error, 'storage_unavailable')) return t('common:errors.storage_unavailable');
  if (isStoreError(error, 'conflict')) return t('common:errors.conflict');
  if (isStoreError(error, 'damaged') || isVaultError(error, 'record_damaged') || isVaultError(error, 'key_file_malformed')) return t('common:errors.damaged');
  return t('common:errors.generic');
}
