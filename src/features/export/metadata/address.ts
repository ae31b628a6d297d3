// Address-like passages in what she writes, so she can choose to leave an entry out of a pack that
// may be read by the other side's lawyer. Four shapes, in English, Welsh and Polish:
//   postcodes       "LS1 4AB", "cf10 1aa" (UK); "00-950" (Poland)
//   street numbers  "12 Acacia Road", "3a St Mary's Close"; Welsh "5 Heol y Bont", "2 Stryd Fawr"
//   Polish streets  "ul. Długa 5/3", "ulica Marszałkowska 12", "al. Jerozolimskie 10"
//   flats           "Flat 3", "Apartment 4B", Welsh "Fflat 2", Polish "m. 4" after a street
// A false alarm costs her one look; a miss can cost her her safety, so the patterns lean towards
// matching. They stay clear of what entries are full of: dates, times, durations, phone numbers.
// Adjacent matches ("Flat 3, 12 Acacia Road") are joined into one span.

export interface AddressMatch {
  start: number;
  end: number;
  kind: 'postcode' | 'street';
}

/** Longer text is scanned only this far: entries are short, and regexes should stay cheap. */
const MAX_TEXT = 100_000;

const L = '\\p{L}';
const BEFORE = `(?<![${L}\\p{N}])`;
const AFTER = `(?![${L}\\p{N}])`;

const UK_POSTCODE = new RegExp(`${BEFORE}(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]? ?\\d[ABD-HJLNP-UW-Z]{2})${AFTER}`, 'giu');
// A Polish postcode is always followed by the town ("00-950 Warszawa"); that keeps "10-100 times" out.
const PL_POSTCODE = /(?<![\p{N}\-/.:])\d{2}-\d{3}(?=\s+\p{Lu})/gu;

/** Street types that are rarely anything else, matched in any case ("12 acacia road"). */
const PLAIN_TYPES = 'road|rd|street|avenue|ave|lane|crescent|cres|terrace|gardens|gdns|grove|mews|boulevard|parade|square|sq';
/** Street types that are also ordinary words ("2 dark green"): only as capitalised names ("4 Meadow View"). */
const TITLE_TYPES =
  'Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Court|Ct|Place|Pl|Gardens|Grove|Terrace|Square|Hill|Park|Row|Mews|Walk|Rise|Green|Parade|Approach|Vale|Gate|Heights|Croft|View|Wharf|Meadow|Meadows|Fields|Drove|Chase';
/** Words that sit between a number and "road" in ordinary sentences ("3 miles down the road"). */
const NOT_NAMES = [
  'the', 'a', 'an', 'of', 'to', 'up', 'down', 'on', 'in', 'at', 'by', 'from', 'into', 'onto', 'across', 'along', 'off',
  'my', 'his', 'her', 'their', 'our', 'your', 'this', 'that', 'and', 'or', 'then', 'times', 'time', 'miles', 'mile',
  'minutes', 'mins', 'min', 'hours', 'hrs', 'days', 'weeks', 'months', 'years', 'yards', 'metres', 'meters', 'km', 'doors',
  'houses', 'cars', 'steps', 'people', 'kids', 'children', 'am', 'pm', 'more', 'other', 'were', 'was', 'is', 'are',
].join('|');
/** After "flat 3": a measure, not a flat ("a flat 3 miles away"). */
const UNITS = 'miles?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|times|yards|metres|meters|km|%';
const NUMBER = `\\d{1,4}[a-z]?(?:\\s?[-–/]\\s?\\d{1,4}[a-z]?)?`;
const NAME_WORD = `(?!(?:${NOT_NAMES})${AFTER})[${L}][${L}'’.-]*`;
const TITLE_WORD = `\\p{Lu}[${L}'’.-]*`;

const STREET = new RegExp(`${BEFORE}${NUMBER},?\\s+(?:${NAME_WORD}\\s+){1,3}(?:${PLAIN_TYPES})${AFTER}`, 'giu');
const TITLE_STREET = new RegExp(`${BEFORE}${NUMBER},?\\s+(?:${TITLE_WORD}\\s+){1,3}(?:${TITLE_TYPES})${AFTER}`, 'gu');

const WELSH = 'heol|stryd|ffordd|lôn|lon|rhodfa|cilgant|teras|maes|clos';
const WELSH_STREET = new RegExp(`${BEFORE}${NUMBER},?\\s+(?:${WELSH})(?:\\s+(?:y|yr|'r|${NAME_WORD})){1,3}${AFTER}`, 'giu');

const POLISH_PREFIX = '(?:[Uu]l\\.?|[Uu]lic[ay]|[Aa]l\\.|[Aa]lej[ai]|[Pp]l\\.|[Pp]lac[u]?|[Oo]s\\.|[Oo]siedl[eu])';
const POLISH_STREET = new RegExp(
  `${BEFORE}${POLISH_PREFIX}\\s*(?:\\d{1,2}\\s+)?${TITLE_WORD}(?:\\s+${TITLE_WORD}){0,3}(?:\\s+${NUMBER}(?:\\s*(?:m\\.|lok\\.|/)\\s*\\d{1,4})?)?${AFTER}`,
  'gu',
);

const FLAT = new RegExp(
  `${BEFORE}(?:flat|apartment|apt\\.?|fflat|mieszkanie|lokal)\\s+(?:no\\.?\\s*)?\\d{1,4}[a-z]?${AFTER}(?!\\s*(?:${UNITS})${AFTER})`,
  'giu',
);

const PATTERNS: ReadonlyArray<[RegExp, AddressMatch['kind']]> = [
  [UK_POSTCODE, 'postcode'],
  [PL_POSTCODE, 'postcode'],
  [STREET, 'street'],
  [TITLE_STREET, 'street'],
  [WELSH_STREET, 'street'],
  [POLISH_STREET, 'street'],
  [FLAT, 'street'],
];

/** Overlapping matches become one; streets separated only by a comma ("Flat 3, 12 Acacia Road") too. */
function merge(text: string, matches: AddressMatch[]): AddressMatch[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: AddressMatch[] = [];
  for (const m of matches) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      last.end = Math.max(last.end, m.end);
      if (m.kind === 'street') last.kind = 'street';
    } else if (last && last.kind === 'street' && m.kind === 'street' && /^[\s,]{0,3}$/.test(text.slice(last.end, m.start))) {
      last.end = m.end;
    } else out.push({ ...m });
  }
  return out;
}

/**
 * Address-like spans in free text: UK postcodes, "12 Acacia Road"-style street addresses (and the
 * Welsh/Polish equivalents: "Heol", "Stryd", "ul.", "ulica"), flats ("Flat 3"). Never throws.
 */
export function findAddressLike(text: string): AddressMatch[] {
  try {
    if (typeof text !== 'string' || !text) return [];
    const scanned = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
    const found: AddressMatch[] = [];
    for (const [pattern, kind] of PATTERNS) {
      for (const m of scanned.matchAll(pattern)) found.push({ start: m.index, end: m.index + m[0].length, kind });
    }
    return merge(scanned, found);
  } catch {
    return [];
  }
}
