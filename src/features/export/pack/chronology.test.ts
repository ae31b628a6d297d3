import { describe, expect, it } from 'vitest';
import { type ChronologyModel, escapeHtml, renderChronology } from './chronology';
import { matchesSelection } from './selection';

const text = { t: (key: string, vars: Record<string, string | number> = {}) => `${key}${Object.keys(vars).length ? JSON.stringify(vars) : ''}`, dateTime: (m: string) => m, date: (d: string) => d, size: (n: number) => `${n} B` };

const model = (what: string): ChronologyModel => ({
  lang: 'en',
  dir: 'ltr',
  exportedAt: '2026-11-22T10:00:00+00:00',
  appVersion: '0.1.0',
  head: { seq: 3, hash: 'a'.repeat(64) },
  histories: false,
  eventsTotal: 3,
  eventsOpened: 2,
  entries: [
    {
      id: 'e1',
      at: '2026-11-20T21:00:00+00:00',
      until: null,
      approximate: false,
      kinds: ['Came to my home'],
      conditions: ['Restraining order – Not to contact me'],
      versions: [{ rev: 2, savedAt: '2026-11-20T22:00:00+00:00', reason: '', what, where: '', witnesses: '', injuries: '', weapon: false, impact: '', police: { told: null, on: null, reference: '', officer: '' } }],
      olderNotShown: 1,
      redactedAt: null,
      files: [{ name: '<img src=x onerror=alert(1)>.jpg', size: 10, source: 'picker', sha256: 'b'.repeat(64), path: 'files/0001.jpg', copy: null, thumbnail: null, video: false }],
      events: [2, 3],
    },
  ],
});

describe('chronology.html', () => {
  it('escapes her text and file names, and has no external requests', () => {
    const html = renderChronology(model('He said "<script>alert(1)</script>" & left'), text);
    expect(html).toContain('He said &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; left');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.jpg');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('counter(pages)');
    expect(html).toContain('chronology.disclosure');
  });

  it('lists a left-out file by name only, with no fingerprint and no path in the pack', () => {
    const m = model('x');
    m.entries[0]!.files = [{ name: 'IMG_0007.HEIC', size: 10, source: 'picker', sha256: 'c'.repeat(64), path: '', leftOut: true, copy: null, thumbnail: null, video: false }];
    const html = renderChronology(m, text);
    expect(html).toContain('IMG_0007.HEIC');
    expect(html).toContain('chronology.leftOut');
    expect(html).not.toContain('c'.repeat(64));
    expect(html).not.toContain('chronology.inPack');
  });

  it('escapes every character that matters in HTML', () => {
    expect(escapeHtml(`<a href='x'>&"`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&quot;');
  });
});

describe('matchesSelection', () => {
  const entry = { at: '2026-11-20T21:00:00+00:00', kinds: ['at_home'], conditions: [{ orderId: 'o1', conditionId: 'c1' }] } as unknown as Parameters<typeof matchesSelection>[0];
  it('selects by date range, kind and order', () => {
    const all = { from: null, to: null, kinds: [], orders: [] };
    expect(matchesSelection(entry, all)).toBe(true);
    expect(matchesSelection(entry, { ...all, from: '2026-11-20', to: '2026-11-20' })).toBe(true);
    expect(matchesSelection(entry, { ...all, from: '2026-11-21' })).toBe(false);
    expect(matchesSelection(entry, { ...all, kinds: ['text'] })).toBe(false);
    expect(matchesSelection(entry, { ...all, kinds: ['text', 'at_home'] })).toBe(true);
    expect(matchesSelection(entry, { ...all, orders: ['o2'] })).toBe(false);
    expect(matchesSelection(entry, { ...all, orders: ['o1'] })).toBe(true);
  });
});
