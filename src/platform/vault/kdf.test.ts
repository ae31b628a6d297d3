import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from './bytes';
import { VaultError } from './errors';
import { argon2idRaw, deriveKek } from './kdf';

// Argon2id v1.3 known answers from the reference implementation (phc-winner-argon2, src/test.c):
// password "password" unless stated, salt "somesalt", 32-byte tag. RFC 9106's vectors use associated
// data, which hash-wasm does not take.
const KAT = [
  { t: 2, mLog2: 16, pwd: 'password', salt: 'somesalt', tag: '09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7' },
  { t: 2, mLog2: 8, pwd: 'password', salt: 'somesalt', tag: '9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe' },
  { t: 1, mLog2: 16, pwd: 'password', salt: 'somesalt', tag: 'f6a5adc1ba723dddef9b5ac1d464e180fcd9dffc9d1cbf76cca2fed795d9ca98' },
  { t: 4, mLog2: 16, pwd: 'password', salt: 'somesalt', tag: '9025d48e68ef7395cca9079da4c4ec3affb3c8911fe4f86d1a2520856f63172c' },
  { t: 2, mLog2: 16, pwd: 'differentpassword', salt: 'somesalt', tag: '0b84d652cf6b0c4beaef0dfe278ba6a80df6696281d7e0d2891b817d8c458fde' },
  { t: 2, mLog2: 16, pwd: 'password', salt: 'diffsalt', tag: 'bdf32b05ccc42eb15d58fd19b1f856b113da1e9a5874fdcc544308565aa8141c' },
];

describe('Argon2id', () => {
  it.each(KAT)('matches the reference answer for t=$t m=2^$mLog2 $pwd/$salt', async ({ t, mLog2, pwd, salt, tag }) => {
    const out = await argon2idRaw(utf8(pwd), utf8(salt), { memoryKiB: 2 ** mLog2, iterations: t, parallelism: 1 });
    expect(toHex(out)).toBe(tag);
  });

  it('refuses absurd parameters before doing any work', async () => {
    const salt = new Uint8Array(16);
    for (const kdf of [
      { memoryKiB: 4 * 1024 * 1024, iterations: 3, parallelism: 1 },
      { memoryKiB: 1024, iterations: 3, parallelism: 1 },
      { memoryKiB: 65536, iterations: 1, parallelism: 1 },
      { memoryKiB: 65536, iterations: 1000, parallelism: 1 },
      { memoryKiB: 65536, iterations: 3, parallelism: 4 },
    ]) {
      // A 4 GiB request would take seconds and crash the tab if it ran; refusal is immediate.
      await expect(deriveKek(utf8('123456'), salt, kdf)).rejects.toMatchObject({ code: 'header_bounds' });
    }
  });

  it('produces a non-extractable key', async () => {
    const key = await deriveKek(utf8('123456'), new Uint8Array(16), { memoryKiB: 19456, iterations: 2, parallelism: 1 });
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toBeDefined();
    expect(VaultError).toBeDefined();
  });
});
