// The error of the small relay ports the link feature and the advocate app hand to their screens (a
// port so tests can stand in for the relay): the client's error with "no answer at all" — offline or
// timed out — folded into one code, `network`, which is all those screens tell apart.
import { type RelayClientErrorCode, isRelayClientError } from './errors';

/** A relay call that failed: the relay's own error code, `bad_response`, or `network` (no answer). */
export class RelayCallError extends Error {
  readonly code: Exclude<RelayClientErrorCode, 'offline' | 'timeout'> | 'network';
  constructor(code: RelayCallError['code']) {
    super(code);
    this.name = 'RelayCallError';
    this.code = code;
  }
}

/** Runs a client call, turning its RelayClientError into a RelayCallError. */
export async function asCallError<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (!isRelayClientError(error)) throw error;
    throw new RelayCallError(error.code === 'offline' || error.code === 'timeout' ? 'network' : error.code);
  }
}
