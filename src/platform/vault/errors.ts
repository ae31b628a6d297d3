// Named errors with codes: the UI turns a code into a translated message, never a stack trace.

export type VaultErrorCode =
  | 'key_file_malformed'
  | 'header_version'
  | 'header_bounds'
  | 'no_matching_slot'
  | 'record_damaged'
  | 'record_version'
  | 'recovery_code_invalid'
  | 'secret_invalid'
  /** A new PIN or passphrase that already opens another slot (the duress PIN, or the real one). */
  | 'secret_in_use'
  /** Every key slot is taken (a duress vault cannot be added). */
  | 'no_free_slot'
  | 'locked'
  | 'aborted';

export class VaultError extends Error {
  readonly code: VaultErrorCode;
  constructor(code: VaultErrorCode, message: string = code) {
    super(message);
    this.name = 'VaultError';
    this.code = code;
  }
}

export function isVaultError(error: unknown, code?: VaultErrorCode): error is VaultError {
  return error instanceof VaultError && (code === undefined || error.code === code);
}
