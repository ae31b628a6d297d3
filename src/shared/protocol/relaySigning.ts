// The exact bytes a relay request's signature covers. Pure and synchronous, so the client (which
// signs, inside platform/vault) and the relay (which verifies) build the very same input.
//
// input = UTF-8 of  "waymark-relay/v1\n<METHOD>\n<path with query>\n<timestamp ms>\n<nonce>\n<body sha256 hex>"
//
// ECDSA P-256 with SHA-256 over that input; the signature is IEEE P1363 (r ‖ s, 64 bytes, as
// WebCrypto produces it), base64url, sent with the key, timestamp and nonce in the headers below.
// The nonce is 16 random bytes in base64url; the body hash is lowercase hex of SHA-256 over the raw
// body bytes (an empty body hashes the empty string). Binding method, path and body hash means a
// captured signature cannot be moved to another request; the nonce and timestamp stop replays.

/** Header names (lowercase, as Node presents them) and the fixed parts of the scheme. */
export const RELAY_SIGNING = {
  label: 'waymark-relay/v1',
  keyHeader: 'x-wm-key',
  timestampHeader: 'x-wm-ts',
  nonceHeader: 'x-wm-nonce',
  signatureHeader: 'x-wm-sig',
  nonceBytes: 16,
  /** SHA-256 of the empty body, lowercase hex. */
  emptyBodySha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  /** The method a WebSocket subscribe frame signs (it has no HTTP method of its own). */
  subscribeMethod: 'SUBSCRIBE',
} as const;

export interface SignatureInputParts {
  /** Upper case, e.g. GET, POST, PUT, DELETE, SUBSCRIBE. */
  method: string;
  /** The request target exactly as sent: path and query string, e.g. /relay/v1/mailboxes/x/messages?after=3. */
  pathWithQuery: string;
  timestampMs: number;
  nonce: string;
  /** Lowercase hex SHA-256 of the body bytes. */
  bodySha256Hex: string;
}

/** The bytes a relay request signature covers. Throws TypeError on parts that could blur the framing. */
export function signatureInput(parts: SignatureInputParts): Uint8Array<ArrayBuffer> {
  const { method, pathWithQuery, timestampMs, nonce, bodySha256Hex } = parts;
  if (!/^[A-Z]{1,16}$/.test(method)) throw new TypeError('method must be upper-case letters');
  // A newline inside a part would let one framing pass for another.
  if (!pathWithQuery.startsWith('/') || /[\s]/.test(pathWithQuery)) throw new TypeError('path must start with / and hold no whitespace');
  if (!Number.isSafeInteger(timestampMs) || timestampMs < 0) throw new TypeError('timestamp must be a non-negative integer');
  if (!/^[A-Za-z0-9_-]+$/.test(nonce)) throw new TypeError('nonce must be base64url');
  if (!/^[0-9a-f]{64}$/.test(bodySha256Hex)) throw new TypeError('body hash must be 64 lowercase hex digits');
  const text = [RELAY_SIGNING.label, method, pathWithQuery, String(timestampMs), nonce, bodySha256Hex].join('\n');
  return new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
}

/** The path a subscribe frame's signature covers for one mailbox. */
export function subscribePath(prefix: string, mailbox: string): string {
  return `${prefix}/mailboxes/${mailbox}/subscribe`;
}
