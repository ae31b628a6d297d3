import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes';
import { type RecordContext, openEnvelope, sealEnvelope } from './envelope';
import { bucketSize, pad, unpad } from './padding';

const key = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const ctx: RecordContext = { kind: 'settings', id: 'abc', schemaVersion: 1 };

describe('record envelope', () => {
  it('round-trips', async () => {
    const k = await key();
    const sealed = await sealEnvelope(k, ctx, utf8('hello'));
    expect(new TextDecoder().decode(await openEnvelope(k, ctx, sealed))).toBe('hello');
  });

  it('uses a fresh IV every time', async () => {
    const k = await key();
    const a = await sealEnvelope(k, ctx, utf8('same'));
    const b = await sealEnvelope(k, ctx, utf8('same'));
    expect(a.slice(1, 13)).not.toEqual(b.slice(1, 13));
  });

  it('detects a flipped bit anywhere in IV or ciphertext', async () => {
    const k = await key();
    const sealed = await sealEnvelope(k, ctx, utf8('hello'));
    for (const at of [1, 6, 12, 13, 40, sealed.length - 1]) {
      const altered = sealed.slice();
      altered[at] = (altered[at] ?? 0) ^ 1;
      await expect(openEnvelope(k, ctx, altered)).rejects.toMatchObject({ code: 'record_damaged' });
    }
  });

  it('refuses an unknown envelope version and a truncated envelope', async () => {
    const k = await key();
    const sealed = await sealEnvelope(k, ctx, utf8('hello'));
    const altered = sealed.slice();
    altered[0] = 2;
    await expect(openEnvelope(k, ctx, altered)).rejects.toMatchObject({ code: 'record_version' });
    await expect(openEnvelope(k, ctx, sealed.slice(0, 20))).rejects.toMatchObject({ code: 'record_damaged' });
  });

  it('binds kind, id and schema version (a record moved or relabelled does not open)', async () => {
    const k = await key();
    const sealed = await sealEnvelope(k, ctx, utf8('hello'));
    for (const other of [{ ...ctx, id: 'abd' }, { ...ctx, kind: 'entry' }, { ...ctx, schemaVersion: 2 }]) {
      await expect(openEnvelope(k, other, sealed)).rejects.toMatchObject({ code: 'record_damaged' });
    }
  });

  it('fails with the wrong key', async () => {
    const sealed = await sealEnvelope(await key(), ctx, utf8('hello'));
    await expect(openEnvelope(await key(), ctx, sealed)).rejects.toMatchObject({ code: 'record_damaged' });
  });

  it('pads to buckets so lengths leak little', async () => {
    const k = await key();
    const short = await sealEnvelope(k, ctx, utf8('a'));
    const longer = await sealEnvelope(k, ctx, utf8('a'.repeat(200)));
    expect(short.length).toBe(longer.length);
  });
});

describe('padding', () => {
  it('has the buckets we promise', () => {
    expect(bucketSize(1)).toBe(256);
    expect(bucketSize(257)).toBe(512);
    expect(bucketSize(65536)).toBe(65536);
    expect(bucketSize(65537)).toBe(131072);
    expect(bucketSize(200_000)).toBe(4 * 65536);
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (data) => {
        const padded = pad(data);
        expect(padded.length).toBe(bucketSize(data.length + 4));
        expect(unpad(padded)).toEqual(data);
      }),
    );
  });

  it('refuses a length prefix that overruns', () => {
    const padded = pad(utf8('x'));
    new DataView(padded.buffer).setUint32(0, 10_000, true);
    expect(() => unpad(padded)).toThrow(expect.objectContaining({ code: 'record_damaged' }));
  });
});
