// The outbox: messages and blob segments queued durably and sent in order whenever the relay can be
// reached. Each item is saved before enqueue returns and removed only after the relay acknowledged it,
// so a crash in between sends it again on the next drain; the ids inside are the client's, so the
// relay answers that resend with `duplicate` and stores nothing twice. The decisions (order, retry,
// failure) live in outboxQueue.ts; the storage is given (outboxStore.ts keeps it as vault records).
//
// One outbox per storage and tab: two tabs draining one store would send the same item twice (still
// harmless: the relay de-duplicates) but could interleave their orders.
import { type AppendMessageRequest, type AppendMessageResponse, type PutSegmentResponse, RELAY } from '../../shared/protocol/relay';
import { type RequestSigningKey, fromBase64Url, newId, toBase64Url } from '../vault';
import { type BackoffPolicy, DEFAULT_BACKOFF } from './backoff';
import type { RelayClient } from './client';
import { RelayClientError } from './errors';
import { OutboxItem, nextItem, nextOrder, nextWake, onFailure, retryNow } from './outboxQueue';

/** Where queued items live between sends. */
export interface OutboxStorage {
  load(): Promise<OutboxItem[]>;
  save(item: OutboxItem): Promise<void>;
  remove(id: string): Promise<void>;
}

export interface OutboxOptions {
  /** Only the two sending calls are used. */
  client: Pick<RelayClient, 'appendMessage' | 'putSegment'>;
  storage: OutboxStorage;
  /** The signing key for a mailbox (held in memory after unlock; keys are never stored here). */
  keyFor(mailbox: string): RequestSigningKey | Promise<RequestSigningKey>;
  now?: () => number;
  random?: () => number;
  backoff?: BackoffPolicy;
  /** The id of a new item; random by default. */
  newId?: () => string;
  onSent?: (item: OutboxItem, answer: AppendMessageResponse | PutSegmentResponse) => void;
  onFailed?: (item: OutboxItem, error: unknown) => void;
}

export interface DrainReport {
  /** Items the relay acknowledged in this drain, in the order sent. */
  sent: OutboxItem[];
  /** Items still queued (waiting or failed). */
  remaining: number;
  /** When a waiting item becomes due; undefined when nothing waits. */
  nextAttemptAt: number | undefined;
}

export interface Outbox {
  enqueueMessage(mailbox: string, message: AppendMessageRequest): Promise<OutboxItem>;
  enqueueSegment(mailbox: string, blob: string, segment: number, bytes: Uint8Array): Promise<OutboxItem>;
  /** Sends due items in order until none is due or the relay cannot be reached. */
  drain(options?: { ignoreBackoff?: boolean }): Promise<DrainReport>;
  pending(): Promise<OutboxItem[]>;
  /** Clears a failed item's failure so the next drain sends it. */
  retry(id: string): Promise<void>;
  /** Removes an item unsent (the caller gave up on it). */
  discard(id: string): Promise<void>;
}

/** An in-memory storage: for tests, and for a session that must not persist anything. */
export function memoryOutboxStorage(): OutboxStorage & { items: Map<string, OutboxItem> } {
  const items = new Map<string, OutboxItem>();
  return {
    items,
    load: async () => [...items.values()],
    save: async (item) => void items.set(item.id, item),
    remove: async (id) => void items.delete(id),
  };
}

/** Builds an outbox over a client and a storage. Items are loaded on first use. */
export function createOutbox(options: OutboxOptions): Outbox {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  const makeId = options.newId ?? newId;
  let loaded: Promise<Map<string, OutboxItem>> | null = null;
  let draining: Promise<DrainReport> | null = null;
  // Saves in call order, so the order numbers handed out match the order on disk.
  let enqueueing: Promise<unknown> = Promise.resolve();

  const items = () =>
    (loaded ??= options.storage.load().then(
      (list) => new Map(list.map((item) => [item.id, item])),
      (error: unknown) => {
        // A load that failed (the vault was locked) is tried again next time, not remembered.
        loaded = null;
        throw error;
      },
    ));

  function enqueue(build: (base: Omit<OutboxItem, 'kind'>) => OutboxItem): Promise<OutboxItem> {
    const task = enqueueing.then(async () => {
      const map = await items();
      const parsed = OutboxItem.safeParse(build({ id: makeId(), order: nextOrder([...map.values()]), mailbox: '', attempts: 0, notBefore: 0 }));
      // Refused here, not at send time: a malformed item would only sit failed at the head of its mailbox.
      if (!parsed.success) throw new RelayClientError('bad_request', 'an outbox item that the relay would refuse');
      const item = parsed.data;
      await options.storage.save(item);
      map.set(item.id, item);
      return item;
    });
    enqueueing = task.catch(() => undefined);
    return task;
  }

  async function send(item: OutboxItem): Promise<AppendMessageResponse | PutSegmentResponse> {
    const key = await options.keyFor(item.mailbox);
    // One attempt per drain step: the outbox's own backoff (kept on disk) paces the retries.
    if (item.kind === 'message') return options.client.appendMessage(item.mailbox, key, item.message, { maxAttempts: 1 });
    return options.client.putSegment(item.mailbox, key, item.blob, item.segment, fromBase64Url(item.bytes), { maxAttempts: 1 });
  }

  async function runDrain(ignoreBackoff: boolean): Promise<DrainReport> {
    const map = await items();
    const sent: OutboxItem[] = [];
    // After a transient failure the relay is unreachable: stop rather than hammer it with the others.
    let reachable = true;
    while (reachable) {
      const item = nextItem([...map.values()], now(), ignoreBackoff);
      if (!item) break;
      try {
        const answer = await send(item);
        await options.storage.remove(item.id);
        map.delete(item.id);
        sent.push(item);
        options.onSent?.(item, answer);
      } catch (error) {
        const decision = onFailure(item, error, now(), policy, random);
        await options.storage.save(decision.item);
        map.set(item.id, decision.item);
        if (decision.action === 'retry') reachable = false;
        else options.onFailed?.(decision.item, error);
      }
    }
    const rest = [...map.values()];
    return { sent, remaining: rest.length, nextAttemptAt: nextWake(rest) };
  }

  async function update(id: string, change: (item: OutboxItem) => OutboxItem | null): Promise<void> {
    const map = await items();
    const item = map.get(id);
    if (!item) throw new RelayClientError('not_found', 'no such outbox item');
    const next = change(item);
    if (next) {
      await options.storage.save(next);
      map.set(id, next);
    } else {
      await options.storage.remove(id);
      map.delete(id);
    }
  }

  return {
    enqueueMessage: (mailbox, message) => enqueue((base) => ({ ...base, kind: 'message', mailbox, message })),
    enqueueSegment: (mailbox, blob, segment, bytes) => {
      if (!(RELAY.blobBuckets as readonly number[]).includes(bytes.length)) return Promise.reject(new RelayClientError('unpadded', 'not padded to a blob bucket'));
      return enqueue((base) => ({ ...base, kind: 'segment', mailbox, blob, segment, bytes: toBase64Url(bytes) }));
    },
    drain(drainOptions = {}) {
      // One drain at a time; a second caller shares it (items queued meanwhile are picked up by its loop).
      draining ??= enqueueing.then(() => runDrain(drainOptions.ignoreBackoff ?? false)).finally(() => {
        draining = null;
      });
      return draining;
    },
    pending: async () => [...(await items()).values()].sort((a, b) => a.order - b.order),
    retry: (id) => update(id, (item) => retryNow(item, now())),
    discard: (id) => update(id, () => null),
  };
}
