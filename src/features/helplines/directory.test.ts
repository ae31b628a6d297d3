// The directory's data files: each must parse, and a mistake must be reported by file and field so
// whoever edits the data can find it. Also: every service and fact the screen shows has words in
// every language, every need offered finds someone, and every region has its emergency number.
import { describe, expect, it } from 'vitest';
import { REGIONS } from '../settings';
import { DIRECTORY_FILES, checkDirectoryFile, emergencyFor, servicesFor } from './directory';
import { ACCESS_KINDS, CHANNEL_LABELS, CHANNEL_NOTES, DirectoryFile, NEEDS, type Service } from './schema';
import { zoneKey } from './text';

type Tree = { [key: string]: Tree | string };
const LOCALES = import.meta.glob<Tree>('../../../locales/*/helplines.json', { eager: true, import: 'default' });
const LANGUAGES = Object.keys(LOCALES).map((path) => path.split('/').at(-2) ?? '');
const locale = (language: string) => LOCALES[`../../../locales/${language}/helplines.json`] as Tree;

/** The string at a key like "helplines:services.uk_ndah.name", or undefined. */
function lookup(tree: Tree, key: string): string | undefined {
  let node: Tree | string | undefined = tree;
  for (const part of key.replace(/^helplines:/, '').split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' && node.trim() ? node : undefined;
}

const files = Object.entries(DIRECTORY_FILES);
const parsed = files.map(([name, data]) => [name, DirectoryFile.parse(data)] as const);
const services: Service[] = parsed.flatMap(([, file]) => file.services);
const emergencies = parsed.flatMap(([, file]) => file.emergency);

describe('data files', () => {
  it('are all found (one per UK nation, the shared UK file, and Ireland, the US and Australia)', () => {
    expect(files.map(([name]) => name).sort()).toEqual(['au.json', 'gb-eng.json', 'gb-nir.json', 'gb-sct.json', 'gb-wls.json', 'ie.json', 'uk.json', 'us.json']);
  });

  it.each(files)('%s matches the schema', (name, data) => {
    expect(checkDirectoryFile(name, data)).toEqual([]);
  });

  it('names the file and the field of a mistake', () => {
    const broken = {
      services: [
        {
          id: 'uk_broken',
          regions: ['GB-ENG'],
          needs: ['women', 'martians'],
          channels: [{ type: 'phone', value: '0808 2000 247', display: '0808 2000 247', status: 'V' }],
          hours: { tz: 'Europe/Londres', status: 'V', always: true },
          sources: ['https://example.org/'],
          lastChecked: '2026-11-22',
          checkedAgainst: 'domain-reference',
        },
      ],
    };
    const problems = checkDirectoryFile('broken.json', broken);
    expect(problems.some((p) => p.startsWith('broken.json: services.0.channels.0.value: '))).toBe(true);
    expect(problems.some((p) => p.startsWith('broken.json: services.0.needs.1: '))).toBe(true);
    expect(problems.some((p) => p.startsWith('broken.json: services.0.hours'))).toBe(true);
    expect(checkDirectoryFile('empty.json', 'not a file')).toEqual(['empty.json: (file): Invalid input: expected object, received string']);
  });

  it('keeps each nation file to services of its own region', () => {
    const own: Record<string, string> = { 'gb-eng.json': 'GB-ENG', 'gb-wls.json': 'GB-WLS', 'gb-sct.json': 'GB-SCT', 'gb-nir.json': 'GB-NIR', 'ie.json': 'IE', 'us.json': 'US', 'au.json': 'AU' };
    for (const [name, file] of parsed) {
      const region = own[name];
      if (!region) continue;
      for (const [i, s] of file.services.entries()) expect(s.regions, `${name}: services.${i}.regions`).toEqual([region]);
    }
  });

  it('gives every service a different id', () => {
    const ids = services.map((s) => s.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('says where every fact was checked, and that it was not checked against the live web', () => {
    for (const record of [...services, ...emergencies]) {
      expect(record.checkedAgainst).toBe('domain-reference');
      expect(record.lastChecked).toBe('2026-11-22');
    }
  });

  it('lists no service for people causing harm (Respect Phoneline is not a victim service)', () => {
    const numbers = services.flatMap((s) => s.channels.flatMap((c) => ('value' in c ? [c.value] : [])));
    expect(numbers).not.toContain('08088024040');
  });

  it('drops nothing when the app reads it', () => {
    const shown = new Set(REGIONS.flatMap((r) => servicesFor(r).map((s) => s.id)));
    expect([...shown].sort()).toEqual(services.map((s) => s.id).sort());
  });
});

describe('emergency numbers', () => {
  it('exist for every region but "somewhere else", once each', () => {
    for (const region of REGIONS) {
      const blocks = emergencies.filter((e) => e.regions.includes(region as never));
      expect(blocks.length, region).toBe(region === 'OTHER' ? 0 : 1);
      expect(emergencyFor(region) !== null, region).toBe(region !== 'OTHER');
    }
  });

  it('are 999, confirmed and tappable, with the Silent Solution, in every UK nation', () => {
    for (const region of ['GB-ENG', 'GB-WLS', 'GB-SCT', 'GB-NIR'] as const) {
      const e = emergencyFor(region);
      expect(e?.call).toMatchObject({ value: '999', status: 'V' });
      expect(e?.silent).toBe('uk_silent_solution');
    }
    expect(emergencyFor('US')?.call.value).toBe('911');
    expect(emergencyFor('AU')?.call.value).toBe('000');
    expect(emergencyFor('IE')?.call.value).toBe('112');
  });
});

describe('needs', () => {
  it('each find at least one service in every UK nation', () => {
    for (const region of ['GB-ENG', 'GB-WLS', 'GB-SCT', 'GB-NIR'] as const) {
      const here = servicesFor(region);
      for (const need of NEEDS) expect(here.some((s) => s.needs.includes(need)), `${region}: ${need}`).toBe(true);
    }
  });
});

describe.each(LANGUAGES)('locales/%s/helplines.json', (language) => {
  const tree = locale(language);
  const missing = (keys: string[]) => keys.filter((key) => !lookup(tree, key));

  it("has every service's name, who it is for and description", () => {
    expect(missing(services.flatMap((s) => (['name', 'who', 'about'] as const).map((f) => `services.${s.id}.${f}`)))).toEqual([]);
  });

  it('has no words for services that are not in the directory', () => {
    expect(Object.keys(tree.services as Tree).filter((id) => !services.some((s) => s.id === id))).toEqual([]);
  });

  it('has every need, channel label, note, access fact and time zone the data can use', () => {
    const zones = [...services, ...emergencies].flatMap((r) => [
      ...('hours' in r && r.hours ? [r.hours.tz] : []),
      ...[...('call' in r ? [r.call] : []), ...r.channels].flatMap((c) => (c.hours ? [c.hours.tz] : [])),
    ]);
    expect(
      missing([
        ...['all', 'mine', ...NEEDS].map((n) => `filter.options.${n}`),
        ...CHANNEL_LABELS.map((l) => `labels.${l}`),
        ...CHANNEL_NOTES.map((n) => `notes.${n}`),
        ...ACCESS_KINDS.map((a) => `access.${a}`),
        ...emergencies.flatMap((e) => (e.silent ? [`emergency.silent.${e.silent}`] : [])),
        ...zones.map((tz) => zoneKey(tz)),
      ]),
    ).toEqual([]);
  });
});
