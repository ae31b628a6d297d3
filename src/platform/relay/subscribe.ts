// Following a mailbox: WebSocket push plus cursor reads, so nothing is missed and nothing is seen twice.
//
// How it works: open the socket, send a signed subscribe frame (browsers cannot sign headers on a
// WebSocket), and on `subscribed` read from the last delivered seq up to the relay's head; pushes that
// arrive meanwhile wait in line behind that read. Everything is delivered in seq order, one message at
// a time, and a message at or below the cursor is dropped: that is the de-duplication. A push that
// skips a seq (it should not happen, but a socket can lose frames) triggers a read that fills the gap.
// When the socket drops, it reconnects after a capped, jittered backoff and does the same again.
import { RELAY, RELAY_ERRORS, type RelayMessage, ServerFrame } from '../../shared/protocol/relay';
import { type RequestSigningKey, signSubscribeFrame } from '../vault';
import { type BackoffPolicy, backoffDelay } from './backoff';
import type { RelayClient } from './client';
import { RelayClientError, isRelayClientError, isTransient } from './errors';
import type { SocketMessageEvent, WebSocketConstructor } from './socket';

export type SubscriptionState = 'connecting' | 'live' | 'waiting' | 'stopped' | 'failed';

export interface SubscribeOptions {
  /** Called once per message, in seq order; the next waits until it settles (so it may persist first). */
  onMessage: (message: RelayMessage) => void | Promise<void>;
  /** Deliver only messages after this seq (the cursor the caller kept); 0 for all. */
  after?: number;
  /** Refusals and failures; transient ones are followed by a reconnect, the others stop the subscription. */
  onError?: (error: RelayClientError) => void;
  onState?: (state: SubscriptionState) => void;
  /** Reconnect delays. */
  reconnect?: BackoffPolicy;
}

/** Stops following the mailbox; no message is delivered after it returns. */
export type Subscription = () => void;

export const RECONNECT_BACKOFF: BackoffPolicy = { baseMs: 1000, maxMs: 60_000 };

interface SubscribeContext extends SubscribeOptions {
  client: RelayClient;
  WebSocket: WebSocketConstructor;
  baseUrl: string;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  mailbox: string;
  key: RequestSigningKey;
}

/** The WebSocket URL for a relay at `baseUrl` ('' is the page's own origin). */
export function socketUrl(baseUrl: string): string {
  const base = baseUrl === '' ? globalThis.location.origin : baseUrl.replace(/\/+$/, '');
  return `${base.replace(/^http/, 'ws')}${RELAY.prefix}/socket`;
}

export function subscribeMailbox(context: SubscribeContext): Subscription {
  const { client, mailbox, key, onMessage, onError, onState } = context;
  const policy = context.reconnect ?? RECONNECT_BACKOFF;
  const stop = new AbortController();
  let cursor = context.after ?? 0;
  let socket: InstanceType<WebSocketConstructor> | null = null;
  let failures = 0;
  let waiting = false;
  // One task at a time, in arrival order: reads and deliveries never interleave.
  let work: Promise<void> = Promise.resolve();

  const setState = (state: SubscriptionState) => {
    if (!stop.signal.aborted || state === 'stopped' || state === 'failed') onState?.(state);
  };

  function fail(error: RelayClientError): void {
    onError?.(error);
    if (!isTransient(error)) {
      setState('failed');
      finish();
      return;
    }
    // Transient: drop this socket; its close schedules the reconnect.
    socket?.close();
  }

  function enqueue(task: () => Promise<void>): void {
    work = work.then(task).catch((error: unknown) => {
      if (stop.signal.aborted) return;
      if (isRelayClientError(error)) return fail(error);
      // The caller's onMessage threw: the cursor did not move, so reconnecting delivers it again.
      socket?.close();
    });
  }

  async function deliver(message: RelayMessage): Promise<void> {
    if (stop.signal.aborted || message.seq <= cursor) return;
    await onMessage(message);
    cursor = message.seq;
  }

  async function catchUp(): Promise<void> {
    for (;;) {
      const page = await client.readMessages(mailbox, key, { after: cursor, signal: stop.signal });
      for (const message of page.messages) await deliver(message);
      if (!page.more || page.messages.length === 0) return;
    }
  }

  function onFrame(this: void, current: InstanceType<WebSocketConstructor>, event: SocketMessageEvent): void {
    if (current !== socket) return;
    let parsed: ServerFrame | null = null;
    try {
      if (typeof event.data === 'string') {
        const result = ServerFrame.safeParse(JSON.parse(event.data));
        if (result.success) parsed = result.data;
      }
    } catch {
      // not JSON: handled below
    }
    if (!parsed) {
      // A garbled frame says nothing about the mailbox: report it and start over on a new socket.
      onError?.(new RelayClientError('bad_response', 'a socket frame that fits no schema'));
      current.close();
      return;
    }
    const frame = parsed;
    // The status a request would have had, so rate_limited and internal count as transient here too.
    if (frame.type === 'error') return fail(new RelayClientError(frame.error.code, frame.error.message, { status: RELAY_ERRORS[frame.error.code] }));
    if (frame.mailbox !== mailbox) return;
    if (frame.type === 'subscribed') {
      enqueue(async () => {
        await catchUp();
        failures = 0;
        setState('live');
      });
      return;
    }
    enqueue(async () => {
      if (frame.message.seq > cursor + 1) await catchUp();
      else await deliver(frame.message);
    });
  }

  function connect(): void {
    if (stop.signal.aborted) return;
    setState('connecting');
    const current = new context.WebSocket(socketUrl(context.baseUrl));
    socket = current;
    current.onopen = () => {
      signSubscribeFrame(key, mailbox, context.now()).then(
        (frame) => {
          if (socket === current && !stop.signal.aborted) current.send(JSON.stringify(frame));
        },
        // Signing failed (the key was dropped by a lock): this socket is useless; closing it retries later.
        () => current.close(),
      );
    };
    current.onmessage = (event: SocketMessageEvent) => onFrame(current, event);
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      reconnectLater();
    };
    // An error is always followed by a close, which reconnects.
    current.onerror = () => undefined;
  }

  function reconnectLater(): void {
    if (stop.signal.aborted || waiting) return;
    waiting = true;
    setState('waiting');
    const delay = backoffDelay(failures++, policy, context.random);
    context.sleep(delay, stop.signal).then(
      () => {
        waiting = false;
        connect();
      },
      () => undefined,
    );
  }

  function finish(): void {
    if (stop.signal.aborted) return;
    stop.abort();
    const current = socket;
    socket = null;
    current?.close();
  }

  connect();
  return () => {
    if (stop.signal.aborted) return;
    finish();
    setState('stopped');
  };
}
