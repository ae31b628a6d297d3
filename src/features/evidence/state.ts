// The evidence feature's in-memory state while unlocked: the last log check, and hooks that load the
// index and orders. All of it is dropped when the session ends.
import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { Listed } from '../../platform/store';
import { onSessionEnd, sessionGeneration } from '../../platform/vault';
import { commitPendingAttachments, sweepOrphanSegments } from './attachments';
import { loadIndex, onLogChanged } from './logStore';
import { orders } from './repository';
import type { IndexEntry, Order } from './schema';
import { type LogCheck, checkLog } from './verify';

export const logCheck = signal<LogCheck | 'checking' | 'failed' | null>(null);

// After every change the log is checked again, once things settle: what she reads is never stale.
const RECHECK_DELAY_MS = 1000;
let recheck: ReturnType<typeof setTimeout> | null = null;
onLogChanged(() => {
  if (logCheck.value === null) return;
  if (recheck) clearTimeout(recheck);
  recheck = setTimeout(runLogCheck, RECHECK_DELAY_MS);
});
onSessionEnd(() => {
  keptAfterLock.value = 0;
  if (recheck) clearTimeout(recheck);
  recheck = null;
  logCheck.value = null;
});

/** Checks the whole log in the background (after unlock, and when she asks). */
export function runLogCheck(): void {
  const generation = sessionGeneration();
  logCheck.value = 'checking';
  checkLog().then(
    (report) => generation === sessionGeneration() && (logCheck.value = report),
    () => generation === sessionGeneration() && (logCheck.value = 'failed'),
  );
}

/**
 * After unlock: keep any recording a lock stopped, clear away what an interrupted import left, then
 * check the log. In the background; the home screen is already showing.
 */
/** How many recordings a lock stopped were kept and filed at this unlock (for a notice). */
export const keptAfterLock = signal(0);

export function resumeLog(): void {
  const generation = sessionGeneration();
  // Idle first: with ten thousand entries the check decrypts every link and revision, and must not
  // compete with the first screens she opens.
  const whenIdle = (work: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(work, { timeout: 5000 }) : setTimeout(work, 2000));
  // Shown as "checking" meanwhile, so no screen starts a check of its own in the first busy moments.
  logCheck.value = 'checking';
  whenIdle(() => generation === sessionGeneration() && resume(generation));
}

function resume(generation: number): void {
  void commitPendingAttachments()
    .then((kept) => {
      if (generation === sessionGeneration()) keptAfterLock.value = kept;
      return sweepOrphanSegments();
    })
    .catch(() => undefined)
    .finally(() => generation === sessionGeneration() && runLogCheck());
}

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: unknown };

/** The log's index, reloaded whenever the log changes (here or in another tab). */
export function useIndex(): Loaded<IndexEntry[]> {
  const [loaded, setLoaded] = useState<Loaded<IndexEntry[]>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    const load = () => loadIndex().then((value) => live && setLoaded({ state: 'ready', value }), (error: unknown) => live && setLoaded({ state: 'failed', error }));
    void load();
    const off = onLogChanged(() => void load());
    return () => {
      live = false;
      off();
    };
  }, []);
  return loaded;
}

export type OrderItem = Listed<Order>;

export function useOrders(): Loaded<OrderItem[]> {
  const [loaded, setLoaded] = useState<Loaded<OrderItem[]>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    orders.list().then((value) => live && setLoaded({ state: 'ready', value }), (error: unknown) => live && setLoaded({ state: 'failed', error }));
    return () => {
      live = false;
    };
  }, []);
  return loaded;
}

/** Whether an order is still in force today. */
export function isExpired(order: Order, today: string): boolean {
  return !order.untilFurtherOrder && order.until !== null && order.until < today;
}
