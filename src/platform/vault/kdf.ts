// Argon2id (hash-wasm) from a PIN or passphrase to a key-encryption key. In the app this runs in a
// Web Worker (kdf.worker.ts) so the calculator stays responsive and an attempt can be abandoned by
// terminating the worker; the function itself is pure and runs in Node for the known-answer tests.

import { argon2id } from 'hash-wasm';
import { type Bytes, zero } from './bytes';
import { VAULT } from './constants';
import { type KdfParams, checkKdfBounds } from './keyFile';

/** Raw Argon2id v1.3, no bounds: for known-answer tests and calibration only. */
export async function argon2idRaw(secret: Uint8Array, salt: Uint8Array, kdf: KdfParams, hashLength: number = VAULT.kdf.keyBytes): Promise<Bytes> {
  const out = await argon2id({
    password: secret,
    salt,
    memorySize: kdf.memoryKiB,
    iterations: kdf.iterations,
    parallelism: kdf.parallelism,
    hashLength,
    outputType: 'binary',
  });
  return new Uint8Array(out);
}

/**
 * Derives the key-encryption key for the slots. Bounds are checked first, so a corrupt header cannot
 * make the tab allocate gigabytes. The raw key bytes are zeroed once imported non-extractable.
 */
export async function deriveKek(secret: Uint8Array, salt: Uint8Array, kdf: KdfParams): Promise<CryptoKey> {
  checkKdfBounds(kdf);
  const raw = await argon2idRaw(secret, salt, kdf);
  try {
    return await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt', 'unwrapKey']);
  } finally {
    zero(raw);
  }
}
