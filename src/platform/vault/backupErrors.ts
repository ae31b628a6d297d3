// What can be wrong with a backup file, by name. The UI turns each code into a translated sentence
// that says what is wrong; none of them leaves anything changed.

export type BackupErrorCode =
  /** Not one of our backups at all (another file picked by mistake, or a key file). */
  | 'not_a_backup'
  /** A backup from a newer version of the app. */
  | 'backup_version'
  /** Cut short: the file ends before its last part (a download that did not finish). */
  | 'backup_truncated'
  /** Some part fails to read back exactly as written (corrupted, or bytes added). */
  | 'backup_damaged'
  /** The header was changed after the backup was made (it no longer matches its seal). */
  | 'backup_altered'
  /** The recovery code (or passphrase) does not open this backup. */
  | 'wrong_recovery_code'
  /** The backup holds no passphrase slot, so only the recovery code can open it. */
  | 'no_passphrase_slot'
  | 'aborted';

export class BackupError extends Error {
  readonly code: BackupErrorCode;
  constructor(code: BackupErrorCode, message: string = code) {
    super(message);
    this.name = 'BackupError';
    this.code = code;
  }
}

export function isBackupError(error: unknown, code?: BackupErrorCode): error is BackupError {
  return error instanceof BackupError && (code === undefined || error.code === code);
}
