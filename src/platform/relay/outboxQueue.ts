// The outbox's decisions, pure: what to send next, and what a failure means. outbox.ts drives it
// against the relay client and a storage; these functions only look at items and the clock.
//
// Order: items of one mailbox go out strictly in the order they were queued (a case's messages are a
// sequence; a later one may refer to an earlier one). The head of a mailbox that is waiting or has
// failed holds the rest of that mailbox back; other mailboxes go on. Retries: a transient failure
// (offline, timeout, rate limited, a 5xx) waits a capped, jittered backoff, or the relay's retry-after
// when longer; any other failure marks the item failed and it stays until the caller retries or
// discards it. Nothing is dropped without being asked.
import { z } from 'zod';
import { AppendMessageRequest, BlobId, MailboxId, RELAY } from '../../shared/protocol/relay';
import { type BackoffPolicy, retryDelay } from './backoff';
import { RelayClientError, type RelayClientErrorCode, isTransient } from './errors';

const ItemBase = {
  /** The outbox's own id for the item (random; also its storage id). */
  id: z.string().min(1).max(64),
  /** Queue position: lower goes first. */
  order: z.number().int().min(0),
  mailbox: MailboxId,
  /** Failed attempts so far. */
  attempts: z.number().int().min(0),
  /** Not sent again before this time (ms). */
  notBefore: z.number().int().min(0),
  /** Set when the relay refused it for good; the item waits for retry() or discard(). */
  failed: z.strictObject({ code: z.string().max(40), message: z.string().max(200) }).optional(),
};

export const OutboxMessage = z.strictObject({ ...ItemBase, kind: z.literal('message'), message: AppendMessageRequest });
export type OutboxMessage = z.infer<typeof OutboxMessage>;
export const OutboxSegment = z.strictObject({
  ...ItemBase,
  kind: z.literal('segment'),
  blob: BlobId,
  segment: z.number().int().min(0).max(RELAY.maxSegments - 1),
  /** The segment's ciphertext, base64url. */
  bytes: z.string().max(Math.ceil(((RELAY.blobBuckets[RELAY.blobBuckets.length - 1] ?? 0) * 4) / 3)),
});
export type OutboxSegment = z.infer<typeof OutboxSegment>;
export const OutboxItem = z.discriminatedUnion('kind', [OutboxMessage, OutboxSegment]);
export type OutboxItem = z.infer<typeof OutboxItem>;

/** The first item of each mailbox, by order. */
export function heads(items: readonly OutboxItem[]): OutboxItem[] {
  const first = new Map<string, OutboxItem>();
  for (const item of items) {
    const seen = first.get(item.mailbox);
    if (!seen || item.order < seen.order) first.set(item.mailbox, item);
  }
  return [...first.values()];
}

/**
 * The item to send now: among the mailboxes' heads that have not failed and are due, the one queued
 * first. `ignoreBackoff` treats every waiting head as due (the network just came back).
 */
export function nextItem(items: readonly OutboxItem[], now: number, ignoreBackoff = false): OutboxItem | undefined {
  return heads(items)
    .filter((item) => !item.failed && (ignoreBackoff || item.notBefore <= now))
    .sort((a, b) => a.order - b.order)[0];
}

/** When the next waiting head becomes due, or undefined when none waits. */
export function nextWake(items: readonly OutboxItem[]): number | undefined {
  const due = heads(items)
    .filter((item) => !item.failed)
    .map((item) => item.notBefore);
  return due.length === 0 ? undefined : Math.min(...due);
}

/** The order number for a new item: after everything queued. */
export function nextOrder(items: readonly OutboxItem[]): number {
  return items.reduce((max, item) => Math.max(max, item.order + 1), 0);
}

export type FailureDecision = { action: 'retry'; item: OutboxItem } | { action: 'fail'; item: OutboxItem };

/** What a failed send means for the item: wait and retry, or hold it as failed. */
export function onFailure(item: OutboxItem, error: unknown, now: number, policy: BackoffPolicy, random: () => number = Math.random): FailureDecision {
  const attempts = item.attempts + 1;
  if (isTransient(error)) {
    const retryAfterMs = error instanceof RelayClientError ? error.retryAfterMs : undefined;
    return { action: 'retry', item: { ...item, attempts, notBefore: now + retryDelay(item.attempts, policy, retryAfterMs, random) } };
  }
  const code: RelayClientErrorCode | 'unknown' = error instanceof RelayClientError ? error.code : 'unknown';
  const message = error instanceof Error ? error.message.slice(0, 200) : 'unknown failure';
  return { action: 'fail', item: { ...item, attempts, failed: { code, message } } };
}

/** The item made ready to send again at once (after the caller fixed what made it fail). */
export function retryNow(item: OutboxItem, now: number): OutboxItem {
  const { failed: _failed, ...rest } = item;
  return { ...rest, attempts: 0, notBefore: now };
}
