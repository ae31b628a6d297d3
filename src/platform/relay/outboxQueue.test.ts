// The outbox's pure decisions and the backoff numbers: no relay, no clock.
import { describe, expect, it } from 'vitest';
import { backoffDelay, retryDelay } from './backoff';
import { RelayClientError } from './errors';
import { OutboxItem, heads, nextItem, nextOrder, nextWake, onFailure, retryNow } from './outboxQueue';
import { parseRetryAfter } from './transport';

const A = 'AAAAAAAAAAAAAAAAAAAAAA';
const B = 'BBBBBBBBBBBBBBBBBBBBBA';
const policy = { baseMs: 100, maxMs: 1000 };

function item(id: string, mailbox: string, order: number, extra: Partial<OutboxItem> = {}): OutboxItem {
  return OutboxItem.parse({ id, kind: 'message', mailbox, order, attempts: 0, notBefore: 0, message: { id: A, ciphertext: 'A'.repeat(1366) }, ...extra });
}

describe('backoff', () => {
  it('doubles from the base, caps at the maximum, and jitters between half and all', () => {
    expect([0, 1, 2, 3, 4, 10, 60].map((n) => backoffDelay(n, policy, () => 0))).toEqual([50, 100, 200, 400, 500, 500, 500]);
    expect([0, 1, 2, 3, 4, 10, 60].map((n) => backoffDelay(n, policy, () => 0.999999))).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
  });

  it("waits at least the relay's retry-after", () => {
    expect(retryDelay(0, policy, 5000, () => 0)).toBe(5000);
    expect(retryDelay(3, policy, 10, () => 0)).toBe(400);
    expect(retryDelay(0, policy, undefined, () => 0)).toBe(50);
  });

  it('reads retry-after as seconds or as a date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});

describe('outbox queue', () => {
  it('sends each mailbox in order, the earliest-queued head first', () => {
    const items = [item('3', A, 3), item('1', B, 1), item('0', A, 0), item('2', B, 2)];
    expect(heads(items).map((i) => i.id).sort()).toEqual(['0', '1']);
    expect(nextItem(items, 0)?.id).toBe('0');
    expect(nextItem(items.filter((i) => i.id !== '0'), 0)?.id).toBe('1');
    expect(nextOrder(items)).toBe(4);
    expect(nextOrder([])).toBe(0);
  });

  it('holds back a mailbox whose head waits or failed, and lets the others go', () => {
    const waiting = [item('0', A, 0, { notBefore: 500 }), item('1', A, 1), item('2', B, 2)];
    expect(nextItem(waiting, 100)?.id).toBe('2');
    expect(nextItem(waiting, 500)?.id).toBe('0');
    expect(nextItem(waiting, 100, true)?.id).toBe('0');
    expect(nextWake(waiting)).toBe(0);
    const failed = [item('0', A, 0, { failed: { code: 'forbidden', message: 'no' } }), item('1', A, 1)];
    expect(nextItem(failed, 1e12, true)).toBeUndefined();
    expect(nextWake(failed)).toBeUndefined();
  });

  it('retries transient failures later and holds the others as failed', () => {
    const head = item('0', A, 0, { attempts: 2 });
    const offline = onFailure(head, new RelayClientError('offline'), 1000, policy, () => 0);
    expect(offline).toEqual({ action: 'retry', item: { ...head, attempts: 3, notBefore: 1000 + 200 } });
    const limited = onFailure(head, new RelayClientError('rate_limited', 'slow down', { status: 429, retryAfterMs: 7000 }), 1000, policy, () => 0);
    expect(limited.item.notBefore).toBe(8000);
    expect(onFailure(head, new RelayClientError('internal', 'x', { status: 503 }), 0, policy).action).toBe('retry');
    expect(onFailure(head, new RelayClientError('timeout'), 0, policy).action).toBe('retry');

    for (const code of ['forbidden', 'conflict', 'unpadded', 'bad_response'] as const) {
      const decision = onFailure(head, new RelayClientError(code), 0, policy);
      expect(decision).toMatchObject({ action: 'fail', item: { failed: { code } } });
    }
    expect(onFailure(head, new RelayClientError('quota_exceeded', 'full', { status: 507 }), 0, policy).action).toBe('fail');
    expect(onFailure(head, new Error('bug'), 0, policy)).toMatchObject({ action: 'fail', item: { failed: { code: 'unknown' } } });
  });

  it('clears a failure for a retry', () => {
    const failed = item('0', A, 0, { attempts: 4, notBefore: 9, failed: { code: 'forbidden', message: 'no' } });
    expect(retryNow(failed, 50)).toEqual(item('0', A, 0, { attempts: 0, notBefore: 50 }));
  });
});
