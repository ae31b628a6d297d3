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
