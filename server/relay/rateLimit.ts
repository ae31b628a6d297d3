// Token buckets, one per key, in memory. Each relay process limits on its own: behind a load
// balancer the effective limit is per node, which is acceptable for abuse control (quotas, which
// must be exact, live in the store).

export interface BucketOptions {
  /** Tokens a bucket holds when full (the largest burst). */
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
  /** Buckets kept at most; the least recently used is dropped (a dropped bucket starts full). */
  maxBuckets?: number;
}

export interface RateLimiter {
  /** Takes one token for `key`: 0 when allowed, else the seconds to wait. */
  take(key: string): number;
}

/** A token-bucket limiter keyed by string; `now` is injected so tests need no real time. */
export function createRateLimiter(options: BucketOptions, now: () => number): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const maxBuckets = options.maxBuckets ?? 100_000;
  return {
    take(key) {
      const t = now();
      const previous = buckets.get(key);
      const bucket = previous ?? { tokens: options.capacity, at: t };
      bucket.tokens = Math.min(options.capacity, bucket.tokens + (Math.max(0, t - bucket.at) / 1000) * options.refillPerSecond);
      bucket.at = t;
      // Re-insert so Map order is least recently used first.
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > maxBuckets) buckets.delete(buckets.keys().next().value ?? '');
      if (bucket.tokens < 1) return Math.max(1, Math.ceil((1 - bucket.tokens) / options.refillPerSecond));
      bucket.tokens -= 1;
      return 0;
    },
  };
}
