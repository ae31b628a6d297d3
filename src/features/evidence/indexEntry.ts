// Building an entry's line in the encrypted index from its content: pure.
import type { EntryContent, IndexEntry } from './schema';

const SNIPPET = 200;

/** Lower-cased, normalised text for search ("Café" and "cafe\u0301" match). */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase();
}

export function searchableText(content: EntryContent): string {
  const { what, where, witnesses, injuries, impact, police } = content;
  return normaliseForSearch([what, where, witnesses, injuries, impact, police.reference, police.officer].filter(Boolean).join('\n'));
}

export function indexEntryFor(id: string, revIds: string[], linkIds: string[], content: EntryContent, attachments: string[] = []): IndexEntry {
  const snippet = content.what.trim().replace(/\s+/g, ' ');
  return {
    id,
    revIds,
    linkIds,
    at: content.at,
    approximate: content.approximate,
    kinds: content.kinds,
    conditions: content.conditions,
    weapon: content.weapon,
    snippet: [...snippet].length > SNIPPET ? `${[...snippet].slice(0, SNIPPET - 1).join('')}…` : snippet,
    words: searchableText(content).slice(0, 60_000),
    policeTold: content.police.told,
    redactedAt: null,
    attachments,
  };
}
