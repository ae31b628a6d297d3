// What she chose to put in a pack, and which entries that selects. Pure.
import type { Language } from '../../../platform/i18n';
import type { IncidentKind, IndexEntry } from '../../evidence';

export interface PackSelection {
  /** Inclusive calendar dates (YYYY-MM-DD), or null for no limit. */
  from: string | null;
  to: string | null;
  /** Entries of any of these kinds; empty for every kind. */
  kinds: IncidentKind[];
  /** Entries linked to a condition of any of these orders; empty for every entry. */
  orders: string[];
  /** Every revision's text, or only the latest. */
  histories: boolean;
  /** The language chronology.html is written in. */
  language: Language;
}

/** Whether an index line matches the selection. Pure. */
export function matchesSelection(entry: IndexEntry, selection: Pick<PackSelection, 'from' | 'to' | 'kinds' | 'orders'>): boolean {
  const day = entry.at.slice(0, 10);
  if (selection.from && day < selection.from) return false;
  if (selection.to && day > selection.to) return false;
  if (selection.kinds.length && !entry.kinds.some((k) => selection.kinds.includes(k))) return false;
  if (selection.orders.length && !entry.conditions.some((c) => selection.orders.includes(c.orderId))) return false;
  return true;
}
