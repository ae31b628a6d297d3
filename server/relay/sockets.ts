// WebSocket push: who follows which mailbox, subscribing (a signed frame, since browsers cannot set
// headers on a WebSocket, then membership), and each new message pushed to every follower.
import { ClientFrame, RELAY, type ServerFrame } from '../../src/shared/protocol/relay.js';
import { RELAY_SIGNING, subscribePath } from '../../src/shared/protocol/relaySigning.js';
import type { createVerifier } from './auth.js';
import { RelayError } from './errors.js';
import type { RelayLog, RelaySocket } from './relay.js';
import type { RelayStore, StoredMessage } from './store.js';
import { parse, toWire } from './wire.js';

export interface SocketHubOptions {
  store: RelayStore;
  verifier: ReturnType<typeof createVerifier>;
  requireMember: (mailbox: string, key: string) => Promise<void>;
  maxSubscriptions: number;
  log: RelayLog;
}

/** The relay's sockets: `connect` for each new one, `publish` for each appended message. */
export function createSocketHub({ store, verifier, requireMember, maxSubscriptions, log }: SocketHubOptions) {
  const subscribers = new Map<string, Set<(frame: ServerFrame) => void>>();

  const publish = (mailbox: string, message: StoredMessage) => {
    const frame: ServerFrame = { type: 'message', mailbox, message: toWire(message) };
    for (const send of subscribers.get(mailbox) ?? []) send(frame);
  };

  function connect(send: (frame: ServerFrame) => void): RelaySocket {
    const following = new Set<string>();
    const unsubscribe = (mailbox: string) => {
      const set = subscribers.get(mailbox);
      set?.delete(send);
      if (set?.size === 0) subscribers.delete(mailbox);
    };
    const fail = (mailbox: string | null, error: unknown) => {
      const relayError = error instanceof RelayError ? error : new RelayError('internal', 'internal error');
      if (!(error instanceof RelayError)) log.error({ route: 'socket', err: { name: error instanceof Error ? error.name : 'unknown' } }, 'relay');
      send({ type: 'error', mailbox, error: relayError.toBody().error });
    };
    return {
      async receive(data) {
        let frame: ClientFrame;
        try {
          if (data.length > RELAY.maxSocketFrame) throw new RelayError('too_large', 'frame too large');
          let json: unknown;
          try {
            json = JSON.parse(data);
          } catch {
            throw new RelayError('bad_request', 'frame is not JSON');
          }
          frame = parse(ClientFrame, json, 'frame');
        } catch (error) {
          return fail(null, error);
        }
        if (frame.type === 'unsubscribe') {
          following.delete(frame.mailbox);
          unsubscribe(frame.mailbox);
          return;
        }
        try {
          const path = subscribePath(RELAY.prefix, frame.mailbox);
          await verifier.verify({ key: frame.key, ts: frame.ts, nonce: frame.nonce, sig: frame.sig }, { method: RELAY_SIGNING.subscribeMethod, pathWithQuery: path, body: new Uint8Array(0) });
          await requireMember(frame.mailbox, frame.key);
          if (!following.has(frame.mailbox) && following.size >= maxSubscriptions) throw new RelayError('quota_exceeded', 'too many subscriptions on this socket');
          following.add(frame.mailbox);
          let set = subscribers.get(frame.mailbox);
          if (!set) subscribers.set(frame.mailbox, (set = new Set()));
          set.add(send);
          send({ type: 'subscribed', mailbox: frame.mailbox, head: await store.head(frame.mailbox) });
          log.info({ route: 'socket.subscribe', status: 200 }, 'relay');
        } catch (error) {
          fail(frame.mailbox, error);
          log.info({ route: 'socket.subscribe', status: error instanceof RelayError ? error.status : 500, code: error instanceof RelayError ? error.code : 'internal' }, 'relay');
        }
      },
      closed() {
        for (const mailbox of following) unsubscribe(mailbox);
        following.clear();
      },
      subscriptions: () => following.size,
    };
  }

  return { connect, publish };
}
