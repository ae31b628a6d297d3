// An entry's content with nothing filled in but the time: the starting point for a quick log, a
// test or a seeded benchmark.
import type { EntryContent } from './schema';

export function blankContent(at: string, fields: Partial<EntryContent> = {}): EntryContent {
  return {
    at,
    until: null,
    approximate: false,
    kinds: [],
    conditions: [],
    what: '',
    where: '',
    witnesses: '',
    injuries: '',
    weapon: false,
    impact: '',
    police: { told: null, on: null, reference: '', officer: '' },
    via: 'full',
    ...fields,
  };
}
