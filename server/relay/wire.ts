// Small helpers every relay handler shares: parsing a request part with its schema, and a stored
// message as it goes on the wire.
import type { z } from 'zod';
import type { RelayMessage } from '../../src/shared/protocol/relay.js';
import { RelayError } from './errors.js';
import type { StoredMessage } from './store.js';

/** Parses a request part; a failure is a bad_request naming the part, never echoing the value. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  // The message names the part, not the value: error bodies and logs never echo request data.
  if (!result.success) throw new RelayError('bad_request', `invalid ${what}`);
  return result.data;
}

/** A stored message as the wire carries it. */
export const toWire = (message: StoredMessage): RelayMessage => ({
  id: message.id,
  seq: message.seq,
  sender: message.sender,
  receivedAt: message.receivedAt,
  ciphertext: Buffer.from(message.ciphertext).toString('base64url'),
});
