import { describe, expect, it } from 'vitest';
import { type Bytes, fromBase64Url, toBase64Url, utf8 } from './bytes';
import { createMailboxKey, importMailboxKey } from './mailboxKey';
import { signRequest } from './requestSigning';

describe('mailbox key', () => {
  it('signs requests, stores as JSON and imports back non-extractable, sign only', async () => {
    const seen: Bytes[] = [];
    const { record, key } = await createMailboxKey({ onPkcs8ForTest: (bytes) => seen.push(bytes) });
    expect(seen.map((bytes) => toBase64Url(bytes))).toEqual([record.pkcs8]);
    const again = await importMailboxKey(JSON.parse(JSON.stringify(record)));
    expect(again.privateKey.extractable).toBe(false);
    expect(again.privateKey.usages).toEqual(['sign']);
    expect(again.publicRaw).toEqual(key.publicRaw);
    const headers = await signRequest(again, { method: 'GET', path: '/x' });
    expect(fromBase64Url(headers['x-wm-key'])).toEqual(key.publicRaw);
    const verifier = await crypto.subtle.importKey('raw', key.publicRaw, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, again.privateKey, utf8('m'));
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, verifier, signature, utf8('m'))).toBe(true);
  });

  it('gives each case its own key', async () => {
    expect((await createMailboxKey()).key.publicRaw).not.toEqual((await createMailboxKey()).key.publicRaw);
  });

  it('refuses a malformed or damaged record', async () => {
    const { record } = await createMailboxKey();
    const pkcs8 = fromBase64Url(record.pkcs8);
    pkcs8[2] = (pkcs8[2] ?? 0) ^ 0x40;
    for (const bad of [null, { ...record, version: 2 }, { ...record, publicRaw: 'x' }, { ...record, pkcs8: toBase64Url(pkcs8) }]) {
      await expect(importMailboxKey(bad)).rejects.toMatchObject({ name: 'LinkError', code: 'malformed' });
    }
  });
});
