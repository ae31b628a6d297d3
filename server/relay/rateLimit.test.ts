import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rateLimit';

describe('the token bucket', () => {
  it('allows a burst up to capacity, then refills at its rate, per key', () => {
    let t = 0;
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 0.5 }, () => t);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 2]);
    expect(limiter.take('b')).toBe(0);
    t += 2000;
    expect([limiter.take('a'), limiter.take('a')]).toEqual([0, 2]);
  });

  it('forgets the least recently used bucket beyond its bound (which then starts full)', () => {
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 1, maxBuckets: 2 }, () => 0);
    expect([limiter.take('a'), limiter.take('b'), limiter.take('c')]).toEqual([0, 0, 0]);
    expect(limiter.take('c')).toBe(1);
    expect(limiter.take('a')).toBe(0);
  });
});
