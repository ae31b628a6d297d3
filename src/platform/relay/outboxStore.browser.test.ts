// The outbox's storage in real Chromium: items kept as encrypted vault records in IndexedDB, nothing
// of them readable on disk, a damaged record reported and not sent, and an outbox that survives a reload.
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { AppendMessageResponse, PutSegmentResponse } from '../../shared/protocol/relay';
import { RELAY } from '../../shared/protocol/relay';
import { freshVaultEachTest } from '../store/testing';
import { type RequestSigningKey, createMailboxKey, fromBase64Url, newId, randomBytes, toBase64Url, utf8 } from '../vault';
import { RelayClientError } from './errors';
import { createOutbox } from './outbox';
import { OutboxItem } from './outboxQueue';
import { vaultOutboxStorage } from './outboxStore';

freshVaultEachTest();

async function rawRecords(): Promise<{ id: string; t: string; c: Uint8Array }[]> {
  const db = await openDB('calc');
  const all = await db.getAll('r');
  db.close();
  return all;
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function messageItem(order: number): OutboxItem {
  return OutboxItem.parse({ id: newId(), kind: 'message', order, mailbox: newId(), attempts: 0, notBefore: 0, message: { id: newId(), ciphertext: toBase64Url(randomBytes(1024)) } });
}

/** A client stand-in that records what it was asked to send, and can fail on request. */
function recordingClient() {
  const calls: string[] = [];
  let failNext: RelayClientError | null = null;
  return {
    calls,
    failNext(error: RelayClientError) {
      failNext = error;
    },
    client: {
      async appendMessage(_mailbox: string, _key: RequestSigningKey, message: { id: string }): Promise<AppendMessageResponse> {
        calls.push(message.id);
        if (failNext) {
          const error = failNext;
          failNext = null;
          throw error;
        }
        return { seq: calls.length, receivedAt: 1, duplicate: false };
      },
      async putSegment(_mailbox: string, _key: RequestSigningKey, blob: string, segment: number): Promise<PutSegmentResponse> {
        calls.push(`${blob}/${segment}`);
        return { duplicate: false };
      },
    },
  };
}

describe('vault outbox storage', () => {
  it('keeps items as vault records: round trip, and no id, mailbox or payload readable on disk', async () => {
    const storage = vaultOutboxStorage();
    const message = messageItem(0);
    const segmentBytes = randomBytes(RELAY.blobBuckets[0]);
    const segment = OutboxItem.parse({ id: newId(), kind: 'segment', order: 1, mailbox: newId(), attempts: 0, notBefore: 0, blob: newId(), segment: 7, bytes: toBase64Url(segmentBytes) });
    await storage.save(message);
    await storage.save(segment);
    expect((await vaultOutboxStorage().load()).sort((a, b) => a.order - b.order)).toEqual([message, segment]);

    const records = await rawRecords();
    expect(records).toHaveLength(2);
    const secrets = [message.mailbox, message.kind === 'message' ? message.message.id : '', message.kind === 'message' ? message.message.ciphertext.slice(0, 40) : '', segment.mailbox, segment.kind === 'segment' ? segment.blob : '', 'relay-outbox'];
    for (const record of records) {
      const names = JSON.stringify({ id: record.id, t: record.t });
      for (const secret of secrets) {
        expect(names).not.toContain(secret);
        expect(contains(record.c, utf8(secret))).toBe(false);
      }
      expect(contains(record.c, segmentBytes.subarray(0, 32))).toBe(false);
      expect(contains(record.c, fromBase64Url(message.kind === 'message' ? message.message.ciphertext : '').subarray(0, 32))).toBe(false);
    }

    await storage.remove(message.id);
    expect(await storage.load()).toEqual([segment]);
  });

  it('reports a damaged record and does not load it', async () => {
    const storage = vaultOutboxStorage();
    const good = messageItem(0);
    const bad = messageItem(1);
    await storage.save(good);
    await storage.save(bad);
    const db = await openDB('calc');
    const record = await db.get('r', bad.id);
    record.c[record.c.length - 3] ^= 1;
    await db.put('r', record);
    db.close();
    expect(await storage.load()).toEqual([good]);
    expect(await storage.damaged()).toEqual([bad.id]);
  });

  it('an outbox on it survives a reload and sends in order, removing each item once acknowledged', async () => {
    const { key } = await createMailboxKey();
    const stand = recordingClient();
    const first = createOutbox({ client: stand.client, storage: vaultOutboxStorage(), keyFor: () => key });
    const mailbox = newId();
    const ids = [newId(), newId(), newId()];
    for (const id of ids) await first.enqueueMessage(mailbox, { id, ciphertext: toBase64Url(randomBytes(1024)) });
    stand.failNext(new RelayClientError('offline'));
    expect((await first.drain()).sent).toEqual([]);
    expect(await rawRecords()).toHaveLength(3);

    // A reload: a new outbox and a new storage over the same database.
    const second = createOutbox({ client: stand.client, storage: vaultOutboxStorage(), keyFor: () => key });
    expect((await second.pending()).map((item) => item.kind === 'message' && item.message.id)).toEqual(ids);
    expect((await second.drain({ ignoreBackoff: true })).remaining).toBe(0);
    expect(stand.calls).toEqual([ids[0], ...ids]);
    expect(await rawRecords()).toHaveLength(0);
  });
});
