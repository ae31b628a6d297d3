// P-256 public keys travel and are stored as raw uncompressed points (0x04 ‖ x ‖ y, 65 bytes).
// Importing one checks it is on the curve, so a hostile peer cannot slip in a small-subgroup point.

import type { Bytes } from './bytes';
import { LinkError } from './linkErrors';

export const PUBLIC_KEY_BYTES = 65;

/** True for 65 bytes starting 0x04 (the shape only; import checks the point is on the curve). */
export function isUncompressedPoint(bytes: Uint8Array): boolean {
  return bytes.length === PUBLIC_KEY_BYTES && bytes[0] === 0x04;
}

async function importPublic(raw: Uint8Array, algorithm: 'ECDH' | 'ECDSA', usages: KeyUsage[]): Promise<CryptoKey> {
  if (!isUncompressedPoint(raw)) throw new LinkError('malformed', 'not an uncompressed P-256 point');
  try {
    return await crypto.subtle.importKey('raw', new Uint8Array(raw), { name: algorithm, namedCurve: 'P-256' }, true, usages);
  } catch {
    throw new LinkError('malformed', 'not a point on P-256');
  }
}

/** A peer's ECDH public key, for deriveBits. */
export function importEcdhPublic(raw: Uint8Array): Promise<CryptoKey> {
  return importPublic(raw, 'ECDH', []);
}

/** A peer's ECDSA public key, for verify. */
export function importVerifyKey(raw: Uint8Array): Promise<CryptoKey> {
  return importPublic(raw, 'ECDSA', ['verify']);
}

/** The raw uncompressed point of a public CryptoKey. */
export async function exportPublicRaw(key: CryptoKey): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.exportKey('raw', key));
}
