// Backup and restore, as she would do it: a vault with entries, a file and a plan is backed up to
// one encrypted file under a neutral name holding no PIN slot; on another browser profile, set-up
// restores it with the recovery code and a new PIN, and everything is there: the entries, the file
// byte for byte, the log's checks, the plan. A truncated copy is refused by name and leaves nothing.
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translator } from '../support/locales';
import { SETUP_SEQUENCE, expectCalculator, expectHome, lock, newEntry, openFresh, press, readKeyFileBytes, setUp, storageInventory, unlockWithPin, unlockedTab } from './support';

const work = mkdtempSync(join(tmpdir(), 'backup-'));
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const en = translator('en');
const ur = translator('ur');
const NEW_PIN = '975310';
const PLAN_TEXT = 'Plan notes: spare key with my sister';

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${screen}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

function indexOf(hay: Buffer, needle: Buffer): number {
  return hay.indexOf(needle);
}

test('a backup restores on another profile with the recovery code: every entry, the file byte for byte, the log intact, the plan', async ({ page, browser }) => {
  test.setTimeout(180_000);
  // A file of one and a half segments, so the backup's body has more than one.
  const clip = randomBytes(1_500_000);
  const clipPath = join(work, 'doorbell.bin');
  writeFileSync(clipPath, clip);

  // ---- the first phone ----
  await openFresh(page);
  const words = await setUp(page);
  await newEntry(page, 'He came to the door at night');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Add a file' }).click()]);
  await chooser.setFiles(clipPath);
  await expect(page.getByText(sha256(clip))).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Your log' }).click();
  await page.getByRole('button', { name: en('common:home'), exact: true }).click();
  await newEntry(page, 'Messages all evening');
  await page.getByRole('button', { name: 'Your log' }).click();
  await page.getByRole('button', { name: en('common:home'), exact: true }).click();
  await page.getByRole('button', { name: /^Safety plan/ }).click();
  const notes = page.getByRole('button', { name: en('plan:sections.notes.title'), exact: true });
  await notes.click();
  await page.getByRole('textbox', { name: en('plan:fields.notes.label'), exact: true }).fill(PLAN_TEXT);
  await page.getByRole('button', { name: en('common:home'), exact: true }).click();
  // Locked and opened again, so what was typed is certainly stored before the backup reads it.
  await lock(page);
  await unlockWithPin(page);

  await page.getByRole('button', { name: new RegExp(`^${en('export:home.title')}`) }).click();
  await page.getByRole('button', { name: new RegExp(`^${en('export:parts.backup.title')}`) }).click();
  await expect(page.getByText(en('backup:make.never'))).toBeVisible();
  await expectNoViolations(page, 'backup');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: en('backup:make.start') }).click()]);
  const name = download.suggestedFilename();
  expect(name).toMatch(/^data-\d{8}-[0-9a-f]{6}\.bin$/);
  const backupPath = join(work, name);
  await download.saveAs(backupPath);
  await expect(page.getByText(/^Saved as data-/)).toBeVisible();
  await expect(page.getByText(/^Last backed up: /)).toBeVisible();

  // The file carries exactly one of the key file's eight slots (the recovery slot): never the PIN's.
  const backup = readFileSync(backupPath);
  const keyFile = Buffer.from((await readKeyFileBytes(page)) ?? []);
  const slots = Array.from({ length: 8 }, (_, i) => keyFile.subarray(64 + i * 60, 64 + (i + 1) * 60));
  const carried = slots.filter((slot) => indexOf(backup, slot) >= 0);
  expect(carried).toHaveLength(1);
  expect(indexOf(backup, carried[0] as Buffer)).toBe(48);
  expect(backup.includes(Buffer.from('He came to the door'))).toBe(false);

  // The first phone is wiped (as if she had to leave it behind): nothing of the vault remains there.
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('button', { name: en('common:home'), exact: true }).click();
  await page.getByRole('button', { name: /^Settings/ }).click();
  await page.getByRole('button', { name: /^Erase all data/ }).click();
  await page.getByRole('button', { name: 'Erase everything' }).click();
  await page.getByLabel('To confirm, type erase').fill('erase');
  await page.getByRole('button', { name: 'Erase', exact: true }).click();
  await expectCalculator(page);
  await expect.poll(() => storageInventory(page)).toEqual({ databases: [], files: [] });

  // ---- another phone: a fresh browser profile ----
  const other = await browser.newContext({ serviceWorkers: 'allow', viewport: { width: 400, height: 800 } });
  const phone = await other.newPage();
  await openFresh(phone);
  await press(phone, `C${SETUP_SEQUENCE}=`);
  await expect(phone.getByRole('heading', { name: en('setup:welcome.title') })).toBeVisible();

  // The restore screen in Urdu (right to left), then back to English.
  await phone.getByRole('radio', { name: 'اردو', exact: true }).check();
  await phone.getByRole('button', { name: ur('backup:setup.restore') }).click();
  await expect(phone.getByRole('heading', { name: ur('backup:restore.title') })).toBeVisible();
  await expectNoViolations(phone, 'restore (ur)');
  await phone.getByRole('button', { name: ur('common:back') }).click();
  await phone.getByRole('radio', { name: 'English', exact: true }).check();
  await phone.getByRole('button', { name: en('backup:setup.restore') }).click();
  await expect(phone.getByRole('heading', { name: en('backup:restore.title') })).toBeVisible();
  await expectNoViolations(phone, 'restore');

  // A copy cut short where a download might stop (after the first segment): refused, nothing made.
  const cutPath = join(work, 'cut.bin');
  writeFileSync(cutPath, backup.subarray(0, 240 + 1024 * 1024 + 16));
  await phone.getByLabel(en('backup:restore.file')).setInputFiles(cutPath);
  await phone.getByLabel(en('backup:restore.code')).fill(words.join(' '));
  await phone.getByRole('button', { name: en('common:continue') }).click();
  await expect(phone.getByRole('alert')).toContainText(en('backup:problems.backup_truncated'));
  expect(await storageInventory(phone)).toEqual({ databases: [], files: [] });

  await phone.getByLabel(en('backup:restore.file')).setInputFiles(backupPath);
  await phone.getByLabel(en('backup:restore.code')).fill(words.join(' '));
  await phone.getByRole('button', { name: en('common:continue') }).click();
  await expect(phone.getByRole('heading', { name: en('setup:reset.title') })).toBeVisible({ timeout: 30_000 });
  await phone.getByLabel(en('setup:secret.new_pin'), { exact: true }).fill(NEW_PIN);
  await phone.getByLabel(en('setup:secret.confirm_pin'), { exact: true }).fill(NEW_PIN);
  await phone.getByRole('button', { name: en('common:save') }).click();
  await expectHome(phone);

  await phone.getByRole('button', { name: /^Your log/ }).click();
  await expect(phone.getByText('2 entries')).toBeVisible();
  await expect(phone.getByText('Log intact: 3 events checked.')).toBeVisible();
  await phone.getByRole('button', { name: /He came to the door at night/ }).click();
  await expect(phone.getByText(sha256(clip))).toBeVisible();
  const [copy] = await Promise.all([phone.waitForEvent('download'), phone.getByRole('button', { name: 'Save a copy' }).click()]);
  const copyPath = join(work, 'copy.bin');
  await copy.saveAs(copyPath);
  expect(sha256(readFileSync(copyPath))).toBe(sha256(clip));
  await phone.getByRole('button', { name: 'Your log' }).click();
  await expect(phone.getByRole('button', { name: /Messages all evening/ })).toBeVisible();
  await phone.getByRole('button', { name: en('common:home'), exact: true }).click();
  await phone.getByRole('button', { name: /^Safety plan/ }).click();
  await phone.getByRole('button', { name: en('plan:sections.notes.title'), exact: true }).click();
  await expect(phone.getByRole('textbox', { name: en('plan:fields.notes.label'), exact: true })).toHaveValue(PLAN_TEXT);

  // The new PIN opens it; the old phone's PIN never travelled.
  await phone.getByRole('button', { name: en('common:home'), exact: true }).click();
  await lock(phone);
  await press(phone, 'C246810=');
  await expect(phone.locator('#app')).toBeEmpty();
  await unlockWithPin(phone, NEW_PIN);
  await other.close();
});

test('restoring over a vault asks first, is all or nothing, and locks the app in every other tab', async ({ page, context }) => {
  test.setTimeout(120_000);
  await openFresh(page);
  const words = await setUp(page);
  await newEntry(page, 'Before the backup');
  await page.getByRole('button', { name: 'Your log' }).click();
  await page.getByRole('button', { name: en('common:home'), exact: true }).click();
  await page.getByRole('button', { name: new RegExp(`^${en('export:home.title')}`) }).click();
  await page.getByRole('button', { name: new RegExp(`^${en('export:parts.backup.title')}`) }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: en('backup:make.start') }).click()]);
  const backupPath = join(work, `over-${download.suggestedFilename()}`);
  await download.saveAs(backupPath);
  const backup = readFileSync(backupPath);
  await page.getByRole('button', { name: en('common:back'), exact: true }).click();
  await page.getByRole('button', { name: en('common:home'), exact: true }).click();
  await newEntry(page, 'After the backup');
  await page.getByRole('button', { name: 'Your log' }).click();
  await page.getByRole('button', { name: en('common:home'), exact: true }).click();

  const openRestore = async () => {
    await page.getByRole('button', { name: new RegExp(`^${en('export:home.title')}`) }).click();
    await page.getByRole('button', { name: new RegExp(`^${en('export:parts.restore.title')}`) }).click();
  };
  const choose = async (path: string) => {
    await page.getByLabel(en('backup:restore.file')).setInputFiles(path);
    await page.getByLabel(en('backup:restore.code')).fill(words.join(' '));
    await page.getByRole('button', { name: en('common:continue') }).click();
    await expect(page.getByRole('heading', { name: en('backup:restore.confirmTitle') })).toBeVisible();
    await expectNoViolations(page, 'restore: confirm');
  };

  // A copy with one bit flipped near its end: the header opens, the confirmation is asked, and the
  // restore stops at the damaged part with nothing changed: both entries are still here.
  const flipped = Buffer.from(backup);
  flipped[flipped.length - 40] = (flipped[flipped.length - 40] as number) ^ 0x01;
  const flippedPath = join(work, 'flipped.bin');
  writeFileSync(flippedPath, flipped);
  await openRestore();
  await choose(flippedPath);
  await page.getByRole('button', { name: en('backup:restore.replace') }).click();
  await expect(page.getByRole('alert')).toContainText(en('backup:restore.unchanged'));
  await expect(page.getByRole('alert')).toContainText(/damaged|changed since it was made/);
  // Cancelling at the question changes nothing either.
  await choose(backupPath);
  await page.getByRole('button', { name: en('common:cancel') }).click();
  await page.getByRole('button', { name: en('common:back'), exact: true }).click();
  await page.getByRole('button', { name: en('common:home'), exact: true }).click();
  await page.getByRole('button', { name: /^Your log/ }).click();
  await expect(page.getByText('2 entries')).toBeVisible();
  await page.getByRole('button', { name: en('common:home'), exact: true }).click();

  // Another tab open on the vault; the real restore locks it and replaces everything.
  const other = await unlockedTab(context);
  await openRestore();
  await choose(backupPath);
  await page.getByRole('button', { name: en('backup:restore.replace') }).click();
  await expect(page.getByRole('heading', { name: en('setup:reset.title') })).toBeVisible({ timeout: 30_000 });
  await expectCalculator(other);
  await page.getByLabel(en('setup:secret.new_pin'), { exact: true }).fill(NEW_PIN);
  await page.getByLabel(en('setup:secret.confirm_pin'), { exact: true }).fill(NEW_PIN);
  await page.getByRole('button', { name: en('common:save') }).click();
  await expectHome(page);
  await page.getByRole('button', { name: /^Your log/ }).click();
  await expect(page.getByText('1 entry', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /Before the backup/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /After the backup/ })).toHaveCount(0);
  // The other tab opens the restored vault with the new PIN.
  await unlockWithPin(other, NEW_PIN);
});
