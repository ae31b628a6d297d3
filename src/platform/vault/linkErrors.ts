// What can be wrong with something the advocate link received, by name: a key delivery, a sealed
// case message or a stored device identity. Each is refused whole; nothing from it is applied.

export type LinkErrorCode =
  /** Not the shape we expect (fields missing, wrong lengths, not a point on P-256, unknown version). */
  | 'malformed'
  /** A key delivery that carries no signature at all. */
  | 'unsigned'
  /** The signature does not verify under the sender's identity key (forged, or altered after signing). */
  | 'bad_signature'
  /** Signed for another case than the one it arrived for. */
  | 'wrong_case'
  /** Addressed to another device's key. */
  | 'wrong_recipient'
  /** An epoch not newer than the one we hold: a replayed or rolled-back case key. */
  | 'stale_epoch'
  /** Authenticated decryption failed: the ciphertext, IV, or what the AAD binds was changed. */
  | 'tampered';

export class LinkError extends Error {
  readonly code: LinkErrorCode;
  constructor(code: LinkErrorCode, message: string = code) {
    super(message);
    this.name = 'LinkError';
    this.code = code;
  }
}

export function isLinkError(error: unknown, code?: LinkErrorCode): error is LinkError {
  return error instanceof LinkError && (code === undefined || error.code === code);
}
