import { describe, expect, it } from 'vitest';
import { BACKOFF, backoffDelay, remainingWait } from './backoff';

describe('unlock back-off', () => {
  it('lets the first attempts through at once', () => {
    for (let n = 0; n < BACKOFF.freeAttempts; n++) expect(backoffDelay(n)).toBe(0);
  });

  it('doubles after that, up to a ceiling', () => {
    expect(backoffDelay(5)).toBe(1000);
    expect(backoffDelay(6)).toBe(2000);
    expect(backoffDelay(9)).toBe(16_000);
    expect(backoffDelay(40)).toBe(BACKOFF.maxMs);
  });

  it('counts from the last failure, and a clock set back cannot lengthen it', () => {
    expect(remainingWait(6, 10_000, 10_500)).toBe(1500);
    expect(remainingWait(6, 10_000, 13_000)).toBe(0);
    expect(remainingWait(6, 10_000, 0)).toBe(2000);
    expect(remainingWait(2, 10_000, 10_000)).toBe(0);
  });
});
