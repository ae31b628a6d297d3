// The client side of relay request signing (shared/protocol/relaySigning.ts has the scheme and the
// exact input bytes, so client and relay cannot drift apart). Each request is signed at send time
// with ECDSA P-256 / SHA-256 over method, path with query, timestamp, a fresh 16-byte nonce and the
// body's SHA-256; the signature is IEEE P1363 (64 bytes, as WebCrypto makes it), base64url.

import { RELAY, type SubscribeFrame } from '../../shared/protocol/relay';
import { RELAY_SIGNING, signatureInput, subscribePath } from '../../shared/protocol/relaySigning';
import { type Bytes, randomBytes, toBase64Url, toHex, utf8 } from './bytes';

/** A key that signs relay requests: a mailbox key, or the backup write key. */
export interface RequestSigningKey {
  /** ECDSA P-256, non-extractable, usage ['sign']. */
  privateKey: CryptoKey;
  /** Raw uncompressed point, 65 bytes: what the relay knows the key by. */
  publicRaw: Bytes;
}

export interface RelayRequest {
  /** Upper case: GET, POST, PUT, DELETE, or SUBSCRIBE for a WebSocket subscribe frame. */
  method: string;
  /** Path and query exactly as sent, e.g. /relay/v1/mailboxes/x/messages?after=3. */
  path: string;
  /** The exact body bytes sent (a string is sent as UTF-8); absent for none. */
  body?: Uint8Array | string;
  /** The signing time in ms since the epoch; defaults to now. */
  timestampMs?: number;
}

export interface SignedRequestHeaders {
  'x-wm-key': string;
  'x-wm-ts': string;
  'x-wm-nonce': string;
  'x-wm-sig': string;
}

/** Lowercase hex SHA-256 of the body bytes (an empty body hashes the empty string). */
export async function bodySha256Hex(body: Uint8Array | string | undefined): Promise<string> {
  const bytes = body === undefined ? new Uint8Array(0) : typeof body === 'string' ? utf8(body) : new Uint8Array(body);
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

/** Signs one relay request now, with a fresh nonce, and returns the four x-wm-* headers. */
export async function signRequest(key: RequestSigningKey, request: RelayRequest): Promise<SignedRequestHeaders> {
  const timestampMs = request.timestampMs ?? Date.now();
  const nonce = toBase64Url(randomBytes(RELAY_SIGNING.nonceBytes));
  const input = signatureInput({
    method: request.method,
    pathWithQuery: request.path,
    timestampMs,
    nonce,
    bodySha256Hex: await bodySha256Hex(request.body),
  });
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, input);
  return {
    [RELAY_SIGNING.keyHeader]: toBase64Url(key.publicRaw),
    [RELAY_SIGNING.timestampHeader]: String(timestampMs),
    [RELAY_SIGNING.nonceHeader]: nonce,
    [RELAY_SIGNING.signatureHeader]: toBase64Url(new Uint8Array(signature)),
  };
}

/** A signed WebSocket subscribe frame for one mailbox (method SUBSCRIBE, the subscribe path, empty body). */
export async function signSubscribeFrame(key: RequestSigningKey, mailbox: string, timestampMs?: number): Promise<SubscribeFrame> {
  const headers = await signRequest(key, { method: RELAY_SIGNING.subscribeMethod, path: subscribePath(RELAY.prefix, mailbox), timestampMs });
  return {
    type: 'subscribe',
    mailbox,
    key: headers['x-wm-key'],
    ts: Number(headers['x-wm-ts']),
    nonce: headers['x-wm-nonce'],
    sig: headers['x-wm-sig'],
  };
}
