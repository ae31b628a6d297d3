// Request authentication: signature headers → a verified signing key, or a RelayError. Order matters:
// shape, then clock, then signature, then the key's rate limit, and only then the nonce is recorded.
// So unsigned or forged requests can neither fill the nonce table, burn a client's nonces, nor spend
// another key's rate-limit tokens; and a key over its limit cannot fill the nonce table either.
import { createHash } from 'node:crypto';
import { RELAY, SignedHeaders } from '../../src/shared/protocol/relay.js';
import { RELAY_SIGNING, signatureInput } from '../../src/shared/protocol/relaySigning.js';
import { RelayError } from './errors.js';

export interface SignedParts {
  key: string;
  ts: number;
  nonce: string;
  sig: string;
}

/** Lowercase hex SHA-256 of the body bytes. */
export function bodySha256Hex(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

/** Reads the four signature headers: `unsigned` when any is missing, `bad_signature` when one is malformed. */
export function readSignedHeaders(headers: Record<string, string | string[] | undefined>): SignedParts {
  const names = [RELAY_SIGNING.keyHeader, RELAY_SIGNING.timestampHeader, RELAY_SIGNING.nonceHeader, RELAY_SIGNING.signatureHeader];
  if (names.some((name) => headers[name] === undefined)) throw new RelayError('unsigned', 'this request must be signed');
  const parsed = SignedHeaders.safeParse(Object.fromEntries(names.map((name) => [name, headers[name]])));
  if (!parsed.success) throw new RelayError('bad_signature', 'signature headers are malformed');
  const h = parsed.data;
  return { key: h['x-wm-key'], ts: h['x-wm-ts'], nonce: h['x-wm-nonce'], sig: h['x-wm-sig'] };
}

export interface Verifier {
  /** Checks clock, signature and nonce; returns the verified key. */
  verify(parts: SignedParts, request: { method: string; pathWithQuery: string; body: Uint8Array }): Promise<string>;
}

/** A verifier with a small cache of imported keys; `remember` records a nonce (false on replay). */
export function createVerifier(options: {
  now: () => number;
  remember: (key: string, nonce: string, expiresAt: number) => Promise<boolean>;
  /** Called with the key once its signature verifies; throws to refuse (the rate limit). */
  admit?: (key: string) => void;
  maxSkewMs?: number;
}): Verifier {
  const maxSkewMs = options.maxSkewMs ?? RELAY.maxSkewMs;
  const keys = new Map<string, Promise<CryptoKey | null>>();

  const importKey = (key: string): Promise<CryptoKey | null> => {
    let imported = keys.get(key);
    if (!imported) {
      // importKey rejects bytes that are not a point on P-256; that is a bad signature, not a crash.
      imported = globalThis.crypto.subtle.importKey('raw', Buffer.from(key, 'base64url'), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']).catch(() => null);
      if (keys.size >= 10_000) keys.delete(keys.keys().next().value ?? '');
      keys.set(key, imported);
    }
    return imported;
  };

  return {
    async verify(parts, request) {
      const now = options.now();
      if (Math.abs(now - parts.ts) > maxSkewMs) throw new RelayError('clock_skew', 'the request timestamp is outside the allowed window');
      const cryptoKey = await importKey(parts.key);
      if (!cryptoKey) throw new RelayError('bad_signature', 'the key is not a P-256 point');
      const input = signatureInput({ method: request.method, pathWithQuery: request.pathWithQuery, timestampMs: parts.ts, nonce: parts.nonce, bodySha256Hex: bodySha256Hex(request.body) });
      const ok = await globalThis.crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, cryptoKey, Buffer.from(parts.sig, 'base64url'), input);
      if (!ok) throw new RelayError('bad_signature', 'the signature does not verify');
      options.admit?.(parts.key);
      // Kept until the timestamp can no longer pass the skew check, so a replay is always caught.
      if (!(await options.remember(parts.key, parts.nonce, parts.ts + maxSkewMs + 1))) throw new RelayError('replayed', 'this nonce was already used');
      return parts.key;
    },
  };
}
