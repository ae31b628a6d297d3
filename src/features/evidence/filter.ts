// Filtering and searching the index: pure, so it is fast and tested without a browser.
import type { IncidentKind } from './domain/kinds';
import { normaliseForSearch } from './indexEntry';
import type { IndexEntry } from './schema';

export interface LogFilter {
  text: string;
  kind: IncidentKind | '';
  /** "orderId/conditionId", or "orderId/*" for any condition of an order. */
  condition: string;
  from: string;
  to: string;
}

export const NO_FILTER: LogFilter = { text: '', kind: '', condition: '', from: '', to: '' };

export function searchTerms(text: string): string[] {
  return normaliseForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function matchesCondition(entry: IndexEntry, condition: string): boolean {
  const [orderId, conditionId] = condition.split('/');
  return entry.conditions.some((c) => c.orderId === orderId && (conditionId === '*' || c.conditionId === conditionId));
}

/** Entries matching every part of the filter, newest (by when it happened) first. */
export function filterEntries(entries: readonly IndexEntry[], filter: LogFilter): IndexEntry[] {
  const terms = searchTerms(filter.text);
  return entries
    .filter(
      (e) =>
        (!filter.kind || e.kinds.includes(filter.kind)) &&
        (!filter.condition || matchesCondition(e, filter.condition)) &&
        (!filter.from || e.at.slice(0, 10) >= filter.from) &&
        (!filter.to || e.at.slice(0, 10) <= filter.to) &&
        terms.every((term) => e.words.includes(term)),
    )
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** Consecutive entries on the same day, for the timeline's day headings. */
export function groupByDay(entries: readonly IndexEntry[]): { day: string; entries: IndexEntry[] }[] {
  const groups: { day: string; entries: IndexEntry[] }[] = [];
  for (const entry of entries) {
    const day = entry.at.slice(0, 10);
    const last = groups.at(-1);
    if (last?.day === day) last.entries.push(entry);
    else groups.push({ day, entries: [entry] });
  }
  return groups;
}
