// The evidence pack, end to end: entries and a photo carrying GPS, the review (the photo and the entry
// with a postcode flagged; the photo sent as a copy without metadata), the zip caught as a download
// and taken apart here (every file's hash, no GPS in the copy, chronology.html opened in the
// browser), then the verifier — the command line and the app's "Check a pack" screen — on the pack
// and on altered copies of it.
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { inspectMetadata } from '../../src/features/export/metadata';
import { jpegWithGps } from '../fixtures/media';
import { newEntry, openFresh, setUp } from './support';

const work = mkdtempSync(join(tmpdir(), 'pack-'));
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

interface Manifest {
  files: { path: string; role: string; sha256: string; size: number; original?: { sha256: string; size: number }; removed?: string[] }[];
  chain: { seq: number; opening: { payload: { content?: { what: string } } } | null }[];
  entries: { id: string; events: number[] }[];
  head: { seq: number; hash: string };
}

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${screen}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** Runs the command-line verifier; returns its exit code and output. */
function verifyCli(path: string): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync('node', ['bin/waymark-verify.mjs', path], { encoding: 'utf8' }) };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

function write(name: string, files: Record<string, Uint8Array>): string {
  const path = join(work, name);
  writeFileSync(path, zipSync(files));
  return path;
}

async function addEntryFromLog(page: Page, what: string): Promise<void> {
  await page.getByRole('button', { name: 'Your log' }).click();
  await page.getByRole('button', { name: 'New entry' }).click();
  await page.getByLabel('What happened', { exact: true }).fill(what);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Entry', level: 1 })).toBeVisible();
}

test('an evidence pack: reviewed, exported, taken apart, and verified intact; altered copies fail by name', async ({ page }) => {
  test.setTimeout(120_000);
  const photo = jpegWithGps();
  const photoPath = join(work, 'IMG_2041.jpg');
  writeFileSync(photoPath, photo);

  await openFresh(page);
  await setUp(page);
  await newEntry(page, 'He came to the door at 9pm and shouted.');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Add from photos' }).click()]);
  await chooser.setFiles(photoPath);
  await expect(page.getByText('Added IMG_2041.jpg. The copy here is exact and locked.')).toBeVisible();
  await addEntryFromLog(page, 'He waited in his car outside 14 Rose Street, Cardiff CF10 1AA.');
  await addEntryFromLog(page, 'Eleven texts after midnight.');

  await page.getByRole('button', { name: 'Your log' }).click();
  await page.getByRole('button', { name: 'Home' }).click();
  await page.getByRole('button', { name: /^Export and backup/ }).click();
  await page.getByRole('button', { name: /^Evidence pack/ }).click();
  await expect(page.getByRole('heading', { name: 'Evidence pack', level: 1 })).toBeVisible();
  await expect(page.getByText('The pack is NOT encrypted.', { exact: false })).toBeVisible();
  await expect(page.getByText('It may be shown to the person it concerns.', { exact: false })).toBeVisible();
  await expectNoViolations(page, 'pack/choose');

  await page.getByRole('button', { name: 'Check what goes in' }).click();
  await expect(page.getByRole('heading', { name: 'Check what goes in', level: 2 })).toBeVisible();
  // The photo is flagged for its GPS; the copy without metadata is chosen by default.
  const photoChoice = page.getByRole('group', { name: /IMG_2041\.jpg: .*location/ });
  await expect(photoChoice).toBeVisible();
  await expect(photoChoice.getByRole('radio', { name: 'Send a copy without these details' })).toBeChecked();
  // The entry with a postcode is flagged, and goes in.
  const entryChoice = page.getByRole('group', { name: /CF10 1AA/ });
  await expect(entryChoice.getByRole('radio', { name: 'Include this entry' })).toBeChecked();
  await expectNoViolations(page, 'pack/review');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save file' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^document-\d{8}\.zip$/);
  const packPath = join(work, 'pack.zip');
  await download.saveAs(packPath);
  await expect(page.getByText(/Saved as document-\d{8}\.zip/)).toBeVisible();

  // Take it apart: every file listed, every hash right, nothing unlisted.
  const files = unzipSync(readFileSync(packPath));
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Manifest;
  expect(Object.keys(files).sort()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());
  for (const file of manifest.files) {
    expect(sha256(files[file.path] as Uint8Array), file.path).toBe(file.sha256);
    expect(files[file.path]?.length).toBe(file.size);
  }
  expect(manifest.entries).toHaveLength(3);
  // The photo went as a copy, tied to the original's hash, and the copy has no GPS.
  const copy = manifest.files.find((f) => f.role === 'copy');
  expect(copy?.original?.sha256).toBe(sha256(photo));
  expect(copy?.removed).toContain('location');
  const copyBytes = files[copy?.path ?? ''] as Uint8Array;
  expect(sha256(copyBytes)).not.toBe(sha256(photo));
  const report = await inspectMetadata({ size: copyBytes.length, read: async (offset: number, length: number) => copyBytes.subarray(offset, offset + length) }, 'image/jpeg');
  expect(report.findings).not.toContain('location');

  // chronology.html opens on its own and shows the entries.
  const chronology = await page.context().newPage();
  await chronology.setContent(new TextDecoder().decode(files['chronology.html']));
  await expect(chronology.getByRole('heading', { name: 'Chronology of incidents' })).toBeVisible();
  await expect(chronology.getByText('This pack may be shown to the person it concerns.')).toBeVisible();
  await expect(chronology.getByText('He came to the door at 9pm and shouted.')).toBeVisible();
  await expect(chronology.getByText(sha256(photo))).toBeVisible();
  await expect(chronology.getByRole('img', { name: /IMG_2041\.jpg/ })).toBeVisible();
  await expect(chronology.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
  await chronology.close();

  // The command-line verifier: intact, then each altered copy fails, by name.
  const intact = verifyCli(packPath);
  expect(intact.out).toContain('Internally consistent: every file and log event matches the manifest and the chain.');
  // The photo went as a copy: the chain commits only to the original, so the copy is reported as unchecked.
  expect(intact.out).toContain('Copies not checkable against the log: 1.');
  expect(intact.code).toBe(0);

  const flippedCopy = copyBytes.slice();
  flippedCopy[20] = (flippedCopy[20] as number) ^ 0x04;
  const flipped = { ...files, [copy?.path ?? '']: flippedCopy };
  const flippedPath = write('flipped.zip', flipped);
  const alteredManifest = (change: (m: Manifest) => void) => {
    const m = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Manifest;
    change(m);
    return { ...files, 'manifest.json': new TextEncoder().encode(JSON.stringify(m)) };
  };
  const changedText = alteredManifest((m) => {
    const link = m.chain.find((l) => l.opening?.payload.content?.what.startsWith('Eleven texts'));
    if (link?.opening?.payload.content) link.opening.payload.content.what = 'Two texts after midnight.';
  });
  const { [copy?.path ?? '']: _removed, ...withoutCopy } = files;
  const reordered = alteredManifest((m) => void m.chain.reverse());
  const cases: [string, Record<string, Uint8Array>, RegExp][] = [
    ['flipped.zip', flipped, new RegExp(`File changed: "${copy?.path}"`)],
    ['changed-text.zip', changedText, /Chain event \d+ \(position \d+, entry [\w-]+\): its content was changed/],
    ['removed.zip', withoutCopy, new RegExp(`File removed: "${copy?.path}"`)],
    ['reordered.zip', reordered, /Chain position 1 holds event \d+/],
  ];
  for (const [name, altered, problem] of cases) {
    const result = verifyCli(name === 'flipped.zip' ? flippedPath : write(name, altered));
    expect(result.out, name).toContain('NOT INTACT');
    expect(result.out, name).toMatch(problem);
    expect(result.code, name).toBe(1);
  }

  // The app's own "Check a pack": the intact pack, then the one with a changed entry.
  await page.getByRole('button', { name: 'Export and backup' }).click();
  await page.getByRole('button', { name: /^Check a pack/ }).click();
  await expect(page.getByRole('heading', { name: 'Check a pack', level: 1 })).toBeVisible();
  await expectNoViolations(page, 'verify');
  await page.getByLabel('Evidence pack file').setInputFiles(packPath);
  await expect(page.getByText('Internally consistent: every file and log event matches the manifest and the chain.')).toBeVisible();
  await page.getByLabel('Evidence pack file').setInputFiles(join(work, 'changed-text.zip'));
  await expect(page.getByText('Not intact. What is wrong:')).toBeVisible();
  await expect(page.getByText(/Log event \d+ \(position \d+\): its content was changed\./)).toBeVisible();
  await expectNoViolations(page, 'verify/result');
});
