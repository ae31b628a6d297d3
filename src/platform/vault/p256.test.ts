import { describe, expect, it } from 'vitest';
import { fromBase64Url, fromHex, toHex } from './bytes';
import { P256_ORDER, bigIntToBytes, bytesToBigInt, publicPointOf, scalarFromBytes } from './p256';

describe('P-256 public point from a scalar', () => {
  it('matches the key of RFC 6979 A.2.5', () => {
    const d = 0xc9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721n;
    expect(toHex(publicPointOf(d))).toBe(
      '04' + '60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6' + '7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299',
    );
  });

  it('agrees with WebCrypto on freshly generated keys', async () => {
    for (let i = 0; i < 5; i++) {
      const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
      const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
      const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
      expect(toHex(publicPointOf(bytesToBigInt(fromBase64Url(jwk.d ?? ''))))).toBe(toHex(raw));
    }
  });

  it('handles the smallest and largest scalars, and refuses out-of-range ones', () => {
    // 1·G is G itself; (n − 1)·G is −G, the same x with y negated.
    const g = publicPointOf(1n);
    expect(toHex(g.slice(1, 33))).toBe('6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296');
    const minusG = publicPointOf(P256_ORDER - 1n);
    expect(minusG.slice(1, 33)).toEqual(g.slice(1, 33));
    expect(minusG.slice(33)).not.toEqual(g.slice(33));
    expect(() => publicPointOf(0n)).toThrow(RangeError);
    expect(() => publicPointOf(P256_ORDER)).toThrow(RangeError);
  });
});

describe('scalarFromBytes (FIPS 186-5 A.4.1)', () => {
  it('maps all-zero and all-one inputs into [1, n − 1]', () => {
    expect(scalarFromBytes(new Uint8Array(40))).toBe(1n);
    const top = scalarFromBytes(new Uint8Array(40).fill(0xff));
    expect(top >= 1n && top < P256_ORDER).toBe(true);
    expect(top).toBe(((1n << 320n) - 1n) % (P256_ORDER - 1n) + 1n);
  });

  it('refuses fewer than 320 bits', () => {
    expect(() => scalarFromBytes(new Uint8Array(32))).toThrow(RangeError);
  });

  it('converts big-endian both ways', () => {
    expect(toHex(bigIntToBytes(bytesToBigInt(fromHex('00ff01')), 3))).toBe('00ff01');
  });
});
