// Messages between the page and the Argon2id worker.
import type { VaultErrorCode } from './errors';
import type { KdfParams } from './keyFile';

export interface KdfRequest {
  id: number;
  secret: Uint8Array;
  salt: Uint8Array;
  kdf: KdfParams;
}

export type KdfResponse = { id: number; ok: true; key: CryptoKey } | { id: number; ok: false; code: VaultErrorCode };
