// The relay client against a real relay (createServer, SQLite on a temp file) over real sockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELAY } from '../../shared/protocol/relay';
import { newId, randomBytes, toBase64Url } from '../vault';
import { createRelayClient } from './client';
import { RelayClientError } from './errors';
import { type TestRelay, fakeCiphertext, fakeSegment, newKey, pairedMailbox, sameBytes, startTestRelay } from './testing.node';

const noWait = async () => undefined;
const locator = () => toBase64Url(randomBytes(32));

/** Rejects with the RelayClientError a promise fails with; fails the test when it resolves. */
async function failure(promise: Promise<unknown>): Promise<RelayClientError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RelayClientError) return error;
    throw error;
  }
  throw new Error('expected a RelayClientError');
}

describe('relay client: every route', () => {
  let relay: TestRelay;
  beforeAll(async () => {
    relay = await startTestRelay();
  });
  afterAll(() => relay.dispose());

  it('creates and consumes an invite (a repeated consume by the same key succeeds again)', async () => {
    const client = createRelayClient({ baseUrl: relay.base });
    const alice = await newKey();
    const bob = await newKey();
    const mailbox = newId();
    const invite = newId();
    const created = await client.createInvite(alice, { invite, mailbox, ttlMs: 60_000 });
    expect(created.mailbox).toBe(mailbox);
    expect(created.expiresAt).toBeGreaterThan(0);
    expect(await client.consumeInvite(bob, { invite })).toEqual({ mailbox, head: 0 });
    expect(await client.consumeInvite(bob, { invite })).toEqual({ mailbox, head: 0 });
  });

  it('appends messages, answers a resend as a duplicate, and reads them by cursor', async () => {
    const client = createRelayClient({ baseUrl: relay.base });
    const { alice, bob, mailbox } = await pairedMailbox(client);
    const sent = [];
    for (let i = 0; i < 3; i++) {
      const message = { id: newId(), ciphertext: fakeCiphertext(RELAY.messageBuckets[i]) };
      const answer = await client.appendMessage(mailbox, alice, message);
      expect(answer).toMatchObject({ seq: i + 1, duplicate: false });
      sent.push(message);
    }
    const again = await client.appendMessage(mailbox, alice, sent[0]!);
    expect(again).toMatchObject({ seq: 1, duplicate: true });

    const first = await client.readMessages(mailbox, bob, { after: 0, limit: 2 });
    expect(first.messages.map((m) => m.id)).toEqual([sent[0]!.id, sent[1]!.id]);
    expect(first).toMatchObject({ next: 2, more: true });
    const rest = await client.readMessages(mailbox, bob, { after: first.next });
    expect(rest.messages.map((m) => [m.id, m.seq, m.ciphertext])).toEqual([[sent[2]!.id, 3, sent[2]!.ciphertext]]);
    expect(rest.more).toBe(false);
  });

  it('puts, lists and gets blob segments', async () => {
    const client = createRelayClient({ baseUrl: relay.base });
    const { alice, bob, mailbox } = await pairedMailbox(client);
    const blob = newId();
    const segments = [fakeSegment(RELAY.blobBuckets[2]), fakeSegment()];
    expect(await client.putSegment(mailbox, alice, blob, 0, segments[0]!)).toEqual({ duplicate: false });
    expect(await client.putSegment(mailbox, alice, blob, 1, segments[1]!)).toEqual({ duplicate: false });
    expect(await client.putSegment(mailbox, alice, blob, 1, segments[1]!)).toEqual({ duplicate: true });
    expect(await client.listSegments(mailbox, bob, blob)).toEqual([0, 1]);
    expect(sameBytes(await client.getSegment(mailbox, bob, blob, 0), segments[0])).toBe(true);
    expect(sameBytes(await client.getSegment(mailbox, bob, blob, 1), segments[1])).toBe(true);
  });

  it('puts, lists, gets, replaces and deletes backup objects', async () => {
    const client = createRelayClient({ baseUrl: relay.base });
    const owner = await newKey();
    const where = locator();
    const [a, b] = [newId(), newId()].sort();
    const bytes = fakeSegment(RELAY.blobBuckets[1]);
    await client.putBackupObject(where, owner, a!, bytes);
    await client.putBackupObject(where, owner, b!, fakeSegment());
    const listed = await client.listBackupObjects(where, owner, { limit: 1 });
    expect(listed.objects).toEqual([{ id: a, size: bytes.length }]);
    expect(listed.more).toBe(true);
    expect((await client.listBackupObjects(where, owner, { after: a! })).objects.map((o) => o.id)).toEqual([b]);
    expect(sameBytes(await client.getBackupObject(where, owner, a!), bytes)).toBe(true);
    const replacement = fakeSegment();
    await client.putBackupObject(where, owner, a!, replacement);
    expect(sameBytes(await client.getBackupObject(where, owner, a!), replacement)).toBe(true);
    await client.deleteBackup(where, owner);
    expect((await failure(client.listBackupObjects(where, owner))).code).toBe('unknown_backup');
  });
});

describe('relay client: errors by name', () => {
  let relay: TestRelay;
  let offset = 0;
  const clock = () => Date.now() + offset;
  beforeAll(async () => {
    relay = await startTestRelay({ now: clock });
  });
  afterAll(() => relay.dispose());

  it("passes the relay's own codes through", async () => {
    const client = createRelayClient({ baseUrl: relay.base, now: clock, maxAttempts: 1 });
    const { alice, bob, mailbox } = await pairedMailbox(client);
    const stranger = await newKey();
    const id = newId();
    await client.appendMessage(mailbox, alice, { id, ciphertext: fakeCiphertext() });

    const codes = await Promise.all([
      failure(client.consumeInvite(bob, { invite: newId() })),
      failure(client.appendMessage(mailbox, alice, { id, ciphertext: fakeCiphertext() })),
      failure(client.readMessages(mailbox, stranger)),
      failure(client.readMessages(newId(), alice)),
      failure(client.getSegment(mailbox, alice, newId(), 0)),
      failure(client.listBackupObjects(locator(), stranger)),
      failure(client.createInvite(stranger, { invite: newId(), mailbox })),
    ]);
    expect(codes.map((e) => [e.code, e.status])).toEqual([
      ['unknown_invite', 404],
      ['conflict', 409],
      ['forbidden', 403],
      ['unknown_mailbox', 404],
      ['not_found', 404],
      ['unknown_backup', 404],
      ['mailbox_taken', 409],
    ]);
  });

  it('names a used invite, an expired one, and a signature from a skewed clock', async () => {
    const client = createRelayClient({ baseUrl: relay.base, now: clock, maxAttempts: 1 });
    const alice = await newKey();
    const used = newId();
    const mailbox = newId();
    await client.createInvite(alice, { invite: used, mailbox });
    await client.consumeInvite(await newKey(), { invite: used });
    expect((await failure(client.consumeInvite(await newKey(), { invite: used }))).code).toBe('invite_used');

    const expiring = newId();
    await client.createInvite(alice, { invite: expiring, mailbox, ttlMs: 60_000 });
    offset += 120_000;
    expect((await failure(client.consumeInvite(await newKey(), { invite: expiring }))).code).toBe('invite_expired');

    const skewed = createRelayClient({ baseUrl: relay.base, now: () => clock() - RELAY.maxSkewMs - 60_000, maxAttempts: 1 });
    expect((await failure(skewed.readMessages(mailbox, alice))).code).toBe('clock_skew');
  });

  it('refuses what the relay would refuse without sending it', async () => {
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests++;
      return fetch(input, init);
    };
    const client = createRelayClient({ baseUrl: relay.base, fetch: counting, maxAttempts: 1 });
    const key = await newKey();
    const mailbox = newId();
    expect((await failure(client.appendMessage(mailbox, key, { id: newId(), ciphertext: fakeCiphertext(1000) }))).code).toBe('unpadded');
    expect((await failure(client.appendMessage(mailbox, key, { id: newId(), ciphertext: fakeCiphertext(RELAY.maxMessageBytes + 1024) }))).code).toBe('too_large');
    expect((await failure(client.appendMessage(mailbox, key, { id: 'short', ciphertext: fakeCiphertext() }))).code).toBe('bad_request');
    expect((await failure(client.putSegment(mailbox, key, newId(), 0, new Uint8Array(100)))).code).toBe('unpadded');
    expect((await failure(client.putSegment(mailbox, key, newId(), RELAY.maxSegments, fakeSegment()))).code).toBe('bad_request');
    expect((await failure(client.readMessages('not-an-id', key))).code).toBe('bad_request');
    expect(requests).toBe(0);
  });

  it('names offline, timeout and bad_response', async () => {
    const key = await newKey();
    const stopped = await startTestRelay();
    await stopped.dispose();
    const offline = createRelayClient({ baseUrl: stopped.base, maxAttempts: 1 });
    expect((await failure(offline.readMessages(newId(), key))).code).toBe('offline');

    // A relay that never answers: the request is abandoned when the timeout aborts it.
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const slow = createRelayClient({ baseUrl: relay.base, fetch: hanging, timeoutMs: 1, maxAttempts: 1 });
    expect((await failure(slow.readMessages(newId(), key))).code).toBe('timeout');

    const lying: typeof fetch = async () => new Response(JSON.stringify({ seq: 'one', receivedAt: 1, duplicate: false }), { status: 200, headers: { 'content-type': 'application/json' } });
    const liar = createRelayClient({ baseUrl: relay.base, fetch: lying, maxAttempts: 1 });
    expect((await failure(liar.appendMessage(newId(), key, { id: newId(), ciphertext: fakeCiphertext() }))).code).toBe('bad_response');
    const notJson: typeof fetch = async () => new Response('<html>', { status: 200 });
    expect((await failure(createRelayClient({ baseUrl: relay.base, fetch: notJson, maxAttempts: 1 }).listSegments(newId(), key, newId()))).code).toBe('bad_response');
  });

  it("retries a proxy's 5xx page and a timeout, but not a refusal", async () => {
    const key = await newKey();
    const client = createRelayClient({ baseUrl: relay.base, maxAttempts: 1 });
    const { alice, mailbox } = await pairedMailbox(client);
    const answers = [
      () => Promise.resolve(new Response('<html>bad gateway</html>', { status: 502 })),
      (_input: RequestInfo | URL, init?: RequestInit) => new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    ];
    const retries: string[] = [];
    const flaky: typeof fetch = (input, init) => (answers.shift() ?? fetch)(input, init);
    const retrying = createRelayClient({ baseUrl: relay.base, fetch: flaky, timeoutMs: 1000, sleep: noWait, onRetry: ({ error }) => retries.push(error.code) });
    expect((await retrying.readMessages(mailbox, alice)).messages).toEqual([]);
    expect(retries).toEqual(['internal', 'timeout']);

    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const refused = createRelayClient({ baseUrl: relay.base, fetch: counting, sleep: noWait });
    expect((await failure(refused.readMessages(mailbox, key))).code).toBe('forbidden');
    expect(calls).toBe(1);
  });
});

describe('relay client: rate limits', () => {
  it('honours retry-after, then succeeds', async () => {
    // One clock for the relay's token buckets and the client's signatures; the client's waits move it.
    let time = Date.now();
    const clock = () => time;
    const relay = await startTestRelay({ now: clock, limits: { perKey: { capacity: 2, refillPerSecond: 1 } } });
    try {
      const waits: number[] = [];
      const sleep = async (ms: number) => {
        waits.push(ms);
        time += ms;
      };
      const client = createRelayClient({ baseUrl: relay.base, now: clock, sleep, random: () => 0, backoff: { baseMs: 10, maxMs: 100 } });
      // Pairing takes one of alice's two tokens, this read the other.
      const { alice: key, mailbox } = await pairedMailbox(client);
      await client.readMessages(mailbox, key);
      const once = createRelayClient({ baseUrl: relay.base, now: clock, maxAttempts: 1 });
      const limited = await failure(once.readMessages(mailbox, key));
      expect([limited.code, limited.status, limited.retryAfterMs]).toEqual(['rate_limited', 429, 1000]);

      expect((await client.readMessages(mailbox, key)).messages).toEqual([]);
      expect(waits).toEqual([1000]);
    } finally {
      await relay.dispose();
    }
  });
});

describe('relay client: a relay restart', () => {
  it('retries across a stop and start on the same SQLite file: nothing lost, nothing twice', async () => {
    const relay = await startTestRelay();
    try {
      const setup = createRelayClient({ baseUrl: relay.base });
      const { alice, bob, mailbox } = await pairedMailbox(setup);
      const first = { id: newId(), ciphertext: fakeCiphertext() };
      await setup.appendMessage(mailbox, alice, first);

      // The relay is down when the next call starts; it comes back while the client waits to retry.
      const retried: string[] = [];
      const client = createRelayClient({
        baseUrl: relay.base,
        sleep: async () => relay.start(),
        onRetry: ({ error }) => retried.push(error.code),
      });
      await relay.stop();
      const second = { id: newId(), ciphertext: fakeCiphertext() };
      expect(await client.appendMessage(mailbox, alice, second)).toMatchObject({ seq: 2, duplicate: false });
      expect(retried).toEqual(['offline']);

      // The answer is lost: the relay stored the message and then went down before the client heard.
      const third = { id: newId(), ciphertext: fakeCiphertext() };
      let dropNext = true;
      const losing: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (!dropNext) return response;
        dropNext = false;
        await relay.stop();
        throw new TypeError('connection reset');
      };
      const unlucky = createRelayClient({ baseUrl: relay.base, fetch: losing, sleep: async () => relay.start() });
      expect(await unlucky.appendMessage(mailbox, alice, third)).toMatchObject({ seq: 3, duplicate: true });

      // A delete whose answer is lost: the retry finds nothing to delete, which means it is done.
      const owner = await newKey();
      const where = locator();
      await client.putBackupObject(where, owner, newId(), fakeSegment());
      dropNext = true;
      await unlucky.deleteBackup(where, owner);
      expect((await failure(client.listBackupObjects(where, owner))).code).toBe('unknown_backup');
      // Without a lost answer, deleting nothing is still refused by name.
      expect((await failure(client.deleteBackup(where, owner))).code).toBe('unknown_backup');

      const read = await client.readMessages(mailbox, bob);
      expect(read.messages.map((m) => [m.seq, m.id])).toEqual([
        [1, first.id],
        [2, second.id],
        [3, third.id],
      ]);
    } finally {
      await relay.dispose();
    }
  });
});
