// Opening hours: whether a service is open at a given moment, in the service's own time zone, and
// its weekly hours written out in her language. Pure: `now` is always passed in.
import { DAYS, type Day, type Hours, type WeeklyRange } from './schema';

export type Opening =
  | { kind: 'always' }
  | { kind: 'open'; closes: string }
  /** `opens` is null when no range in the week opens (cannot happen with valid data). */
  | { kind: 'closed'; opens: { day: Day; time: string; today: boolean } | null };

const WEEKDAY: Record<string, Day> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };

/** The day and HH:MM at `now` where the service is. */
export function localTime(tz: string, now: Date): { day: Day; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: tz, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: WEEKDAY[part('weekday')] ?? 'mon', time: `${part('hour')}:${part('minute')}` };
}

/** Open or closed at `now`, and until or from when. Bank holidays are not known here (see closedBankHolidays). */
export function openingState(hours: Hours, now: Date): Opening {
  if ('always' in hours) return { kind: 'always' };
  const { day, time } = localTime(hours.tz, now);
  const today = hours.weekly.filter((r) => r.days.includes(day));
  const current = today.filter((r) => r.open <= time && time < r.close).sort((a, b) => (a.close < b.close ? 1 : -1))[0];
  if (current) return { kind: 'open', closes: current.close };
  const start = DAYS.indexOf(day);
  for (let offset = 0; offset < 8; offset++) {
    const d = DAYS[(start + offset) % 7] as Day;
    const opens = hours.weekly
      .filter((r) => r.days.includes(d) && (offset > 0 || r.open > time))
      .map((r) => r.open)
      .sort()[0];
    if (opens) return { kind: 'closed', opens: { day: d, time: opens, today: offset === 0 } };
  }
  return { kind: 'closed', opens: null };
}

/** The short or long name of a weekday in a language (2024-01-01 was a Monday). */
export function dayName(day: Day, language: string, width: 'short' | 'long' = 'short'): string {
  const date = new Date(Date.UTC(2024, 0, 1 + DAYS.indexOf(day), 12));
  return new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' }).format(date);
}

/** Days as runs: mon,tue,wed,thu,fri → "Mon–Fri"; mon,wed → "Mon, Wed". */
export function describeDays(days: readonly Day[], language: string): string {
  const sorted = [...new Set(days)].sort((a, b) => DAYS.indexOf(a) - DAYS.indexOf(b));
  const runs: Day[][] = [];
  for (const d of sorted) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && DAYS.indexOf(d) === DAYS.indexOf(last) + 1) run.push(d);
    else runs.push([d]);
  }
  return runs
    .map((run) => {
      const first = run[0] as Day;
      const last = run[run.length - 1] as Day;
      if (run.length === 1) return dayName(first, language);
      if (run.length === 2) return `${dayName(first, language)}, ${dayName(last, language)}`;
      return `${dayName(first, language)}–${dayName(last, language)}`;
    })
    .join(', ');
}

/** Each weekly range written out: "Mon–Fri 09:30–16:00". */
export function describeWeekly(ranges: readonly WeeklyRange[], language: string): string[] {
  return ranges.map((r) => `${describeDays(r.days, language)} ${r.open}–${r.close}`);
}
