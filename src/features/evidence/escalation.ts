// Flags drawn from the log: the patterns agencies failed to join up in the seed cases. Each flag says
// what in her own log raised it; the words of why it matters are in the locales. Never a score: risk
// is for her and a trained practitioner to judge (DOMAIN §4).
import { ORDER_KINDS } from './domain/orders';
import type { IndexEntry, Order } from './schema';

export type FlagId =
  | 'threat_to_kill'
  | 'strangulation'
  | 'violence'
  | 'weapon'
  | 'escalation'
  | 'breach_after_arrest_or_bail'
  | 'repeat_breach'
  | 'breach_of_criminal_order'
  | 'separation';

export interface Flag {
  id: FlagId;
  /** How many entries raised it. */
  count: number;
  /** The latest of them (a moment). */
  latest: string;
}

export interface OrderWithId {
  id: string;
  order: Order;
}

const DAY = 86_400_000;
const WINDOW_DAYS = 28;
const SEPARATION_DAYS = 90;

function flag(id: FlagId, entries: readonly IndexEntry[]): Flag[] {
  if (entries.length === 0) return [];
  const latest = entries.reduce((a, b) => (Date.parse(b.at) > Date.parse(a.at) ? b : a)).at;
  return [{ id, count: entries.length, latest }];
}

/** Monday-start week number since 1970, for weekly counts. */
export function weekOf(moment: string): number {
  const date = new Date(`${moment.slice(0, 10)}T00:00:00Z`);
  return Math.floor((date.getTime() / DAY + 3) / 7);
}

/** Incidents in each of the last `weeks` weeks up to `now`, oldest first. */
export function weeklyCounts(entries: readonly IndexEntry[], now: string, weeks: number): { week: number; count: number }[] {
  const last = weekOf(now);
  const counts = new Map<number, number>();
  for (const e of entries) counts.set(weekOf(e.at), (counts.get(weekOf(e.at)) ?? 0) + 1);
  return Array.from({ length: weeks }, (_, i) => ({ week: last - weeks + 1 + i, count: counts.get(last - weeks + 1 + i) ?? 0 }));
}

/**
 * Rising: the last four weeks hold at least three incidents and more than the four before; or each of
 * the last three weeks has more than the week before.
 */
function rising(entries: readonly IndexEntry[], now: string): IndexEntry[] {
  const end = Date.parse(now);
  const inWindow = (e: IndexEntry, from: number, to: number) => Date.parse(e.at) > end - to * DAY && Date.parse(e.at) <= end - from * DAY;
  const recent = entries.filter((e) => inWindow(e, 0, WINDOW_DAYS));
  const before = entries.filter((e) => inWindow(e, WINDOW_DAYS, 2 * WINDOW_DAYS));
  const weeks = weeklyCounts(entries, now, 4).map((w) => w.count);
  const weekOnWeek = weeks.slice(1).every((count, i) => count > (weeks[i] ?? 0));
  return (recent.length >= 3 && recent.length > before.length) || weekOnWeek ? recent : [];
}

export function escalationFlags(all: readonly IndexEntry[], orders: readonly OrderWithId[], now: string, separatedOn: string | null = null): Flag[] {
  const entries = all.filter((e) => !e.redactedAt);
  const byId = new Map(orders.map((o) => [o.id, o.order]));
  const breaches = entries.filter((e) => e.conditions.some((c) => byId.has(c.orderId)));
  const afterStart = breaches.filter((e) =>
    e.conditions.some((c) => {
      const from = byId.get(c.orderId)?.from;
      return from !== null && from !== undefined && e.at.slice(0, 10) >= from;
    }),
  );
  const criminal = breaches.filter((e) => e.conditions.some((c) => ORDER_KINDS[byId.get(c.orderId)?.kind ?? 'other'].breach === 'crime'));
  const separation = separatedOn ? entries.filter((e) => Math.abs(Date.parse(e.at) - Date.parse(`${separatedOn}T12:00:00Z`)) <= SEPARATION_DAYS * DAY) : [];
  return [
    ...flag('threat_to_kill', entries.filter((e) => e.kinds.includes('threat_to_kill'))),
    ...flag('strangulation', entries.filter((e) => e.kinds.includes('strangulation'))),
    ...flag('weapon', entries.filter((e) => e.weapon)),
    ...flag('violence', entries.filter((e) => e.kinds.includes('violence'))),
    ...flag('escalation', rising(entries, now)),
    ...flag('breach_after_arrest_or_bail', afterStart),
    ...(breaches.length >= 2 ? flag('repeat_breach', breaches) : []),
    ...flag('breach_of_criminal_order', criminal),
    ...flag('separation', separation),
  ];
}
