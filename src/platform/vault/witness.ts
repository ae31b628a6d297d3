// Making and checking countersignatures of the log's chain head (shared/protocol/witness.ts says what
// they are for). Pure: the advocate's app signs with its identity key; the pack verifier checks, in
// the browser and in Node alike.
import { type Countersignature, WITNESS_VERSION, countersignatureInput } from '../../shared/protocol/witness';
import { type Bytes, fromBase64Url, toBase64Url, toHex, utf8 } from './bytes';
import { importVerifyKey } from './publicKeys';

const ECDSA = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface WitnessKey {
  /** ECDSA P-256, usage ['sign']. */
  privateKey: CryptoKey;
  /** Raw uncompressed point, 65 bytes. */
  publicRaw: Bytes;
}

/** Signs a verified chain head with the relay's receipt time. */
export async function countersign(key: WitnessKey, head: Countersignature['head'], receivedAt: number, signedAt: number = Date.now()): Promise<Countersignature> {
  const fields = { head: { seq: head.seq, hash: head.hash }, receivedAt, signedAt };
  const sig = new Uint8Array(await crypto.subtle.sign(ECDSA, key.privateKey, utf8(countersignatureInput(fields))));
  return { v: WITNESS_VERSION, ...fields, key: toBase64Url(key.publicRaw), sig: toBase64Url(sig) };
}

/** Whether the signature is the key's over exactly these fields. Never throws. */
export async function verifyCountersignature(c: Countersignature): Promise<boolean> {
  try {
    const key = await importVerifyKey(fromBase64Url(c.key));
    return await crypto.subtle.verify(ECDSA, key, fromBase64Url(c.sig), utf8(countersignatureInput(c)));
  } catch {
    return false;
  }
}

/**
 * A key's fingerprint as people compare it: the first 20 bytes of SHA-256 of the raw public key, in
 * 10 groups of 4 hex digits. The advocate's app shows the same for its own key.
 */
export async function keyFingerprint(publicRaw: Uint8Array): Promise<string> {
  const digest = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(publicRaw)))).slice(0, 40);
  return digest.match(/.{4}/g)?.join(' ') ?? digest;
}
