// Repeated unlock-shaped failures slow unlocking down, silently. The count and the time of the last
// failure live in the key file's header, so the back-off survives a reload. A few free attempts first:
// the owner mistypes too, and ordinary sums like "123456 =" count as attempts.

export const BACKOFF = { freeAttempts: 5, baseMs: 1000, maxMs: 120_000 } as const;

/** How long attempt number `failures + 1` must wait after the last failure. */
export function backoffDelay(failures: number): number {
  if (failures < BACKOFF.freeAttempts) return 0;
  return Math.min(BACKOFF.baseMs * 2 ** (failures - BACKOFF.freeAttempts), BACKOFF.maxMs);
}

/** Milliseconds still to wait now. A clock turned back cannot stretch the wait beyond one delay. */
export function remainingWait(failures: number, lastFailureAt: number, now: number): number {
  const delay = backoffDelay(failures);
  if (delay === 0) return 0;
  return Math.max(0, Math.min(delay, lastFailureAt + delay - now));
}
