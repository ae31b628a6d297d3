// Nothing sensitive in plaintext, and nothing sent anywhere but here. The profile is closed before it
// is scanned (Chromium writes LevelDB logs, OPFS, Cache Storage, blob_storage and the HTTP cache as
// it goes and flushes on close), and a positive control proves the scan finds what is there.
import { type BrowserContext, chromium, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { scanForCanaries } from '../support/plaintextScan';
import { expectHome, lock, press, setUp, submitNote, syntheticHide, syntheticShow } from './support';

const ASCII_CANARY = 'CanaryQ7X2J9';
const URDU_CANARY = 'کینریخفیہ';
const PASSPHRASE = `${ASCII_CANARY} ${URDU_CANARY}`;

async function withProfile<T>(baseURL: string, work: (context: BrowserContext) => Promise<T>): Promise<{ dir: string; result: T }> {
  const dir = mkdtempSync(join(tmpdir(), 'profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath() ?? undefined,
    args: chromiumArgs,
    baseURL,
    serviceWorkers: 'allow',
    viewport: { width: 400, height: 800 },
  });
  try {
    return { dir, result: await work(context) };
  } finally {
    await context.close();
  }
}

test('a closed profile holds no canary in any encoding, and the positive control is found', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const baseURL = String(testInfo.project.use.baseURL);
  const consoleLines: string[] = [];

  const used = await withProfile(baseURL, async (context) => {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => consoleLines.push(message.text()));
    await page.goto('/');
    const words = await setUp(page, { kind: 'passphrase', secret: PASSPHRASE });
    await page.getByRole('button', { name: /^Settings/ }).click();
    await page.getByRole('button', { name: /^Quick exit/ }).click();
    await page.getByRole('radio', { name: 'A website I choose' }).check();
    await page.getByLabel('Website address').fill(`https://example.org/${ASCII_CANARY}/${URDU_CANARY}`);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Home' }).click();
    // The log: an order whose reference holds a canary, an entry that holds both, and a draft left
    // unsaved at the moment of a lock.
    await page.getByRole('button', { name: /^Orders and conditions/ }).click();
    await page.getByRole('button', { name: 'Add an order' }).click();
    await page.getByRole('checkbox', { name: 'Not to come to my home' }).check();
    await page.getByLabel('Reference number').fill(`REF-${ASCII_CANARY}`);
    await page.getByRole('button', { name: 'Save order' }).click();
    await page.getByRole('button', { name: 'Home' }).click();
    await page.getByRole('button', { name: /^Your log/ }).click();
    await page.getByRole('button', { name: 'New entry' }).click();
    await page.getByLabel('What happened', { exact: true }).fill(`He said ${ASCII_CANARY} and ${URDU_CANARY}`);
    await page.getByRole('checkbox', { name: 'Not to come to my home' }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // An attachment holding both canaries, imported through the file picker.
    const marker = join(mkdtempSync(join(tmpdir(), 'marker-')), 'note.txt');
    writeFileSync(marker, `${ASCII_CANARY} ${URDU_CANARY}\n`.repeat(20_000));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Add a file' }).click()]);
    await chooser.setFiles(marker);
    await expect(page.getByText(/^Added note\.txt/)).toBeVisible();
    rmSync(marker);
    await page.getByRole('button', { name: 'Your log' }).click();
    await page.getByLabel('Search your log').fill(ASCII_CANARY);
    await expect(page.getByText('1 entry')).toBeVisible();
    await page.getByRole('button', { name: 'New entry' }).click();
    await page.getByLabel('Where', { exact: true }).fill(`Draft ${URDU_CANARY} ${ASCII_CANARY}`);
    // Locked by a hide (quick exit would visit the custom site, whose address holds a canary on purpose).
    await syntheticHide(page);
    await syntheticShow(page);
    await submitNote(page, PASSPHRASE);
    await page.getByRole('button', { name: /^Your log/ }).click();
    await page.getByRole('button', { name: 'New entry' }).click();
    await expect(page.getByLabel('Where', { exact: true })).toHaveValue(`Draft ${URDU_CANARY} ${ASCII_CANARY}`);
    await page.getByRole('button', { name: 'Your log' }).click();
    await page.getByRole('button', { name: 'Home' }).click();
    // Her own contact, a line of her safety plan, and an IDVA assessment: each holds a canary.
    await page.getByRole('button', { name: /^Help and helplines/ }).click();
    await page.getByRole('button', { name: 'Add a contact' }).click();
    await page.getByLabel('Name', { exact: true }).fill(`Officer ${ASCII_CANARY}`);
    await page.getByLabel('Phone number', { exact: true }).fill('07700 900123');
    await page.getByLabel('Notes (optional)').fill(URDU_CANARY);
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect(page.getByText('Contact saved.')).toBeVisible();
    await page.getByRole('button', { name: 'Home', exact: true }).click();
    await page.getByRole('button', { name: /^Safety plan/ }).click();
    await page.getByRole('button', { name: 'People you trust and code words', exact: true }).click();
    await page.getByRole('textbox', { name: 'Your code words and what they mean', exact: true }).fill(`${ASCII_CANARY} means ${URDU_CANARY}`);
    await page.getByRole('button', { name: 'Home', exact: true }).click();
    await page.getByRole('button', { name: /^Danger signs/ }).click();
    await page.getByRole('button', { name: /^Risk assessment with an IDVA/ }).click();
    await page.getByLabel('Date of the assessment').fill('2026-01-05');
    await page.getByLabel('Who did it').fill(`IDVA ${ASCII_CANARY}`);
    await page.getByLabel('What came out of it').fill(URDU_CANARY);
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Assessment saved.' })).toBeVisible();
    await page.getByRole('button', { name: 'Danger signs' }).click();
    await page.getByRole('button', { name: 'Home', exact: true }).click();
    await expectHome(page);
    await lock(page);
    await submitNote(page, PASSPHRASE);
    await page.getByRole('button', { name: /^Safety plan/ }).click();
    await page.getByRole('button', { name: 'People you trust and code words', exact: true }).click();
    await expect(page.getByRole('textbox', { name: 'Your code words and what they mean', exact: true })).toHaveValue(`${ASCII_CANARY} means ${URDU_CANARY}`);
    await page.getByRole('button', { name: 'Home', exact: true }).click();
    await expectHome(page);
    await lock(page);
    await submitNote(page, PASSPHRASE);
    await expectHome(page);
    return words.join(' ');
  });

  const canaries = [ASCII_CANARY, URDU_CANARY, used.result];
  try {
    // The profile really holds the app (its cached page names itself), so an empty scan means something.
    expect(scanForCanaries(used.dir, ['<title>Calculator</title>']).length).toBeGreaterThan(0);
    expect(scanForCanaries(used.dir, canaries)).toEqual([]);
    expect(consoleLines.filter((line) => canaries.some((c) => line.includes(c)))).toEqual([]);
  } finally {
    rmSync(used.dir, { recursive: true, force: true });
  }

  // Positive control: the same canaries written in plaintext through a test-only path must be found,
  // in IndexedDB (Latin-1 for ASCII, UTF-16LE for Urdu, as Chromium stores strings), OPFS and Cache Storage.
  const control = await withProfile(baseURL, async (context) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/robots.txt');
    await page.evaluate(async (values) => {
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('control', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('s');
        open.onsuccess = () => {
          const tx = open.result.transaction('s', 'readwrite');
          values.forEach((v, i) => tx.objectStore('s').put(v, i));
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      });
      const root = await navigator.storage.getDirectory();
      const writable = await (await root.getFileHandle('control.txt', { create: true })).createWritable();
      await writable.write(new TextEncoder().encode(values.join('\n')));
      await writable.close();
      await (await caches.open('control')).put('/control', new Response(values.join('\n')));
    }, canaries);
    return null;
  });
  try {
    const found = scanForCanaries(control.dir, canaries);
    for (const canary of canaries) expect(found.some((hit) => hit.canary === canary)).toBe(true);
    expect(found.some((hit) => hit.canary === URDU_CANARY && hit.encoding === 'utf-16le')).toBe(true);
    expect(found.some((hit) => hit.canary === ASCII_CANARY && hit.encoding === 'latin-1')).toBe(true);
  } finally {
    rmSync(control.dir, { recursive: true, force: true });
  }
});

test('no request leaves for any origin but the app’s own', async ({ page, baseURL }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('/');
  await setUp(page);
  await page.getByRole('button', { name: /^Settings/ }).click();
  for (const section of ['Language', 'PIN or passphrase', 'Recovery code', 'Locking', 'Quick exit', 'Storage']) {
    await page.getByRole('button', { name: new RegExp(`^${section}`) }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
  }
  await page.getByRole('button', { name: 'Home' }).click();
  await lock(page);
  await page.reload();
  await press(page, 'C246810=');
  await expectHome(page);
  const foreign = requests.filter((url) => !url.startsWith(`${baseURL}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));
  expect(requests.length).toBeGreaterThan(5);
  expect(foreign).toEqual([]);
});
