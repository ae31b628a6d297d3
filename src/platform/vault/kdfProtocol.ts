// Messages between the page and the Argon2id worker.
import type { VaultErrorCode } from './errors';
import type { KdfParams } from './keyFile';

export type KdfRequest =
  | { id: number; kind?: 'derive'; secret: Uint8Array; salt: Uint8Array; kdf: KdfParams }
  /** Compiles the WebAssembly with a tiny run, so the first real attempt does not pay for it. */
  | { id: number; kind: 'warm' };

export type KdfResponse = { id: number; ok: true; key: CryptoKey } | { id: number; ok: false; code: VaultErrorCode };
