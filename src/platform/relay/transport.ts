// One signed HTTP exchange with the relay, and the retry loop around it. Every attempt is signed
// afresh (a new timestamp and nonce): the relay refuses a nonce it has seen, so a retry must never
// resend the same signature. Bodies are checked against the shared schemas on the way out (a request
// the relay would refuse is refused here, with the relay's code, without a round trip) and answers on
// the way in (`bad_response` when one does not fit).
import type { z } from 'zod';
import { RELAY, RelayErrorBody, type RelayErrorCode } from '../../shared/protocol/relay';
import { type RequestSigningKey, signRequest } from '../vault';
import { type BackoffPolicy, retryDelay } from './backoff';
import { RelayClientError, isTransient } from './errors';

export interface TransportOptions {
  baseUrl: string;
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  timeoutMs: number;
  maxAttempts: number;
  backoff: BackoffPolicy;
  onRetry?: (retry: RetryInfo) => void;
}

/** Reported before each wait between attempts (progress, and tests that act between attempts). */
export interface RetryInfo {
  /** The attempt that failed, from 1. */
  attempt: number;
  delayMs: number;
  error: RelayClientError;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's maxAttempts for this call (1: no retries). */
  maxAttempts?: number;
}

export type RequestBody = { json: unknown } | { bytes: Uint8Array<ArrayBuffer> };

export interface RelayCall<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** After RELAY.prefix, with the query string, e.g. /mailboxes/x/messages?after=3. */
  path: string;
  body?: RequestBody;
  /** The answer's schema, or 'bytes' for an octet-stream answer. */
  response: z.ZodType<T> | 'bytes';
  /**
   * For a call whose repeat is refused once it has succeeded (deleting a backup: the second DELETE
   * finds nothing): that refusal, on a retry, means an earlier attempt's lost answer was a success.
   */
  doneOnRetry?: { code: RelayErrorCode; value: T };
}

export interface Transport {
  call<T>(key: RequestSigningKey, call: RelayCall<T>, options?: CallOptions): Promise<T>;
}

/** Seconds or an HTTP date, as `retry-after` may hold; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  if (/^[0-9]{1,9}$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function createTransport(options: TransportOptions): Transport {
  async function once<T>(key: RequestSigningKey, call: RelayCall<T>, signal: AbortSignal | undefined): Promise<T> {
    const path = `${RELAY.prefix}${call.path}`;
    const bytes = call.body === undefined ? undefined : 'json' in call.body ? new TextEncoder().encode(JSON.stringify(call.body.json)) : call.body.bytes;
    const headers: Record<string, string> = { ...(await signRequest(key, { method: call.method, path, body: bytes, timestampMs: options.now() })) };
    if (call.body) headers['content-type'] = 'json' in call.body ? 'application/json' : 'application/octet-stream';

    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), options.timeoutMs);
    const onAbort = () => timeout.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    let response: Response;
    let raw: Uint8Array;
    try {
      response = await options.fetch(`${options.baseUrl}${path}`, { method: call.method, headers, body: bytes, signal: timeout.signal, credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
      raw = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.signal.aborted) throw new RelayClientError('timeout', 'the relay did not answer in time', { cause: error });
      // fetch rejects (TypeError) when the network fails or the connection drops mid-answer.
      throw new RelayClientError('offline', 'the relay could not be reached', { cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }

    if (!response.ok) throw errorFrom(response, raw, options.now());
    if (call.response === 'bytes') return raw as T;
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(raw));
    } catch {
      throw new RelayClientError('bad_response', 'the answer is not JSON', { status: response.status });
    }
    const parsed = call.response.safeParse(json);
    if (!parsed.success) throw new RelayClientError('bad_response', 'the answer does not fit its schema', { status: response.status });
    return parsed.data;
  }

  return {
    async call(key, call, callOptions = {}) {
      const maxAttempts = Math.max(1, callOptions.maxAttempts ?? options.maxAttempts);
      for (let attempt = 1; ; attempt++) {
        try {
          return await once(key, call, callOptions.signal);
        } catch (error) {
          if (attempt > 1 && call.doneOnRetry && error instanceof RelayClientError && error.code === call.doneOnRetry.code) return call.doneOnRetry.value;
          if (!(error instanceof RelayClientError) || !isTransient(error) || attempt >= maxAttempts) throw error;
          const delayMs = retryDelay(attempt - 1, options.backoff, error.retryAfterMs, options.random);
          options.onRetry?.({ attempt, delayMs, error });
          await options.sleep(delayMs, callOptions.signal);
        }
      }
    },
  };
}

/** A non-2xx answer as a RelayClientError: the relay's code, or the nearest one for a proxy's page. */
function errorFrom(response: Response, raw: Uint8Array, now: number): RelayClientError {
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
  const details = { status: response.status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  let body: unknown = null;
  try {
    body = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    // not JSON: a proxy's error page, handled below
  }
  const parsed = RelayErrorBody.safeParse(body);
  if (parsed.success) return new RelayClientError(parsed.data.error.code, parsed.data.error.message, details);
  if (response.status === 429) return new RelayClientError('rate_limited', 'rate limited', details);
  if (response.status >= 500) return new RelayClientError('internal', `the relay failed (${response.status})`, details);
  return new RelayClientError('bad_response', `an error answer without a relay error body (${response.status})`, details);
}
