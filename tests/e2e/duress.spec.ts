// The second (duress) PIN, erasing everything, and erasing after wrong PINs (DESIGN §2 A2, §4 Wipe).
// The wipe test closes the browser and searches the profile directory for the old key slots' bytes,
// with a positive control first: the same search, on the same profile before the wipe, finds them.
import { type BrowserContext, type Page, chromium, expect, test } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { PIN, SETUP_SEQUENCE, expectCalculator, expectHome, failureCount, lock, newEntry, openFresh, press, readKeyFileBytes, setUp, storageInventory, submitNote, unlockWithPin, unlockedTab, writeKeyFileBytes } from './support';

const DURESS_PIN = '135790';
const HEADER_BYTES = 64;
const SLOT_BYTES = 60;
const SLOT_COUNT = 8;

async function openSettings(page: Page, section: RegExp): Promise<void> {
  await page.getByRole('button', { name: /^Settings/ }).click();
  await page.getByRole('button', { name: section }).click();
}

async function backHome(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('button', { name: 'Home', exact: true }).click();
  await expectHome(page);
}

async function openLog(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Your log/ }).click();
  await expect(page.getByRole('heading', { name: 'Your log', level: 1 })).toBeVisible();
}

/** Set-up starts from the set-up sequence, exactly as on a phone never set up. */
async function expectSetupOffered(page: Page): Promise<void> {
  await press(page, `C${SETUP_SEQUENCE}=`);
  await expect(page.getByRole('heading', { name: 'Set up your private space' })).toBeVisible();
}

test('the second PIN opens an empty app of its own; the real PIN still opens hers', async ({ page }) => {
  await openFresh(page);
  await setUp(page);
  await newEntry(page, 'He came to the house at 9');
  await page.getByRole('button', { name: 'Your log' }).click();
  await page.getByRole('button', { name: 'Home', exact: true }).click();

  await openSettings(page, /^Second PIN/);
  await page.getByLabel('Your current PIN', { exact: true }).fill(PIN);
  // The real PIN itself is refused as the second PIN, and nothing changes.
  await page.getByLabel('New PIN', { exact: true }).fill(PIN);
  await page.getByLabel('Type the PIN again', { exact: true }).fill(PIN);
  await page.getByRole('button', { name: 'Set second PIN' }).click();
  await expect(page.getByRole('alert')).toHaveText('Choose one that is different from your PIN or passphrase.');
  await page.getByLabel('New PIN', { exact: true }).fill(DURESS_PIN);
  await page.getByLabel('Type the PIN again', { exact: true }).fill(DURESS_PIN);
  await page.getByRole('button', { name: 'Set second PIN' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your second PIN is set.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove the second PIN' })).toBeVisible();
  await backHome(page);
  await lock(page);

  // A wrong PIN counts; the second PIN is a success and clears the count like the real one.
  await press(page, 'C999999=');
  await expect.poll(() => failureCount(page)).toBe(1);
  await unlockWithPin(page, DURESS_PIN);
  expect(await failureCount(page)).toBe(0);
  await openLog(page);
  await expect(page.getByText('Nothing recorded yet.')).toBeVisible();
  await expect(page.getByText('He came to the house at 9')).toHaveCount(0);
  // Inside, the same settings screen, with no second PIN set: nothing says which app this is.
  await page.getByRole('button', { name: 'Home', exact: true }).click();
  await openSettings(page, /^Second PIN/);
  await expect(page.getByRole('button', { name: 'Set second PIN' })).toBeVisible();
  await backHome(page);
  await lock(page);

  await unlockWithPin(page);
  await openLog(page);
  await expect(page.getByText('He came to the house at 9')).toBeVisible();
});

async function persistentContext(dir: string, baseURL: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath() ?? undefined,
    args: chromiumArgs,
    baseURL,
    serviceWorkers: 'allow',
    viewport: { width: 400, height: 800 },
  });
}

/** Files under `dir` that hold any of `needles`, byte for byte. */
function filesHolding(dir: string, needles: Buffer[]): string[] {
  const hits: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      let stat;
      try {
        stat = statSync(path);
      } catch {
        continue;
      }
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile() && needles.some((needle) => readFileSync(path).includes(needle))) hits.push(path.slice(dir.length));
    }
  };
  walk(dir);
  return hits;
}

test('erasing all data leaves a calculator never set up, and no old key slot anywhere in the closed profile', async ({}, testInfo) => {
  test.setTimeout(90_000);
  const baseURL = String(testInfo.project.use.baseURL);
  const dir = mkdtempSync(join(tmpdir(), 'profile-'));
  try {
    let context = await persistentContext(dir, baseURL);
    let page = context.pages()[0] ?? (await context.newPage());
    await openFresh(page);
    await setUp(page);
    const keyFile = await readKeyFileBytes(page);
    expect(keyFile).not.toBeNull();
    const slots = Array.from({ length: SLOT_COUNT }, (_, i) => Buffer.from((keyFile ?? []).slice(HEADER_BYTES + i * SLOT_BYTES, HEADER_BYTES + (i + 1) * SLOT_BYTES)));
    await context.close();
    // Positive control: the search finds the slots while the key file is there.
    expect(filesHolding(dir, slots).length).toBeGreaterThan(0);

    context = await persistentContext(dir, baseURL);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await unlockWithPin(page);
    // Another tab, open and unlocked: the erase locks it too.
    const other = await unlockedTab(context);
    await page.bringToFront();
    await openSettings(page, /^Erase all data/);
    await page.getByRole('button', { name: 'Erase everything' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase all data in this app?' });
    await expect(dialog).toBeVisible();
    // Anything but the word changes nothing.
    await dialog.getByLabel('To confirm, type erase').fill('yes');
    await dialog.getByRole('button', { name: 'Erase', exact: true }).click();
    await expect(dialog.getByText('Type erase to confirm. Nothing has been erased.')).toBeVisible();
    await dialog.getByLabel('To confirm, type erase').fill('Erase');
    await dialog.getByRole('button', { name: 'Erase', exact: true }).click();
    await expectCalculator(page);
    await expectCalculator(other);
    await expect.poll(() => storageInventory(page)).toEqual({ databases: [], files: [] });
    await expectSetupOffered(page);
    await context.close();

    expect(filesHolding(dir, slots)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('erasing after wrong tries: offered only once a backup exists; ordinary notes never erase; at the threshold a wrong PIN erases everything', async ({ page }) => {
  await openFresh(page);
  await setUp(page);
  await openSettings(page, /^Erase all data/);
  await expect(page.getByText('Once you have made a backup, you can also choose to erase everything after a number of wrong tries.')).toBeVisible();
  await expect(page.getByRole('radio')).toHaveCount(0);
  await backHome(page);
  await lock(page);

  // A backup made (the download is all it takes), the choice appears; 10 is the fewest offered.
  await unlockWithPin(page);
  await page.getByRole('button', { name: /^Export and backup/ }).click();
  await page.getByRole('button', { name: /^Back up/ }).click();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Make a backup' }).click()]);
  await expect(page.getByText(/^Last backed up: /)).toBeVisible();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('button', { name: 'Home', exact: true }).click();
  await openSettings(page, /^Erase all data/);
  await expect(page.getByText(/anyone who knows about it can erase everything/)).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Never (off)' })).toBeChecked();
  await expect(page.getByRole('radio', { name: /After \d wrong tries/ })).toHaveCount(0);
  await page.getByRole('radio', { name: 'After 10 wrong tries in a row' }).check();
  await expect.poll(async () => (await readKeyFileBytes(page))?.slice(48, 50)).toEqual([10, 0]);
  await backHome(page);
  await lock(page);

  // Test-only: the last failure's time is zeroed before each try so the silent back-off (tested in
  // unlock.spec) does not make this test wait minutes; the count itself is untouched.
  const skipBackOff = () => writeKeyFileBytes(page, 40, [0, 0, 0, 0, 0, 0, 0, 0]);
  // Ordinary notes long enough to be tried as a passphrase count as failures, but never erase.
  for (let i = 0; i < 10; i++) {
    await skipBackOff();
    await submitNote(page, `milk eggs bread ${i}`);
    await expect.poll(() => failureCount(page)).toBe(i + 1);
  }
  await expect.poll(() => failureCount(page)).toBe(10);
  expect((await storageInventory(page)).files).toContain('calc.dat');
  await skipBackOff();
  await press(page, 'C111110=');
  await expect.poll(() => storageInventory(page)).toEqual({ databases: [], files: [] });
  await expectCalculator(page);
  await expectSetupOffered(page);
});
