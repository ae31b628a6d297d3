// A signing client for tests and benchmarks: the same scheme the app's relay client implements
// (src/shared/protocol/relaySigning.ts), with a fresh P-256 key per signer.
import { createHash, randomBytes } from 'node:crypto';
import { RELAY, type ServerFrame, type SubscribeFrame } from '../../../src/shared/protocol/relay.js';
import { RELAY_SIGNING, signatureInput, subscribePath } from '../../../src/shared/protocol/relaySigning.js';

export interface Signer {
  /** The public key as the relay sees it (raw point, base64url). */
  key: string;
  /** Signature headers for one request. */
  headers(method: string, pathWithQuery: string, body?: Uint8Array, options?: { ts?: number; nonce?: string }): Promise<Record<string, string>>;
  /** A signed subscribe frame for a mailbox. */
  subscribe(mailbox: string, options?: { ts?: number }): Promise<SubscribeFrame>;
}

/** 16 random bytes, base64url: a message, blob, mailbox or invite id. */
export const newId = (): string => randomBytes(16).toString('base64url');

/** Random bytes padded to the given bucket size, base64url (a stand-in ciphertext). */
export const ciphertext = (bytes: number = RELAY.messageBuckets[0]): string => randomBytes(bytes).toString('base64url');

/** A new signing key pair and a signer over it. */
export async function newSigner(now: () => number = Date.now): Promise<Signer> {
  const pair = await globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const key = Buffer.from(await globalThis.crypto.subtle.exportKey('raw', pair.publicKey)).toString('base64url');
  const sign = async (method: string, pathWithQuery: string, body: Uint8Array, ts: number, nonce: string) => {
    const input = signatureInput({ method, pathWithQuery, timestampMs: ts, nonce, bodySha256Hex: createHash('sha256').update(body).digest('hex') });
    return Buffer.from(await globalThis.crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, input)).toString('base64url');
  };
  return {
    key,
    async headers(method, pathWithQuery, body = new Uint8Array(0), options = {}) {
      const ts = options.ts ?? now();
      const nonce = options.nonce ?? randomBytes(RELAY_SIGNING.nonceBytes).toString('base64url');
      return {
        [RELAY_SIGNING.keyHeader]: key,
        [RELAY_SIGNING.timestampHeader]: String(ts),
        [RELAY_SIGNING.nonceHeader]: nonce,
        [RELAY_SIGNING.signatureHeader]: await sign(method, pathWithQuery, body, ts, nonce),
      };
    },
    async subscribe(mailbox, options = {}) {
      const ts = options.ts ?? now();
      const nonce = randomBytes(RELAY_SIGNING.nonceBytes).toString('base64url');
      const sig = await sign(RELAY_SIGNING.subscribeMethod, subscribePath(RELAY.prefix, mailbox), new Uint8Array(0), ts, nonce);
      return { type: 'subscribe', mailbox, key, ts, nonce, sig };
    },
  };
}

export interface HttpReply {
  status: number;
  json: unknown;
  bytes: Uint8Array;
}

/** One signed request to a relay at `base` (e.g. http://127.0.0.1:1234), over a real socket. */
export async function signedFetch(base: string, signer: Signer, method: string, path: string, body?: { json: unknown } | { bytes: Uint8Array }): Promise<HttpReply> {
  const bytes = body === undefined ? new Uint8Array(0) : 'json' in body ? new TextEncoder().encode(JSON.stringify(body.json)) : body.bytes;
  const url = `${RELAY.prefix}${path}`;
  const headers: Record<string, string> = await signer.headers(method, url, bytes);
  if (body) headers['content-type'] = 'json' in body ? 'application/json' : 'application/octet-stream';
  const response = await fetch(`${base}${url}`, { method, headers, ...(body ? { body: new Uint8Array(bytes) } : {}) });
  const raw = new Uint8Array(await response.arrayBuffer());
  const isJson = (response.headers.get('content-type') ?? '').startsWith('application/json');
  return { status: response.status, json: isJson ? JSON.parse(new TextDecoder().decode(raw)) : null, bytes: raw };
}

export type { ServerFrame };
