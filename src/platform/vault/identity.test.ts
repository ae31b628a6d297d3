import { describe, expect, it } from 'vitest';
import { type Bytes, fromBase64Url, toBase64Url, utf8 } from './bytes';
import { type IdentityRecord, createIdentity, importIdentity } from './identity';

const verify = async (publicRaw: Bytes, signature: ArrayBuffer, data: Bytes) => {
  const key = await crypto.subtle.importKey('raw', publicRaw, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, data);
};

describe('device identity', () => {
  it('signs with its ECDSA key and agrees on a secret with another identity over ECDH', async () => {
    const { identity: a } = await createIdentity();
    const { identity: b } = await createIdentity();
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, a.signingPrivate, utf8('hello'));
    expect(await verify(a.signingPublic, signature, utf8('hello'))).toBe(true);
    expect(await verify(b.signingPublic, signature, utf8('hello'))).toBe(false);

    const bPublic = await crypto.subtle.importKey('raw', b.ecdhPublic, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
    const aPublic = await crypto.subtle.importKey('raw', a.ecdhPublic, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
    const ab = await crypto.subtle.deriveBits({ name: 'ECDH', public: bPublic }, a.ecdhPrivate, 256);
    const ba = await crypto.subtle.deriveBits({ name: 'ECDH', public: aPublic }, b.ecdhPrivate, 256);
    expect(new Uint8Array(ab)).toEqual(new Uint8Array(ba));
  });

  it('imports private keys non-extractable, each with its single usage', async () => {
    const { identity } = await createIdentity();
    expect(identity.ecdhPrivate.extractable).toBe(false);
    expect(identity.ecdhPrivate.usages).toEqual(['deriveBits']);
    expect(identity.signingPrivate.extractable).toBe(false);
    expect(identity.signingPrivate.usages).toEqual(['sign']);
    await expect(crypto.subtle.exportKey('pkcs8', identity.signingPrivate)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('pkcs8', identity.ecdhPrivate)).rejects.toThrow();
  });

  it('stores as plain JSON and imports back to the same keys', async () => {
    const { record, identity } = await createIdentity();
    const stored = JSON.parse(JSON.stringify(record)) as unknown;
    expect(stored).toEqual(record);
    const again = await importIdentity(stored);
    expect(again.signingPublic).toEqual(identity.signingPublic);
    expect(again.ecdhPublic).toEqual(identity.ecdhPublic);
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, again.signingPrivate, utf8('x'));
    expect(await verify(identity.signingPublic, signature, utf8('x'))).toBe(true);
  });

  it('reports each PKCS8 export to the test hook, and only those bytes are in the record', async () => {
    const seen: Bytes[] = [];
    const { record } = await createIdentity({ onPkcs8ForTest: (bytes) => seen.push(bytes) });
    expect(seen).toHaveLength(2);
    expect(toBase64Url(seen[0] ?? new Uint8Array())).toBe(record.ecdh.pkcs8);
    expect(toBase64Url(seen[1] ?? new Uint8Array())).toBe(record.signing.pkcs8);
  });

  it('refuses a malformed record', async () => {
    const { record } = await createIdentity();
    const cases: unknown[] = [
      null,
      { ...record, version: 2 },
      { ...record, ecdh: { ...record.ecdh, publicRaw: record.ecdh.publicRaw.slice(1) } },
      { ...record, signing: { ...record.signing, pkcs8: '' } },
      { ...record, signing: { ...record.signing, pkcs8: 'not base64url!'.repeat(4) } },
      { ...record, signing: { ...record.signing, pkcs8: `${record.signing.pkcs8}A` } },
      { ...record, ecdh: { ...record.ecdh, publicRaw: `!${record.ecdh.publicRaw.slice(1)}` } },
      { ...record, ecdh: { ...record.ecdh, publicRaw: `A${record.ecdh.publicRaw.slice(1)}` } },
    ];
    for (const stored of cases) await expect(importIdentity(stored)).rejects.toMatchObject({ name: 'LinkError', code: 'malformed' });
  });

  it('refuses a record whose PKCS8 was damaged', async () => {
    const { record } = await createIdentity();
    const pkcs8 = fromBase64Url(record.signing.pkcs8);
    pkcs8[2] = (pkcs8[2] ?? 0) ^ 0x40; // inside the outer DER length: no longer parses
    const damaged: IdentityRecord = { ...record, signing: { ...record.signing, pkcs8: toBase64Url(pkcs8) } };
    await expect(importIdentity(damaged)).rejects.toMatchObject({ code: 'malformed' });
  });
});
