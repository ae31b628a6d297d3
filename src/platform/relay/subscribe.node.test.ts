// Subscriptions against a real relay over a real WebSocket (the `ws` package).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RelayMessage } from '../../shared/protocol/relay';
import { newId } from '../vault';
import { createRelayClient } from './client';
import type { RelayClientError } from './errors';
import type { RelaySocket, SocketMessageEvent, WebSocketConstructor } from './socket';
import type { SubscriptionState } from './subscribe';
import { type TestRelay, eventually, fakeCiphertext, newKey, pairedMailbox, startTestRelay } from './testing.node';

/** A sleep the test opens by hand: reconnects wait until the test says so. */
function gatedSleep(): { sleep: (ms: number, signal?: AbortSignal) => Promise<void>; waiting: () => number; open: () => void } {
  let waiters: (() => void)[] = [];
  return {
    sleep: (_ms, signal) =>
      new Promise<void>((resolve, reject) => {
        waiters.push(resolve);
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
    waiting: () => waiters.length,
    open: () => {
      const wake = waiters;
      waiters = [];
      for (const resolve of wake) resolve();
    },
  };
}

/**
 * A `ws` socket whose incoming frames pass through `filter` first, which returns the frames to
 * deliver instead (none, to lose one; two, to repeat it).
 */
function filteredSocket(filter: (data: string) => string[]): WebSocketConstructor {
  return class implements RelaySocket {
    onopen: (() => void) | null = null;
    onclose: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onmessage: ((event: SocketMessageEvent) => void) | null = null;
    private readonly inner: WebSocket;
    constructor(url: string) {
      this.inner = new WebSocket(url);
      this.inner.onopen = () => this.onopen?.();
      this.inner.onclose = () => this.onclose?.();
      this.inner.onerror = () => this.onerror?.();
      this.inner.onmessage = (event) => {
        for (const data of filter(String(event.data))) this.onmessage?.({ data });
      };
    }
    get readyState() {
      return this.inner.readyState;
    }
    send(data: string) {
      this.inner.send(data);
    }
    close() {
      this.inner.close();
    }
  };
}

describe('subscribe', () => {
  let relay: TestRelay;
  beforeEach(async () => {
    relay = await startTestRelay();
  });
  afterEach(() => relay.dispose());

  it('catches up from the cursor to head, then receives pushes, each message once and in order', async () => {
    const client = createRelayClient({ baseUrl: relay.base, WebSocket });
    const { alice, bob, mailbox } = await pairedMailbox(client);
    const ids = [newId(), newId(), newId(), newId()];
    for (const id of ids.slice(0, 3)) await client.appendMessage(mailbox, alice, { id, ciphertext: fakeCiphertext() });

    const seen: RelayMessage[] = [];
    const states: SubscriptionState[] = [];
    const stop = client.subscribe(mailbox, bob, (message) => void seen.push(message), { after: 1, onState: (state) => states.push(state) });
    await eventually(() => seen.length === 2);
    await eventually(() => states.includes('live'));
    await client.appendMessage(mailbox, alice, { id: ids[3]!, ciphertext: fakeCiphertext() });
    await eventually(() => seen.length === 3);
    stop();
    expect(seen.map((m) => [m.seq, m.id])).toEqual([
      [2, ids[1]],
      [3, ids[2]],
      [4, ids[3]],
    ]);
    expect(states).toEqual(['connecting', 'live', 'stopped']);
  });

  it('after the relay restarts, reconnects and reads what was sent while it was away', async () => {
    const gate = gatedSleep();
    const client = createRelayClient({ baseUrl: relay.base, WebSocket, sleep: gate.sleep });
    const { alice, bob, mailbox } = await pairedMailbox(client);
    const seen: number[] = [];
    const stop = client.subscribe(mailbox, bob, (message) => void seen.push(message.seq));
    await client.appendMessage(mailbox, alice, { id: newId(), ciphertext: fakeCiphertext() });
    await eventually(() => seen.length === 1);

    // The relay goes down: the socket closes and the subscription waits to reconnect.
    await relay.stop();
    await eventually(() => gate.waiting() === 1);
    await relay.start();
    const sender = createRelayClient({ baseUrl: relay.base });
    await sender.appendMessage(mailbox, alice, { id: newId(), ciphertext: fakeCiphertext() });
    await sender.appendMessage(mailbox, alice, { id: newId(), ciphertext: fakeCiphertext() });
    gate.open();
    await eventually(() => seen.length === 3);
    await sender.appendMessage(mailbox, alice, { id: newId(), ciphertext: fakeCiphertext() });
    await eventually(() => seen.length === 4);
    stop();
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('drops repeated pushes and fills a gap left by a lost one', async () => {
    // Every frame arrives twice, and the push of seq 2 never arrives.
    const socket = filteredSocket((data) => (data.includes('"seq":2,') ? [] : [data, data]));
    const client = createRelayClient({ baseUrl: relay.base, WebSocket: socket });
    const { alice, bob, mailbox } = await pairedMailbox(client);
    const seen: number[] = [];
    let live = false;
    const stop = client.subscribe(mailbox, bob, (message) => void seen.push(message.seq), { onState: (state) => (live ||= state === 'live') });
    await eventually(() => live);
    for (let i = 0; i < 3; i++) await client.appendMessage(mailbox, alice, { id: newId(), ciphertext: fakeCiphertext() });
    await eventually(() => seen.length >= 3);
    await client.appendMessage(mailbox, alice, { id: newId(), ciphertext: fakeCiphertext() });
    await eventually(() => seen.length >= 4);
    stop();
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('reports a garbled frame and a transient refusal, reconnects after each, and then delivers', async () => {
    // The first `subscribed` arrives garbled, the second is replaced by the relay failing.
    let subscribedFrames = 0;
    const socket = filteredSocket((data) => {
      if (!data.includes('"subscribed"')) return [data];
      subscribedFrames++;
      if (subscribedFrames === 1) return ['{"type":"subscribed"'];
      if (subscribedFrames === 2) return [JSON.stringify({ type: 'error', mailbox: null, error: { code: 'internal', message: 'x' } })];
      return [data];
    });
    const client = createRelayClient({ baseUrl: relay.base, WebSocket: socket, sleep: async () => undefined });
    const { alice, bob, mailbox } = await pairedMailbox(client);
    await client.appendMessage(mailbox, alice, { id: newId(), ciphertext: fakeCiphertext() });
    const errors: string[] = [];
    const seen: number[] = [];
    const stop = client.subscribe(mailbox, bob, (message) => void seen.push(message.seq), { onError: (error) => errors.push(error.code) });
    await eventually(() => seen.length === 1);
    stop();
    expect(errors).toEqual(['bad_response', 'internal']);
    expect(subscribedFrames).toBe(3);
  });

  it('waits for onMessage before the next, and redelivers after onMessage throws', async () => {
    const client = createRelayClient({ baseUrl: relay.base, WebSocket, sleep: async () => undefined });
    const { alice, bob, mailbox } = await pairedMailbox(client);
    for (let i = 0; i < 3; i++) await client.appendMessage(mailbox, alice, { id: newId(), ciphertext: fakeCiphertext() });
    const seen: number[] = [];
    let failOnce = true;
    const stop = client.subscribe(mailbox, bob, async (message) => {
      if (message.seq === 2 && failOnce) {
        failOnce = false;
        throw new Error('could not save');
      }
      seen.push(message.seq);
    });
    await eventually(() => seen.length === 3);
    stop();
    expect(seen).toEqual([1, 2, 3]);
  });

  it('stops delivering once unsubscribed', async () => {
    const client = createRelayClient({ baseUrl: relay.base, WebSocket });
    const { alice, bob, mailbox } = await pairedMailbox(client);
    const first: number[] = [];
    const second: number[] = [];
    const stopFirst = client.subscribe(mailbox, bob, (message) => void first.push(message.seq));
    await client.appendMessage(mailbox, alice, { id: newId(), ciphertext: fakeCiphertext() });
    await eventually(() => first.length === 1);
    stopFirst();
    const stopSecond = client.subscribe(mailbox, alice, (message) => void second.push(message.seq));
    await client.appendMessage(mailbox, alice, { id: newId(), ciphertext: fakeCiphertext() });
    await eventually(() => second.length === 2);
    stopSecond();
    expect(first).toEqual([1]);
  });

  it('names a refusal and stops: a key that is not the mailbox’s', async () => {
    const client = createRelayClient({ baseUrl: relay.base, WebSocket });
    const { mailbox } = await pairedMailbox(client);
    const errors: RelayClientError[] = [];
    const states: SubscriptionState[] = [];
    client.subscribe(mailbox, await newKey(), () => undefined, { onError: (error) => errors.push(error), onState: (state) => states.push(state) });
    await eventually(() => states.includes('failed'));
    expect(errors.map((e) => e.code)).toEqual(['forbidden']);
    expect(states).toEqual(['connecting', 'failed']);
  });
});
