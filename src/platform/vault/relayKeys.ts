// What the relay backup needs, derived from the recovery code alone (DESIGN §4 "Backups"), so a
// new phone holding nothing but the code can find, prove and open her backup. Format v1:
//
//   okm(label, n) = HKDF-SHA256(ikm = the code's 16 bytes of entropy, salt = empty, info = UTF-8 label, n bytes)
//
//   locator        okm("waymark/v1/relay-backup/locator", 32), base64url (43 characters)
//   write key      d = (okm("waymark/v1/relay-backup/write-key", 40) mod (n − 1)) + 1      (FIPS 186-5 A.4.1)
//                  an ECDSA P-256 key; the relay registers its public point at the first write
//                  and accepts later writes and deletes only when signed by it (relay.ts)
//   encryption key okm("waymark/v1/relay-backup/encryption-key", 32), an AES-256-GCM key
//
// No salt: the entropy is already 128 uniformly random bits, and a salt would have to be stored
// where only the code can find it. The labels keep the three apart: the relay learns the locator and
// the write key's public point, and neither says anything about the encryption key.
//
// Why an ECDSA write key rather than a secret the relay compares with a stored hash: a bearer secret
// is shown to the relay (and to whatever logs or proxies sit in front of it) on every write, while a
// signature proves the key without revealing it, and with the relay's timestamp and nonce it cannot be
// replayed. It also makes backup requests signed exactly like every other relay request. WebCrypto
// cannot derive a key pair from a seed, so the scalar comes from HKDF and its public point from
// p256.ts; WebCrypto then imports the pair as JWK and does all signing.

import { type Bytes, toBase64Url, utf8 } from './bytes';
import { hkdfBytes } from './hkdf';
import { bigIntToBytes, publicPointOf, scalarFromBytes } from './p256';
import type { RequestSigningKey } from './requestSigning';

export const RELAY_BACKUP_LABELS = {
  locator: 'waymark/v1/relay-backup/locator',
  writeKey: 'waymark/v1/relay-backup/write-key',
  encryptionKey: 'waymark/v1/relay-backup/encryption-key',
} as const;

const ENTROPY_BYTES = 16;

function okm(entropy: Uint8Array, label: string, length: number): Promise<Bytes> {
  if (entropy.length !== ENTROPY_BYTES) throw new RangeError('recovery entropy is 16 bytes');
  return hkdfBytes(entropy, new Uint8Array(0), utf8(label), length);
}

/** The relay backup's locator: 32 bytes from the recovery code, base64url. */
export async function relayBackupLocator(entropy: Uint8Array): Promise<string> {
  return toBase64Url(await okm(entropy, RELAY_BACKUP_LABELS.locator, 32));
}

/** The write key's private scalar (32 bytes, big-endian) and public point; exported for known-answer tests. */
export async function relayWriteKeyMaterial(entropy: Uint8Array): Promise<{ d: Bytes; publicRaw: Bytes }> {
  const d = scalarFromBytes(await okm(entropy, RELAY_BACKUP_LABELS.writeKey, 40));
  return { d: bigIntToBytes(d, 32), publicRaw: publicPointOf(d) };
}

/** The backup write key, ready to sign relay requests: private part non-extractable, sign only. */
export async function relayWriteKey(entropy: Uint8Array): Promise<RequestSigningKey> {
  const { d, publicRaw } = await relayWriteKeyMaterial(entropy);
  const jwk: JsonWebKey = {
    kty: 'EC',
    crv: 'P-256',
    d: toBase64Url(d),
    x: toBase64Url(publicRaw.subarray(1, 33)),
    y: toBase64Url(publicRaw.subarray(33)),
  };
  const privateKey = await crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  d.fill(0);
  return { privateKey, publicRaw };
}

/** The relay backup's AES-256-GCM key, non-extractable. */
export async function relayBackupKey(entropy: Uint8Array): Promise<CryptoKey> {
  const raw = await okm(entropy, RELAY_BACKUP_LABELS.encryptionKey, 32);
  try {
    return await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  } finally {
    raw.fill(0);
  }
}
