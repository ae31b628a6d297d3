// The relay client's one error class. Its code is the relay's own error code when the relay answered
// one, or a code of the client's for what never got a relay answer: `offline` (the request did not
// reach the relay or its answer was lost), `timeout` (no answer in time) and `bad_response` (an answer
// that fails its schema). The UI translates the code; `message` is for developers.
import { RELAY_ERRORS, type RelayErrorCode } from '../../shared/protocol/relay';

export type RelayClientErrorCode = RelayErrorCode | 'offline' | 'timeout' | 'bad_response';

export class RelayClientError extends Error {
  readonly code: RelayClientErrorCode;
  /** The HTTP status when the relay (or a proxy in front of it) answered. */
  readonly status: number | undefined;
  /** From a `retry-after` header (rate_limited), in ms. */
  readonly retryAfterMs: number | undefined;
  constructor(code: RelayClientErrorCode, message: string = code, options: { status?: number; retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RelayClientError';
    this.code = code;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** True for a RelayClientError (with the given code, when one is given). */
export function isRelayClientError(error: unknown, code?: RelayClientErrorCode): error is RelayClientError {
  return error instanceof RelayClientError && (code === undefined || error.code === code);
}

/**
 * Whether trying again later can succeed: the relay was unreachable, slow, overloaded or failing.
 * `quota_exceeded` is a 507 but a full mailbox stays full, so it is not transient.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof RelayClientError)) return false;
  if (error.code === 'offline' || error.code === 'timeout' || error.code === 'rate_limited') return true;
  if (error.code === 'quota_exceeded') return false;
  return error.status !== undefined && error.status >= 500;
}

/** Whether a code is one the relay itself answers with. */
export function isRelayCode(code: string): code is RelayErrorCode {
  return Object.hasOwn(RELAY_ERRORS, code);
}
