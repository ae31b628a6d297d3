// Resumable blob upload against a real relay that is stopped and started again mid-upload.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RELAY } from '../../shared/protocol/relay';
import { newId } from '../vault';
import { createRelayClient } from './client';
import { RelayClientError } from './errors';
import { type TestRelay, fakeSegment, pairedMailbox, sameBytes, startTestRelay } from './testing.node';

/** A fetch that counts, per segment index, the PUTs the relay answered. */
function countingPuts(): { fetch: typeof fetch; answered: Map<number, number> } {
  const answered = new Map<number, number>();
  return {
    answered,
    async fetch(input, init) {
      const response = await fetch(input, init);
      const match = init?.method === 'PUT' ? /\/blobs\/[^/]+\/(\d+)$/.exec(String(input)) : null;
      if (match && response.ok) answered.set(Number(match[1]), (answered.get(Number(match[1])) ?? 0) + 1);
      return response;
    },
  };
}

describe('uploadBlob', () => {
  let relay: TestRelay;
  beforeEach(async () => {
    relay = await startTestRelay();
  });
  afterEach(() => relay.dispose());

  const segments = () => [fakeSegment(RELAY.blobBuckets[2]), fakeSegment(), fakeSegment(RELAY.blobBuckets[1]), fakeSegment()];

  /** Yields the segments, running `before(i)` before yielding segment i. */
  async function* source(list: Uint8Array[], before: (index: number) => Promise<void> = async () => undefined): AsyncGenerator<Uint8Array> {
    for (const [index, bytes] of list.entries()) {
      await before(index);
      yield bytes;
    }
  }

  it('uploads every segment of a new blob', async () => {
    const client = createRelayClient({ baseUrl: relay.base });
    const { alice, bob, mailbox } = await pairedMailbox(client);
    const blob = newId();
    const list = segments();
    const progress: number[] = [];
    const result = await client.uploadBlob(mailbox, alice, blob, source(list), { onProgress: ({ segment }) => progress.push(segment) });
    expect(result).toEqual({ sent: [0, 1, 2, 3], skipped: [], duplicates: [] });
    expect(progress).toEqual([0, 1, 2, 3]);
    expect(await client.listSegments(mailbox, bob, blob)).toEqual([0, 1, 2, 3]);
    for (const [index, bytes] of list.entries()) expect(sameBytes(await client.getSegment(mailbox, bob, blob, index), bytes)).toBe(true);
  });

  it('resumes after the relay was killed mid-upload: sends only what is missing, nothing twice', async () => {
    const counter = countingPuts();
    const setup = createRelayClient({ baseUrl: relay.base });
    const { alice, bob, mailbox } = await pairedMailbox(setup);
    const blob = newId();
    const list = segments();

    // The relay dies before segment 2; this client does not retry, so the upload stops there.
    const client = createRelayClient({ baseUrl: relay.base, fetch: counter.fetch, maxAttempts: 1 });
    const cut = client.uploadBlob(mailbox, alice, blob, source(list, async (index) => (index === 2 ? relay.stop() : undefined)));
    await expect(cut).rejects.toBeInstanceOf(RelayClientError);
    await expect(cut).rejects.toMatchObject({ code: 'offline' });

    await relay.start();
    const resumed = await client.uploadBlob(mailbox, alice, blob, source(list));
    expect(resumed).toEqual({ sent: [2, 3], skipped: [0, 1], duplicates: [] });
    expect([...counter.answered.entries()].sort()).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
    for (const [index, bytes] of list.entries()) expect(sameBytes(await setup.getSegment(mailbox, bob, blob, index), bytes)).toBe(true);
  });

  it('rides out a relay restart within one upload by retrying', async () => {
    const counter = countingPuts();
    const setup = createRelayClient({ baseUrl: relay.base });
    const { alice, bob, mailbox } = await pairedMailbox(setup);
    const blob = newId();
    const list = segments();
    const client = createRelayClient({ baseUrl: relay.base, fetch: counter.fetch, sleep: () => relay.start() });
    const result = await client.uploadBlob(mailbox, alice, blob, source(list, async (index) => (index === 1 ? relay.stop() : undefined)));
    expect(result).toEqual({ sent: [0, 1, 2, 3], skipped: [], duplicates: [] });
    expect([...counter.answered.values()]).toEqual([1, 1, 1, 1]);
    expect(await setup.listSegments(mailbox, bob, blob)).toEqual([0, 1, 2, 3]);
  });

  it('sends again a segment whose acknowledgement was lost, and the relay answers duplicate', async () => {
    const setup = createRelayClient({ baseUrl: relay.base });
    const { alice, mailbox } = await pairedMailbox(setup);
    const blob = newId();
    let lose = true;
    const losing: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === 'PUT' && lose) {
        lose = false;
        throw new TypeError('connection reset');
      }
      return response;
    };
    const client = createRelayClient({ baseUrl: relay.base, fetch: losing, sleep: async () => undefined });
    const result = await client.uploadBlob(mailbox, alice, blob, source(segments()));
    expect(result).toEqual({ sent: [1, 2, 3], skipped: [], duplicates: [0] });
  });
});
