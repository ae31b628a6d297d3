// Moments as the log stores them: local wall-clock time with its UTC offset, so "14:32" stays 14:32
// for her and for the police, and the instant is still exact.
const pad = (n: number) => String(Math.trunc(n)).padStart(2, '0');

export function toMoment(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${sign}${pad(abs / 60)}:${pad(abs % 60)}`;
}

export function nowMoment(): string {
  return toMoment(new Date());
}

/** A `datetime-local` value ("2026-11-22T14:32") read in this device's time zone. */
export function momentFromLocalInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi);
  return Number.isNaN(date.getTime()) ? null : toMoment(date);
}

/** The `datetime-local` value for a stored moment, in its own wall-clock time. */
export function localInputFromMoment(moment: string): string {
  return moment.slice(0, 16);
}

/** The calendar day of a moment, in its own wall-clock time (for grouping the timeline). */
export function dayOf(moment: string): string {
  return moment.slice(0, 10);
}
