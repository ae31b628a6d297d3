import { describe, expect, it } from 'vitest';
import { fromBase64Url, fromHex, randomBytes, toHex, utf8 } from './bytes';
import { relayBackupKey, relayBackupLocator, relayWriteKey, relayWriteKeyMaterial } from './relayKeys';
import { signRequest } from './requestSigning';

const ENTROPY = fromHex('000102030405060708090a0b0c0d0e0f');

// Known answers for the fixed entropy above, computed independently (Python: hmac/hashlib HKDF,
// the `cryptography` package for the P-256 point and AES-GCM) from the derivation written in
// relayKeys.ts. If one of these changes, existing backups can no longer be found or opened.
describe('relay backup keys: known answers (format v1)', () => {
  it('pins the locator', async () => {
    expect(await relayBackupLocator(ENTROPY)).toBe('3q0N9y2hW3j7hbuNuZ0metYn3Ft7jevVu7_1u6xTYKY');
  });

  it('pins the write key scalar and its public point', async () => {
    const { d, publicRaw } = await relayWriteKeyMaterial(ENTROPY);
    expect(toHex(d)).toBe('8698d442c9b5612f02fc8c45d6d2ebdd0fbbc33ecd74a4e1f4d23076084f2638');
    expect(toHex(publicRaw)).toBe(
      '0477122bc8b1b8383c737d0048685d49d9cf1ba71fd5244e57cb86a42fbe1e9ac109bd5ef3fac328f8ae043422173f02c91f6384a6feb29b626b970c3aea9d2eab',
    );
  });

  it('pins the encryption key (through AES-GCM of a fixed plaintext under an all-zero IV)', async () => {
    const key = await relayBackupKey(ENTROPY);
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, utf8('waymark'));
    expect(toHex(new Uint8Array(sealed))).toBe('6811d74e4861b373291a314571e22db5abe6fbf995bf29');
  });
});

describe('relay backup keys', () => {
  it('gives a write key that signs relay requests verifiable under its public point', async () => {
    const key = await relayWriteKey(ENTROPY);
    expect(key.privateKey.extractable).toBe(false);
    expect(key.privateKey.usages).toEqual(['sign']);
    const headers = await signRequest(key, { method: 'PUT', path: '/relay/v1/backups/x/objects/y', body: utf8('z') });
    expect(fromBase64Url(headers['x-wm-key'])).toEqual(key.publicRaw);
    const verifier = await crypto.subtle.importKey('raw', key.publicRaw, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, utf8('m'));
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, verifier, signature, utf8('m'))).toBe(true);
  });

  it('is the same for the same code and different for another', async () => {
    const other = randomBytes(16);
    expect(await relayBackupLocator(ENTROPY)).toBe(await relayBackupLocator(new Uint8Array(ENTROPY)));
    expect(await relayBackupLocator(other)).not.toBe(await relayBackupLocator(ENTROPY));
    expect((await relayWriteKeyMaterial(other)).publicRaw).not.toEqual((await relayWriteKeyMaterial(ENTROPY)).publicRaw);
  });

  it('keeps the three derivations apart', async () => {
    const locator = fromBase64Url(await relayBackupLocator(ENTROPY));
    const { d } = await relayWriteKeyMaterial(ENTROPY);
    expect(locator).not.toEqual(d);
  });

  it('refuses entropy that is not 16 bytes', async () => {
    await expect(relayBackupLocator(new Uint8Array(15))).rejects.toThrow(RangeError);
    await expect(relayWriteKey(new Uint8Array(32))).rejects.toThrow(RangeError);
    await expect(relayBackupKey(new Uint8Array(0))).rejects.toThrow(RangeError);
  });
});
