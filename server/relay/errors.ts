// The relay's one error class. Every refusal is a RelayError with a documented code
// (RELAY_ERRORS in src/shared/protocol/relay.ts); the transport turns it into JSON and a status.
import { RELAY_ERRORS, type RelayErrorBody, type RelayErrorCode } from '../../src/shared/protocol/relay.js';

export class RelayError extends Error {
  readonly code: RelayErrorCode;
  /** Seconds the client should wait (rate limits only). */
  readonly retryAfter: number | undefined;
  constructor(code: RelayErrorCode, message: string = code, retryAfter?: number) {
    super(message);
    this.name = 'RelayError';
    this.code = code;
    this.retryAfter = retryAfter;
  }

  get status(): number {
    return RELAY_ERRORS[this.code];
  }

  /** The JSON body; the message is ours (never echoes request data). */
  toBody(): RelayErrorBody {
    return { error: { code: this.code, message: this.message.slice(0, 200) } };
  }
}

export function isRelayError(error: unknown, code?: RelayErrorCode): error is RelayError {
  return error instanceof RelayError && (code === undefined || error.code === code);
}
