import { describe, expect, it } from 'vitest';
import { fromHex } from './bytes';
import { createIdentity } from './identity';
import { type PublicIdentity, safetyNumber } from './safetyNumber';

/** P-256's generator point: any valid point will do for a fixed party. */
const G = fromHex('046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c2964fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5');
/** The RFC 6979 A.2.5 public key. */
const U = fromHex('0460fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb67903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299');

const party = async (): Promise<PublicIdentity> => (await createIdentity()).identity;

describe('safety number', () => {
  it('is 12 groups of 5 digits, the same from either side', async () => {
    const a = await party();
    const b = await party();
    const ab = await safetyNumber(a, b);
    expect(ab).toHaveLength(12);
    for (const group of ab) expect(group).toMatch(/^\d{5}$/);
    expect(await safetyNumber(b, a)).toEqual(ab);
  });

  it('changes when any one of the four keys changes', async () => {
    const a = await party();
    const b = await party();
    const other = await party();
    const base = (await safetyNumber(a, b)).join(' ');
    const variants: [PublicIdentity, PublicIdentity][] = [
      [{ ...a, signingPublic: other.signingPublic }, b],
      [{ ...a, ecdhPublic: other.ecdhPublic }, b],
      [a, { ...b, signingPublic: other.signingPublic }],
      [a, { ...b, ecdhPublic: other.ecdhPublic }],
      // Swapping one side's two keys is a different identity too.
      [{ signingPublic: a.ecdhPublic, ecdhPublic: a.signingPublic }, b],
    ];
    for (const [x, y] of variants) expect((await safetyNumber(x, y)).join(' ')).not.toBe(base);
  });

  // Computed independently (Python hashlib) from the derivation written in safetyNumber.ts.
  it('pins the v1 derivation for fixed keys', async () => {
    const number = await safetyNumber({ signingPublic: G, ecdhPublic: U }, { signingPublic: U, ecdhPublic: G });
    expect(number.join(' ')).toBe('42952 28299 82514 60507 48192 01906 48961 75188 99625 03445 70597 86700');
  });

  it('refuses keys that are not raw uncompressed points', async () => {
    const a = await party();
    await expect(safetyNumber({ ...a, signingPublic: a.signingPublic.slice(1) }, a)).rejects.toThrow(RangeError);
  });
});
