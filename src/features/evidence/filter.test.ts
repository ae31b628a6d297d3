import { describe, expect, it } from 'vitest';
import { NO_FILTER, filterEntries, groupByDay, searchTerms } from './filter';
import type { IndexEntry } from './schema';

const entry = (id: string, at: string, extra: Partial<IndexEntry> = {}): IndexEntry => ({
  id,
  revIds: ['r'],
  linkIds: ['l'],
  at,
  approximate: false,
  kinds: ['text'],
  conditions: [],
  weapon: false,
  snippet: '',
  words: '',
  policeTold: null,
  redactedAt: null,
  attachments: [],
  ...extra,
});

const entries = [
  entry('a', '2026-01-01T09:00:00+00:00', { words: 'he sent fourteen texts', kinds: ['text'] }),
  entry('b', '2026-01-03T22:00:00+00:00', { words: 'at the door on east street', kinds: ['at_home'], conditions: [{ orderId: 'o1', conditionId: 'c2' }] }),
  entry('c', '2026-01-03T08:00:00+00:00', { words: 'café, then he followed me', kinds: ['followed'], conditions: [{ orderId: 'o1', conditionId: 'c1' }] }),
];

describe('log filters', () => {
  it('puts the newest first and groups by day', () => {
    const sorted = filterEntries(entries, NO_FILTER);
    expect(sorted.map((e) => e.id)).toEqual(['b', 'c', 'a']);
    expect(groupByDay(sorted).map((g) => [g.day, g.entries.map((e) => e.id)])).toEqual([
      ['2026-01-03', ['b', 'c']],
      ['2026-01-01', ['a']],
    ]);
  });

  it('searches by every word, in any case and Unicode form', () => {
    expect(filterEntries(entries, { ...NO_FILTER, text: 'EAST door' }).map((e) => e.id)).toEqual(['b']);
    expect(filterEntries(entries, { ...NO_FILTER, text: 'cafe\u0301' }).map((e) => e.id)).toEqual(['c']);
    expect(filterEntries(entries, { ...NO_FILTER, text: 'east fourteen' })).toEqual([]);
    expect(searchTerms('  “Door”, east! ')).toEqual(['door', 'east']);
  });

  it('filters by kind, condition, order and date range', () => {
    expect(filterEntries(entries, { ...NO_FILTER, kind: 'followed' }).map((e) => e.id)).toEqual(['c']);
    expect(filterEntries(entries, { ...NO_FILTER, condition: 'o1/c2' }).map((e) => e.id)).toEqual(['b']);
    expect(filterEntries(entries, { ...NO_FILTER, condition: 'o1/*' }).map((e) => e.id)).toEqual(['b', 'c']);
    expect(filterEntries(entries, { ...NO_FILTER, from: '2026-01-02', to: '2026-01-03' }).map((e) => e.id)).toEqual(['b', 'c']);
  });
});
