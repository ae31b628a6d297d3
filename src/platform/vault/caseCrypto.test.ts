import { describe, expect, it } from 'vitest';
import { RELAY } from '../../shared/protocol/relay';
import { fromHex, fromUtf8, randomBytes, toBase64Url, toHex, utf8 } from './bytes';
import { CASE_MESSAGE_OVERHEAD, type CaseMessageContext, MAX_CASE_PLAINTEXT, caseMessageEpoch, importCaseKey, openCaseMessage, sealCaseMessage } from './caseCrypto';

const ctx: CaseMessageContext = { caseId: toBase64Url(randomBytes(16)), epoch: 3, messageId: toBase64Url(randomBytes(16)) };
const newKey = () => importCaseKey(randomBytes(32));

function flipBit(sealed: Uint8Array, at: number): Uint8Array {
  const altered = sealed.slice();
  altered[at] = (altered[at] ?? 0) ^ 1;
  return altered;
}

describe('case messages', () => {
  it('round-trips text and binary (a Yjs update)', async () => {
    const key = await newKey();
    expect(fromUtf8(await openCaseMessage(key, ctx, await sealCaseMessage(key, ctx, utf8('threat to kill, 3 May'))))).toBe('threat to kill, 3 May');
    const update = randomBytes(5000);
    expect(await openCaseMessage(key, ctx, await sealCaseMessage(key, ctx, update))).toEqual(update);
    const empty = new Uint8Array(0);
    expect(await openCaseMessage(key, ctx, await sealCaseMessage(key, ctx, empty))).toEqual(empty);
  });

  it('is exactly one relay message bucket long, the smallest that fits', async () => {
    const key = await newKey();
    const sizes = [0, 1, 1024 - CASE_MESSAGE_OVERHEAD - 4, 1024 - CASE_MESSAGE_OVERHEAD - 3, 5000, MAX_CASE_PLAINTEXT];
    const lengths = await Promise.all(sizes.map(async (n) => (await sealCaseMessage(key, ctx, new Uint8Array(n))).length));
    expect(lengths).toEqual([1024, 1024, 1024, 4096, 16384, 256 * 1024]);
    for (const length of lengths) expect(RELAY.messageBuckets).toContain(length);
    await expect(sealCaseMessage(key, ctx, new Uint8Array(MAX_CASE_PLAINTEXT + 1))).rejects.toThrow(RangeError);
  });

  it('says its version and epoch in the clear, and uses a fresh IV', async () => {
    const key = await newKey();
    const a = await sealCaseMessage(key, ctx, utf8('a'));
    const b = await sealCaseMessage(key, ctx, utf8('a'));
    expect(toHex(a.slice(0, 5))).toBe('0100000003');
    expect(caseMessageEpoch(a)).toBe(3);
    expect(a.slice(5, 17)).not.toEqual(b.slice(5, 17));
  });

  it('detects a flipped bit in the epoch, IV, ciphertext or tag', async () => {
    const key = await newKey();
    const sealed = await sealCaseMessage(key, ctx, utf8('hello'));
    for (const at of [4, 5, 16, 17, 500, sealed.length - 1]) {
      await expect(openCaseMessage(key, ctx, flipBit(sealed, at))).rejects.toMatchObject({ name: 'LinkError', code: 'tampered' });
    }
  });

  it('binds case, epoch and message id', async () => {
    const key = await newKey();
    const sealed = await sealCaseMessage(key, ctx, utf8('hello'));
    for (const other of [{ ...ctx, caseId: 'other' }, { ...ctx, epoch: 2 }, { ...ctx, messageId: 'other' }]) {
      await expect(openCaseMessage(key, other, sealed)).rejects.toMatchObject({ code: 'tampered' });
    }
  });

  it('fails under another case key', async () => {
    const sealed = await sealCaseMessage(await newKey(), ctx, utf8('hello'));
    await expect(openCaseMessage(await newKey(), ctx, sealed)).rejects.toMatchObject({ code: 'tampered' });
  });

  it('refuses an unknown version and a truncated message as malformed', async () => {
    const key = await newKey();
    const sealed = await sealCaseMessage(key, ctx, utf8('hello'));
    await expect(openCaseMessage(key, ctx, flipBit(sealed, 0))).rejects.toMatchObject({ code: 'malformed' });
    await expect(openCaseMessage(key, ctx, sealed.slice(0, 30))).rejects.toMatchObject({ code: 'malformed' });
    expect(() => caseMessageEpoch(new Uint8Array(10))).toThrow(expect.objectContaining({ code: 'malformed' }));
  });

  it('refuses a context whose fields could blur the AAD', async () => {
    const key = await newKey();
    await expect(sealCaseMessage(key, { ...ctx, caseId: 'a|b' }, utf8('x'))).rejects.toThrow(RangeError);
    await expect(sealCaseMessage(key, { ...ctx, epoch: 0 }, utf8('x'))).rejects.toThrow(RangeError);
  });

  // McGrew–Viega GCM test case 16 (AES-256, 96-bit IV, with AAD): pins that the case key is used as a
  // plain AES-256-GCM key, the primitive under the format above.
  it('uses the case key as AES-256-GCM (GCM test case 16)', async () => {
    const key = await importCaseKey(fromHex('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308'));
    const plaintext = fromHex(
      'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
    );
    const sealed = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: fromHex('cafebabefacedbaddecaf888'), additionalData: fromHex('feedfacedeadbeeffeedfacedeadbeefabaddad2') },
      key,
      plaintext,
    );
    expect(toHex(new Uint8Array(sealed))).toBe(
      '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662' +
        '76fc6ece0f4e1768cddf8853bb2d551b',
    );
  });
});
