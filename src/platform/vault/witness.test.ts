import { describe, expect, it } from 'vitest';
import { Countersignature } from '../../shared/protocol/witness';
import { fromBase64Url, toBase64Url } from './bytes';
import { countersign, keyFingerprint, verifyCountersignature } from './witness';

const HEAD = { seq: 7, hash: 'ab'.repeat(32) };

async function witnessKey() {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  return { privateKey: pair.privateKey, publicRaw: new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)) };
}

describe('countersignatures', () => {
  it('round trip: a countersignature of the shape the pack carries verifies', async () => {
    const key = await witnessKey();
    const c = await countersign(key, HEAD, 1_764_000_000_000, 1_764_000_005_000);
    expect(Countersignature.parse(c)).toEqual(c);
    expect(await verifyCountersignature(c)).toBe(true);
  });

  it('refuses any changed field, another key, and a flipped signature bit', async () => {
    const key = await witnessKey();
    const other = await witnessKey();
    const c = await countersign(key, HEAD, 1_764_000_000_000, 1_764_000_005_000);
    const sig = fromBase64Url(c.sig);
    sig[10] = (sig[10] as number) ^ 1;
    for (const altered of [
      { ...c, head: { ...c.head, seq: 8 } },
      { ...c, head: { ...c.head, hash: 'cd'.repeat(32) } },
      { ...c, receivedAt: c.receivedAt - 1 },
      { ...c, signedAt: c.signedAt + 1 },
      { ...c, key: toBase64Url(other.publicRaw) },
      { ...c, sig: toBase64Url(sig) },
      { ...c, key: toBase64Url(new Uint8Array(65).fill(4)) },
    ]) {
      expect(await verifyCountersignature(altered)).toBe(false);
    }
  });

  it('fingerprints a key as 10 groups of 4 hex digits, the same every time', async () => {
    const { publicRaw } = await witnessKey();
    const print = await keyFingerprint(publicRaw);
    expect(print).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){9}$/);
    expect(await keyFingerprint(publicRaw)).toBe(print);
    // Known answer: the first 20 bytes of SHA-256 over 65 zero bytes (computed independently, in Python).
    expect(await keyFingerprint(new Uint8Array(65))).toBe('98ce 42de ef51 d402 69d5 42f5 314b ef2c 7468 d401');
  });
});

