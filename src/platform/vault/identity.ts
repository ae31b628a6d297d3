// A device's identity (DESIGN §4): an ECDH P-256 pair (case keys are wrapped to it) and an ECDSA
// P-256 pair (it signs what the device sends). The private keys are generated extractable only so
// they can be exported once, as PKCS8, into an IdentityRecord that the caller stores inside an
// encrypted vault record. After unlock, `importIdentity` brings them back non-extractable, each with
// the one usage it needs. No CryptoKey is ever written anywhere: Chromium stores a "non-extractable"
// CryptoKey put in IndexedDB as plain key bytes on disk.

import { z } from 'zod';
import { SigningKey, base64urlLength } from '../../shared/protocol/relay';
import { type Bytes, fromBase64Url, toBase64Url, zero } from './bytes';
import { LinkError } from './linkErrors';
import { exportPublicRaw } from './publicKeys';

const IDENTITY_VERSION = 1;
const P256 = { namedCurve: 'P-256' } as const;

/** PKCS8 of a P-256 key is about 138 bytes; the bound only keeps absurd input out. */
const Pkcs8 = z
  .string()
  .min(40)
  .max(400)
  .refine((text) => base64urlLength(text) !== null, 'not canonical base64url');
/** A raw uncompressed P-256 point (65 bytes), canonical base64url: the relay's key format. */
const PublicRaw = SigningKey;

export const IdentityKeyPair = z.object({ pkcs8: Pkcs8, publicRaw: PublicRaw });
export type IdentityKeyPair = z.infer<typeof IdentityKeyPair>;

/** How an identity is kept inside a vault record (never anywhere else). */
export const IdentityRecord = z.object({
  version: z.literal(IDENTITY_VERSION),
  ecdh: IdentityKeyPair,
  signing: IdentityKeyPair,
});
export type IdentityRecord = z.infer<typeof IdentityRecord>;

/** An identity in memory: private keys non-extractable with single usages, public keys as raw points. */
export interface DeviceIdentity {
  ecdhPrivate: CryptoKey;
  ecdhPublic: Bytes;
  signingPrivate: CryptoKey;
  signingPublic: Bytes;
}

export interface CreateIdentityOptions {
  /**
   * Test-only hook: called with each private key's PKCS8 bytes (ECDH, then ECDSA) as they are
   * exported, so an end-to-end test can later check those bytes appear nowhere on disk.
   */
  onPkcs8ForTest?: (pkcs8: Bytes) => void;
}

/** Exports a generated pair once: PKCS8 of the private key (reported to the test hook) and the raw public point. */
export async function exportPair(pair: CryptoKeyPair, options: CreateIdentityOptions): Promise<IdentityKeyPair> {
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  options.onPkcs8ForTest?.(pkcs8.slice());
  const record = { pkcs8: toBase64Url(pkcs8), publicRaw: toBase64Url(await exportPublicRaw(pair.publicKey)) };
  zero(pkcs8);
  return record;
}

/** A new identity: the record to store inside the vault, and the same identity imported for use now. */
export async function createIdentity(options: CreateIdentityOptions = {}): Promise<{ record: IdentityRecord; identity: DeviceIdentity }> {
  const ecdh = await crypto.subtle.generateKey({ name: 'ECDH', ...P256 }, true, ['deriveBits']);
  const signing = await crypto.subtle.generateKey({ name: 'ECDSA', ...P256 }, true, ['sign', 'verify']);
  const record: IdentityRecord = {
    version: IDENTITY_VERSION,
    ecdh: await exportPair(ecdh, options),
    signing: await exportPair(signing, options),
  };
  // The extractable generated keys go out of scope here; only the non-extractable imports are kept.
  return { record, identity: await importIdentity(record) };
}

/** Imports a stored identity record: private keys non-extractable, ECDH for deriveBits only, ECDSA for sign only. */
export async function importIdentity(stored: unknown): Promise<DeviceIdentity> {
  const parsed = IdentityRecord.safeParse(stored);
  if (!parsed.success) throw new LinkError('malformed', 'identity record');
  const record = parsed.data;
  const ecdhPkcs8 = fromBase64Url(record.ecdh.pkcs8);
  const signingPkcs8 = fromBase64Url(record.signing.pkcs8);
  try {
    return {
      ecdhPrivate: await crypto.subtle.importKey('pkcs8', ecdhPkcs8, { name: 'ECDH', ...P256 }, false, ['deriveBits']),
      ecdhPublic: fromBase64Url(record.ecdh.publicRaw),
      signingPrivate: await crypto.subtle.importKey('pkcs8', signingPkcs8, { name: 'ECDSA', ...P256 }, false, ['sign']),
      signingPublic: fromBase64Url(record.signing.publicRaw),
    };
  } catch {
    throw new LinkError('malformed', 'identity key');
  } finally {
    zero(ecdhPkcs8);
    zero(signingPkcs8);
  }
}
