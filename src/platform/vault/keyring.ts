// The working keys of an unlocked vault, derived from the vault key with HKDF so each has one job:
// AES-GCM for records, HMAC for the opaque tags that let the store list records of one kind without
// writing the kind's name to disk.

import { type Bytes, toBase64Url, utf8 } from './bytes';
import { LABELS } from './constants';

export interface Keyring {
  records: CryptoKey;
  tags: CryptoKey;
  /** The vault key itself (non-extractable HKDF), for keys made on demand: a backup's stream key. */
  master: CryptoKey;
}

function hkdf(info: string): HkdfParams {
  return { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: utf8(info) };
}

export async function deriveKeyring(master: CryptoKey): Promise<Keyring> {
  const [records, tags] = await Promise.all([
    crypto.subtle.deriveKey(hkdf(LABELS.recordKey), master, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
    crypto.subtle.deriveKey(hkdf(LABELS.tagKey), master, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']),
  ]);
  return { records, tags, master };
}

/** A stable, opaque stand-in for a record kind: 128 bits of HMAC, base64url. */
export async function tagFor(keyring: Keyring, kind: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', keyring.tags, utf8(`kind|${kind}`)));
  return toBase64Url(mac.subarray(0, 16) as Bytes);
}
