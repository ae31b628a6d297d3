// HKDF-SHA256 (RFC 5869) as bytes, for derivations whose output is not a single WebCrypto key (a
// locator, a scalar) or whose bytes a known-answer test must pin.

import type { Bytes } from './bytes';

/** HKDF-SHA256 of `ikm` with `salt` and `info`, `length` bytes long (at most 255 × 32). */
export async function hkdfBytes(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Promise<Bytes> {
  const base = await crypto.subtle.importKey('raw', new Uint8Array(ikm), 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(salt), info: new Uint8Array(info) },
    base,
    length * 8,
  );
  return new Uint8Array(bits);
}
