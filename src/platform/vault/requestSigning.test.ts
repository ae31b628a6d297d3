import { describe, expect, it } from 'vitest';
import { SignedHeaders, SubscribeFrame } from '../../shared/protocol/relay';
import { type Bytes, fromBase64Url, fromHex, utf8 } from './bytes';
import { type RequestSigningKey, bodySha256Hex, signRequest, signSubscribeFrame } from './requestSigning';

const ECDSA = { name: 'ECDSA', hash: 'SHA-256' } as const;

async function newKey(): Promise<RequestSigningKey> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  return { privateKey: pair.privateKey, publicRaw: new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)) };
}

/** What the relay does: rebuild the documented input by hand and verify under the key in the headers. */
async function relayVerifies(headers: Record<string, string>, method: string, path: string, body: Bytes): Promise<boolean> {
  const bodyHash = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', body)), (b) => b.toString(16).padStart(2, '0')).join('');
  const input = utf8(`waymark-relay/v1\n${method}\n${path}\n${headers['x-wm-ts']}\n${headers['x-wm-nonce']}\n${bodyHash}`);
  const key = await crypto.subtle.importKey('raw', fromBase64Url(headers['x-wm-key'] ?? ''), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  return crypto.subtle.verify(ECDSA, key, fromBase64Url(headers['x-wm-sig'] ?? ''), input);
}

describe('relay request signing', () => {
  it('produces headers the relay accepts and a signature that verifies over the documented bytes', async () => {
    const key = await newKey();
    const body = utf8('{"id":"x"}');
    const headers = await signRequest(key, { method: 'POST', path: '/relay/v1/mailboxes/m/messages?after=3', body, timestampMs: 1_764_000_000_000 });
    expect(SignedHeaders.safeParse(headers).success).toBe(true);
    expect(headers['x-wm-ts']).toBe('1764000000000');
    expect(fromBase64Url(headers['x-wm-key'])).toEqual(key.publicRaw);
    expect(fromBase64Url(headers['x-wm-nonce'])).toHaveLength(16);
    expect(fromBase64Url(headers['x-wm-sig'])).toHaveLength(64);
    expect(await relayVerifies({ ...headers }, 'POST', '/relay/v1/mailboxes/m/messages?after=3', body)).toBe(true);
  });

  it('signs a string body as its UTF-8 bytes, and an absent body as empty', async () => {
    const key = await newKey();
    const text = await signRequest(key, { method: 'PUT', path: '/a', body: 'ünïcode' });
    expect(await relayVerifies({ ...text }, 'PUT', '/a', utf8('ünïcode'))).toBe(true);
    const empty = await signRequest(key, { method: 'GET', path: '/a' });
    expect(await relayVerifies({ ...empty }, 'GET', '/a', new Uint8Array(0))).toBe(true);
    expect(await bodySha256Hex(undefined)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('does not verify for another method, path, body, timestamp or nonce', async () => {
    const key = await newKey();
    const body = utf8('body');
    const headers = { ...(await signRequest(key, { method: 'POST', path: '/p', body })) };
    expect(await relayVerifies(headers, 'PUT', '/p', body)).toBe(false);
    expect(await relayVerifies(headers, 'POST', '/q', body)).toBe(false);
    expect(await relayVerifies(headers, 'POST', '/p', utf8('bodz'))).toBe(false);
    expect(await relayVerifies({ ...headers, 'x-wm-ts': String(Number(headers['x-wm-ts']) + 1) }, 'POST', '/p', body)).toBe(false);
    const other = await signRequest(key, { method: 'POST', path: '/p', body });
    expect(other['x-wm-nonce']).not.toBe(headers['x-wm-nonce']);
    expect(await relayVerifies({ ...headers, 'x-wm-nonce': other['x-wm-nonce'] }, 'POST', '/p', body)).toBe(false);
  });

  it('refuses a method or path that could blur the framing', async () => {
    const key = await newKey();
    await expect(signRequest(key, { method: 'post', path: '/p' })).rejects.toThrow(TypeError);
    await expect(signRequest(key, { method: 'GET', path: '/p\nx' })).rejects.toThrow(TypeError);
  });

  it('signs a subscribe frame over SUBSCRIBE, the mailbox subscribe path and an empty body', async () => {
    const key = await newKey();
    const mailbox = 'AAAAAAAAAAAAAAAAAAAAAA';
    const frame = await signSubscribeFrame(key, mailbox, 1_764_000_000_000);
    expect(SubscribeFrame.safeParse(frame).success).toBe(true);
    const headers = { 'x-wm-key': frame.key, 'x-wm-ts': String(frame.ts), 'x-wm-nonce': frame.nonce, 'x-wm-sig': frame.sig };
    expect(await relayVerifies(headers, 'SUBSCRIBE', `/relay/v1/mailboxes/${mailbox}/subscribe`, new Uint8Array(0))).toBe(true);
  });

  // RFC 6979 A.2.5: P-256, SHA-256, message "sample". WebCrypto's P1363 form is r ‖ s.
  it('verifies the RFC 6979 P-256 / SHA-256 signature as the relay will', async () => {
    const publicRaw = fromHex(
      '0460fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb67903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299',
    );
    const signature = fromHex(
      'efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8',
    );
    const key = await crypto.subtle.importKey('raw', publicRaw, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    expect(await crypto.subtle.verify(ECDSA, key, signature, utf8('sample'))).toBe(true);
    expect(await crypto.subtle.verify(ECDSA, key, signature, utf8('samplf'))).toBe(false);
  });
});
