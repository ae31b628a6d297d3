// The evidence log against real IndexedDB and WebCrypto in Chromium.
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { freshVaultEachTest } from '../../platform/store/testing';
import { blankContent } from './content';
import { createEntry, entryHistory, isRevision, redactEntry, reviseEntry } from './entries';
import { loadIndex } from './logStore';
import { links } from './repository';
import type { EntryContent } from './schema';
import { checkLog } from './verify';

function content(what: string, extra: Partial<EntryContent> = {}): EntryContent {
  return blankContent('2026-01-04T21:15:00+00:00', { kinds: ['text'], what, ...extra });
}

async function tamper(id: string) {
  const db = await openDB('calc');
  const record = await db.get('r', id);
  record.c[record.c.length - 2] ^= 1;
  await db.put('r', record);
  db.close();
}

async function remove(id: string) {
  const db = await openDB('calc');
  await db.delete('r', id);
  db.close();
}

freshVaultEachTest();

describe('evidence log', () => {
  it('saves entries into the index and a chain that verifies', async () => {
    await createEntry(content('He texted me 14 times'));
    await createEntry(content('At the door', { kinds: ['at_home'] }));
    const index = await loadIndex();
    expect(index.map((e) => e.snippet)).toEqual(['He texted me 14 times', 'At the door']);
    expect(index[0]?.words).toContain('texted');
    const report = await checkLog();
    expect(report).toMatchObject({ ok: true, length: 2, redacted: 0, problems: [], damagedRecords: 0, truncated: false });
  });

  it('refuses an empty entry and an end before the start, and saves nothing', async () => {
    await expect(createEntry(content('', { kinds: [] }))).rejects.toMatchObject({ code: 'empty' });
    await expect(createEntry(content('x', { until: '2026-01-04T20:00:00+00:00' }))).rejects.toMatchObject({ code: 'end_before_start' });
    expect(await loadIndex()).toEqual([]);
  });

  it('keeps every revision: an edit never overwrites', async () => {
    const id = await createEntry(content('first words'));
    await reviseEntry(id, content('second words'), 'added the time');
    const [entry] = await loadIndex();
    expect(entry?.snippet).toBe('second words');
    const history = await entryHistory(entry?.revIds ?? []);
    expect(history.map((h) => ('record' in h && isRevision(h.record) ? [h.record.rev, h.record.content.what, h.record.reason] : null))).toEqual([
      [1, 'first words', ''],
      [2, 'second words', 'added the time'],
    ]);
    expect((await checkLog()).ok).toBe(true);
  });

  it('redaction destroys the content and its salt, and the chain still verifies', async () => {
    const keep = await createEntry(content('keep this'));
    const gone = await createEntry(content('names my sister'));
    await reviseEntry(gone, content('names my sister again'), '');
    await redactEntry(gone);
    const entry = (await loadIndex()).find((e) => e.id === gone);
    expect(entry?.redactedAt).not.toBeNull();
    expect(entry?.words).toBe('');
    const history = await entryHistory(entry?.revIds ?? []);
    expect(JSON.stringify(history)).not.toContain('sister');
    expect(history.every((h) => 'record' in h && !isRevision(h.record))).toBe(true);
    const report = await checkLog();
    expect(report).toMatchObject({ ok: true, length: 4, redacted: 2 });
    expect((await loadIndex()).find((e) => e.id === keep)?.snippet).toBe('keep this');
  });

  it('says exactly which item fails when a record is altered', async () => {
    await createEntry(content('one'));
    const second = await createEntry(content('two'));
    const entry = (await loadIndex()).find((e) => e.id === second);
    await tamper(entry?.revIds[0] as string);
    const report = await checkLog();
    expect(report.ok).toBe(false);
    expect(report.damagedRecords).toBe(1);
    expect(report.problems).toEqual([{ seq: 2, reason: 'missing_content' }]);
    const history = await entryHistory(entry?.revIds ?? []);
    expect(history).toEqual([{ id: entry?.revIds[0], damaged: true }]);
  });

  it('fails on a removed event, and on the last event removed', async () => {
    for (const what of ['a', 'b', 'c']) await createEntry(content(what));
    const index = await loadIndex();
    await remove(index[1]?.linkIds[0] as string);
    expect((await checkLog()).problems).toContainEqual({ seq: 3, reason: 'broken_link' });
    await remove(index[2]?.linkIds[0] as string);
    expect((await checkLog()).truncated).toBe(true);
  });

  it('fails on reordered events', async () => {
    for (const what of ['a', 'b', 'c']) await createEntry(content(what));
    const index = await loadIndex();
    const [firstId, secondId] = [index[0]?.linkIds[0] as string, index[1]?.linkIds[0] as string];
    const [first, second] = [await links.get(firstId), await links.get(secondId)];
    await links.put({ ...first!, seq: 2 }, firstId);
    await links.put({ ...second!, seq: 1 }, secondId);
    expect((await checkLog()).ok).toBe(false);
  });

  it('never forks the chain, however many appends run at once', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => createEntry(content(`entry ${i}`))));
    const report = await checkLog();
    expect(report).toMatchObject({ ok: true, length: 12 });
    expect(await loadIndex()).toHaveLength(12);
  });
});
