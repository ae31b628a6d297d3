// Open now, worked out in the service's own time zone at fixed moments.
import { describe, expect, it } from 'vitest';
import { describeDays, describeWeekly, openingState } from './hours';
import { Hours, type WeeklyRange } from './schema';

// The National Stalking Helpline's hours: weekdays 9:30–16:00, but Wednesday 13:00–16:00.
const weekly = [
  { days: ['mon', 'tue', 'thu', 'fri'], open: '09:30', close: '16:00' },
  { days: ['wed'], open: '13:00', close: '16:00' },
] satisfies WeeklyRange[];
const stalking = Hours.parse({ tz: 'Europe/London', status: 'S', weekly });

describe('openingState', () => {
  it('is always open for a 24-hour service', () => {
    expect(openingState(Hours.parse({ tz: 'Europe/London', status: 'V', always: true }), new Date('2026-11-22T03:00:00Z'))).toEqual({ kind: 'always' });
  });

  it('is closed on a Wednesday morning and opens at 13:00 that day', () => {
    expect(openingState(stalking, new Date('2026-11-25T10:00:00Z'))).toEqual({ kind: 'closed', opens: { day: 'wed', time: '13:00', today: true } });
  });

  it('is open on a Wednesday afternoon until 16:00, and closed again at 16:00', () => {
    expect(openingState(stalking, new Date('2026-11-25T13:30:00Z'))).toEqual({ kind: 'open', closes: '16:00' });
    expect(openingState(stalking, new Date('2026-11-25T16:00:00Z'))).toEqual({ kind: 'closed', opens: { day: 'thu', time: '09:30', today: false } });
  });

  it('is closed at the weekend and opens on Monday', () => {
    expect(openingState(stalking, new Date('2026-11-28T12:00:00Z'))).toEqual({ kind: 'closed', opens: { day: 'mon', time: '09:30', today: false } });
  });

  it("uses the service's time zone, with summer time: 09:45 in London is 08:45 UTC in July", () => {
    const monday = Hours.parse({ tz: 'Europe/London', status: 'V', weekly: [{ days: ['wed'], open: '09:30', close: '17:00' }] });
    expect(openingState(monday, new Date('2026-07-01T08:45:00Z'))).toEqual({ kind: 'open', closes: '17:00' });
    expect(openingState(monday, new Date('2026-07-01T08:15:00Z'))).toMatchObject({ kind: 'closed', opens: { today: true } });
  });

  it('opens later in a week that has one opening only', () => {
    const sunday = Hours.parse({ tz: 'Australia/Sydney', status: 'V', weekly: [{ days: ['sun'], open: '10:00', close: '12:00' }] });
    // Wednesday 25 Nov, 12:00 UTC is 23:00 Wednesday in Sydney.
    expect(openingState(sunday, new Date('2026-11-25T12:00:00Z'))).toEqual({ kind: 'closed', opens: { day: 'sun', time: '10:00', today: false } });
  });
});

describe('describing hours', () => {
  it('writes runs of days as ranges', () => {
    expect(describeDays(['mon', 'tue', 'wed', 'thu', 'fri'], 'en-GB')).toBe('Mon–Fri');
    expect(describeDays(['mon', 'tue', 'thu', 'fri'], 'en-GB')).toBe('Mon, Tue, Thu, Fri');
    expect(describeDays(['sat', 'sun'], 'en-GB')).toBe('Sat, Sun');
    expect(describeWeekly(weekly, 'en-GB')).toEqual(['Mon, Tue, Thu, Fri 09:30–16:00', 'Wed 13:00–16:00']);
  });

  it('names days in her language', () => {
    expect(describeDays(['mon'], 'pl')).not.toBe(describeDays(['mon'], 'en-GB'));
  });

  it('refuses a range that closes before it opens, or a time zone that does not exist', () => {
    expect(Hours.safeParse({ tz: 'Europe/London', status: 'V', weekly: [{ days: ['mon'], open: '17:00', close: '09:00' }] }).success).toBe(false);
    expect(Hours.safeParse({ tz: 'Europe/Londres', status: 'V', always: true }).success).toBe(false);
  });
});
