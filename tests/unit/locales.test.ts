// Every translation must match English key for key: same nesting, same order, same array lengths,
// the same {{placeholders}}, and exactly the plural forms its language uses. And the calculator's
// words must never give the disguise away, in any language.

import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/platform/i18n/languages';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const LOCALES = new URL('../../locales/', import.meta.url);
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*([^}]+?)\s*\}\}/g;

/** Words that would give the calculator away; English applies to every language. */
const GIVEAWAYS: Record<string, readonly string[]> = {
  en: ['abuse', 'domestic', 'safety', 'evidence', 'breach', 'helpline', 'advocate', 'police', 'victim', 'vault', 'waymark', 'refuge'],
  cy: ['cam-drin', 'camdrin', 'domestig', 'diogel', 'tystiolaeth', 'torri', 'cymorth', 'eiriolwr', 'heddlu', 'dioddef', 'claddgell', 'lloches'],
  pl: ['przemoc', 'domow', 'bezpiecz', 'dowod', 'dowód', 'narusz', 'zaufania', 'infolini', 'rzecznik', 'policj', 'ofiar', 'sejf', 'skarbiec', 'schron'],
  ur: ['تشدد', 'زیادتی', 'گھریلو', 'حفاظت', 'محفوظ', 'ثبوت', 'خلاف ورزی', 'ہیلپ لائن', 'وکیل', 'پولیس', 'متاثر', 'تجوری', 'پناہ'],
};

const languages = readdirSync(LOCALES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const namespaces = readdirSync(new URL('en/', LOCALES))
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.slice(0, -'.json'.length));

function load(language: string, ns: string): Json {
  return JSON.parse(readFileSync(new URL(`${language}/${ns}.json`, LOCALES), 'utf8')) as Json;
}

/** Every leaf as [dotted path, value], in file order; array elements are numbered. */
function leaves(value: Json, path = ''): [string, Json][] {
  if (value === null || typeof value !== 'object') return [[path, value]];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([key, v]) => leaves(v, path ? `${path}.${key}` : key));
}

/** Every array as [dotted path, length]. */
function arrays(value: Json, path = ''): [string, number][] {
  if (value === null || typeof value !== 'object') return [];
  const own: [string, number][] = Array.isArray(value) ? [[path, value.length]] : [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return [...own, ...entries.flatMap(([key, v]) => arrays(v, path ? `${path}.${key}` : key))];
}

/** English's plural keys, without suffix: i18next needs an `_other` form for each. */
function pluralBases(english: Json): Set<string> {
  return new Set(leaves(english).flatMap(([path]) => (path.endsWith('_other') ? [path.slice(0, -'_other'.length)] : [])));
}

/** Splits a path into its plural base and category, if it is one of English's plural keys. */
function plural(path: string, bases: Set<string>): { base: string; category: string } | null {
  const match = PLURAL_SUFFIX.exec(path);
  if (!match?.[1]) return null;
  const base = path.slice(0, match.index);
  return bases.has(base) ? { base, category: match[1] } : null;
}

/** Leaf paths in order, plural forms folded into one. */
function normalisedKeys(value: Json, bases: Set<string>): string[] {
  const keys = leaves(value).map(([path]) => plural(path, bases)?.base ?? path);
  return keys.filter((key, i) => key !== keys[i - 1]);
}

function placeholders(text: Json): string[] {
  return typeof text === 'string' ? [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))].sort() : [];
}

/** The placeholders English uses for each normalised key (all plural forms together). */
function englishPlaceholders(english: Json, bases: Set<string>): Map<string, string[]> {
  const found = new Map<string, Set<string>>();
  for (const [path, value] of leaves(english)) {
    const key = plural(path, bases)?.base ?? path;
    for (const name of placeholders(value)) found.set(key, (found.get(key) ?? new Set()).add(name));
  }
  return new Map([...found].map(([key, names]) => [key, [...names].sort()]));
}

it('has a directory for each language the app offers, and no other', () => {
  expect(languages).toEqual(LANGUAGES.map((l) => l.code).sort());
});

describe.each(languages)('locales/%s', (language) => {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories.map(String).sort();

  describe.each(namespaces)('%s.json', (ns) => {
    const english = load('en', ns);
    const bases = pluralBases(english);

    it('exists and is a JSON object', () => {
      const translation = load(language, ns);
      expect(translation).toBeTypeOf('object');
      expect(Array.isArray(translation)).toBe(false);
    });

    it('has the same keys as English, in the same order', () => {
      expect(normalisedKeys(load(language, ns), bases)).toEqual(normalisedKeys(english, bases));
    });

    it("has exactly its language's plural forms", () => {
      const forms = new Map<string, string[]>([...bases].map((base) => [base, []]));
      for (const [path] of leaves(load(language, ns))) {
        const p = plural(path, bases);
        if (p) forms.get(p.base)?.push(p.category);
      }
      for (const [base, found] of forms) expect(found.sort(), base).toEqual(categories);
    });

    it('has arrays the same length as English', () => {
      expect(arrays(load(language, ns))).toEqual(arrays(english));
    });

    it("keeps English's placeholders and adds none", () => {
      const expected = englishPlaceholders(english, bases);
      for (const [path, value] of leaves(load(language, ns))) {
        const key = plural(path, bases)?.base ?? path;
        expect(placeholders(value), path).toEqual(expected.get(key) ?? []);
      }
    });

    it('has only non-empty strings', () => {
      for (const [path, value] of leaves(load(language, ns))) {
        expect(value, path).toBeTypeOf('string');
        expect(String(value).trim(), path).not.toBe('');
      }
    });
  });

  it('says nothing in the calculator that a calculator would not', () => {
    const words = [...(GIVEAWAYS.en ?? []), ...(GIVEAWAYS[language] ?? [])];
    for (const [path, value] of leaves(load(language, 'calculator'))) {
      const text = String(value).toLocaleLowerCase(language);
      for (const word of words) expect(text, `calculator.${path} contains “${word}”`).not.toContain(word.toLocaleLowerCase(language));
    }
  });
});
