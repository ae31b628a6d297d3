// The outbox against a real relay: order, durability across a restart of the outbox and of the relay,
// idempotent resend after a lost acknowledgement, and refusals held without blocking other mailboxes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RELAY } from '../../shared/protocol/relay';
import { type RequestSigningKey, newId } from '../vault';
import { createRelayClient } from './client';
import { type OutboxItem } from './outboxQueue';
import { createOutbox, memoryOutboxStorage } from './outbox';
import { type TestRelay, fakeCiphertext, fakeSegment, newKey, pairedMailbox, sameBytes, startTestRelay } from './testing.node';

describe('outbox', () => {
  let relay: TestRelay;
  beforeEach(async () => {
    relay = await startTestRelay();
  });
  afterEach(() => relay.dispose());

  /** Message ids in the mailbox, in seq order, as the other member reads them. */
  async function stored(mailbox: string, key: RequestSigningKey): Promise<string[]> {
    const read = await createRelayClient({ baseUrl: relay.base }).readMessages(mailbox, key, { limit: RELAY.maxReadLimit });
    return read.messages.map((m) => m.id);
  }

  it('sends messages and segments in the order queued, per mailbox', async () => {
    const client = createRelayClient({ baseUrl: relay.base });
    const one = await pairedMailbox(client);
    const two = await pairedMailbox(client);
    const keys = new Map([
      [one.mailbox, one.alice],
      [two.mailbox, two.alice],
    ]);
    const storage = memoryOutboxStorage();
    const sentOrder: string[] = [];
    const outbox = createOutbox({ client, storage, keyFor: (mailbox) => keys.get(mailbox)!, onSent: (item) => sentOrder.push(item.id) });
    const ids = { one: [newId(), newId(), newId()], two: [newId(), newId()] };
    const queued: OutboxItem[] = [];
    queued.push(await outbox.enqueueMessage(one.mailbox, { id: ids.one[0]!, ciphertext: fakeCiphertext() }));
    queued.push(await outbox.enqueueMessage(two.mailbox, { id: ids.two[0]!, ciphertext: fakeCiphertext() }));
    queued.push(await outbox.enqueueMessage(one.mailbox, { id: ids.one[1]!, ciphertext: fakeCiphertext() }));
    const blob = newId();
    const segment = fakeSegment();
    queued.push(await outbox.enqueueSegment(one.mailbox, blob, 0, segment));
    queued.push(await outbox.enqueueMessage(two.mailbox, { id: ids.two[1]!, ciphertext: fakeCiphertext() }));
    queued.push(await outbox.enqueueMessage(one.mailbox, { id: ids.one[2]!, ciphertext: fakeCiphertext() }));

    const report = await outbox.drain();
    expect(report).toMatchObject({ remaining: 0, nextAttemptAt: undefined });
    expect(sentOrder).toEqual(queued.map((item) => item.id));
    expect(storage.items.size).toBe(0);
    expect(await stored(one.mailbox, one.bob)).toEqual(ids.one);
    expect(await stored(two.mailbox, two.bob)).toEqual(ids.two);
    expect(sameBytes(await client.getSegment(one.mailbox, one.bob, blob, 0), segment)).toBe(true);
  });

  it('keeps everything while the relay is down and sends it, once, after it comes back on the same file', async () => {
    const client = createRelayClient({ baseUrl: relay.base });
    const { alice, bob, mailbox } = await pairedMailbox(client);
    const storage = memoryOutboxStorage();
    let time = 1_000_000;
    const outbox = createOutbox({ client, storage, keyFor: () => alice, now: () => time, random: () => 0 });
    const ids = [newId(), newId(), newId()];
    await outbox.enqueueMessage(mailbox, { id: ids[0]!, ciphertext: fakeCiphertext() });
    expect((await outbox.drain()).sent).toHaveLength(1);

    await relay.stop();
    for (const id of ids.slice(1)) await outbox.enqueueMessage(mailbox, { id, ciphertext: fakeCiphertext() });
    const down = await outbox.drain();
    expect(down).toMatchObject({ sent: [], remaining: 2 });
    expect(down.nextAttemptAt).toBeGreaterThan(time);
    expect((await outbox.pending()).map((item) => [item.attempts, item.kind === 'message' && item.message])).toEqual([
      [1, expect.objectContaining({ id: ids[1] })],
      [0, expect.objectContaining({ id: ids[2] })],
    ]);
    // Not yet due: a drain now sends nothing and does not touch the relay.
    expect((await outbox.drain()).sent).toEqual([]);

    await relay.start();
    time = down.nextAttemptAt!;
    expect((await outbox.drain()).sent.map((item) => item.kind === 'message' && item.message.id)).toEqual(ids.slice(1));
    expect(await stored(mailbox, bob)).toEqual(ids);
  });

  it('resends after a crash between send and acknowledgement, and the relay answers duplicate', async () => {
    const setup = createRelayClient({ baseUrl: relay.base });
    const { alice, bob, mailbox } = await pairedMailbox(setup);
    // The tab dies after the relay stored the second message but before the answer arrived.
    let requests = 0;
    const crashing: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (++requests === 2) throw new TypeError('the tab went away');
      return response;
    };
    const storage = memoryOutboxStorage();
    const before = createOutbox({ client: createRelayClient({ baseUrl: relay.base, fetch: crashing }), storage, keyFor: () => alice });
    const ids = [newId(), newId(), newId()];
    for (const id of ids) await before.enqueueMessage(mailbox, { id, ciphertext: fakeCiphertext() });
    expect((await before.drain()).sent).toHaveLength(1);
    expect(storage.items.size).toBe(2);

    // A new outbox over the same storage, as after a reload.
    const answers: { id: string; duplicate: boolean; seq: number }[] = [];
    const after = createOutbox({
      client: setup,
      storage,
      keyFor: () => alice,
      onSent: (item, answer) => item.kind === 'message' && 'seq' in answer && answers.push({ id: item.message.id, duplicate: answer.duplicate, seq: answer.seq }),
    });
    expect((await after.drain({ ignoreBackoff: true })).remaining).toBe(0);
    expect(answers).toEqual([
      { id: ids[1], duplicate: true, seq: 2 },
      { id: ids[2], duplicate: false, seq: 3 },
    ]);
    expect(await stored(mailbox, bob)).toEqual(ids);
  });

  it('holds a refused item (and its mailbox) as failed, sends other mailboxes, and retries or discards on request', async () => {
    const client = createRelayClient({ baseUrl: relay.base });
    const good = await pairedMailbox(client);
    const other = await pairedMailbox(client);
    const stranger = await newKey();
    let otherKey = stranger;
    const failures: string[] = [];
    const outbox = createOutbox({
      client,
      storage: memoryOutboxStorage(),
      keyFor: (mailbox) => (mailbox === good.mailbox ? good.alice : otherKey),
      onFailed: (item, error) => failures.push(`${item.failed?.code}:${error instanceof Error ? error.name : ''}`),
    });
    const blocked = await outbox.enqueueMessage(other.mailbox, { id: newId(), ciphertext: fakeCiphertext() });
    const behind = await outbox.enqueueMessage(other.mailbox, { id: newId(), ciphertext: fakeCiphertext() });
    const fine = await outbox.enqueueMessage(good.mailbox, { id: newId(), ciphertext: fakeCiphertext() });

    const report = await outbox.drain();
    expect(report.sent.map((item) => item.id)).toEqual([fine.id]);
    expect(report.remaining).toBe(2);
    expect(failures).toEqual(['forbidden:RelayClientError']);
    expect((await outbox.pending()).map((item) => [item.id, item.failed?.code])).toEqual([
      [blocked.id, 'forbidden'],
      [behind.id, undefined],
    ]);

    otherKey = other.alice;
    await outbox.retry(blocked.id);
    await outbox.discard(behind.id);
    expect((await outbox.drain()).sent.map((item) => item.id)).toEqual([blocked.id]);
    expect(await stored(other.mailbox, other.bob)).toEqual([blocked.kind === 'message' && blocked.message.id]);
  });

  it('refuses at enqueue what the relay would refuse', async () => {
    const outbox = createOutbox({ client: createRelayClient({ baseUrl: relay.base }), storage: memoryOutboxStorage(), keyFor: () => newKey() });
    await expect(outbox.enqueueMessage(newId(), { id: newId(), ciphertext: fakeCiphertext(1000) })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(outbox.enqueueMessage('nope', { id: newId(), ciphertext: fakeCiphertext() })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(outbox.enqueueSegment(newId(), newId(), 0, new Uint8Array(10))).rejects.toMatchObject({ code: 'unpadded' });
    expect(await outbox.pending()).toEqual([]);
  });
});
