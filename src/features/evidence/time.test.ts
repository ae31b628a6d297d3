import { describe, expect, it } from 'vitest';
import { dayOf, localInputFromMoment, momentFromLocalInput, toMoment } from './time';

describe('moments', () => {
  it('keep local wall-clock time with the offset, and parse back to the same instant', () => {
    const date = new Date(2026, 10, 22, 14, 32, 5);
    const moment = toMoment(date);
    expect(moment).toMatch(/^2026-11-22T14:32:05[+-]\d{2}:\d{2}$/);
    expect(Date.parse(moment)).toBe(date.getTime());
    expect(dayOf(moment)).toBe('2026-11-22');
  });

  it('round-trip through a datetime-local field', () => {
    const moment = momentFromLocalInput('2016-01-04T21:15');
    expect(moment).not.toBeNull();
    expect(localInputFromMoment(moment as string)).toBe('2016-01-04T21:15');
    expect(momentFromLocalInput('not a date')).toBeNull();
  });
});
