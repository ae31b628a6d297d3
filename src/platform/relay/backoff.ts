// Capped exponential backoff with jitter, pure, so the numbers are tested without waiting. Jitter
// keeps many clients that lost the relay at the same moment from all returning at the same moment.

export interface BackoffPolicy {
  /** The first delay, before jitter. */
  baseMs: number;
  /** No delay exceeds this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 60_000 };

/**
 * The delay before retry number `attempt` (0 for the first retry): base · 2^attempt capped at maxMs,
 * then "equal jitter" (between half and all of it). `random` returns a number in [0, 1).
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** The delay after a failure: the backoff, or longer when the relay asked for a wait (retry-after). */
export function retryDelay(attempt: number, policy: BackoffPolicy, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  return Math.max(backoffDelay(attempt, policy, random), retryAfterMs ?? 0);
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
