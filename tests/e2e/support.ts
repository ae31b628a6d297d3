// Shared steps for the end-to-end tests: they drive the real UI by role and accessible name, the way
// a person using a screen reader or a keyboard would. Anything that reaches past the UI into storage
// is named as a test-only path.
import { type BrowserContext, type Page, expect } from '@playwright/test';
import { type Lang, translator } from '../support/locales';

export const SETUP_SEQUENCE = '1793÷0';
export const PIN = '246810';

const KEY_NAMES: Record<string, string> = {
  '.': 'decimal',
  '+': 'plus',
  '−': 'minus',
  '-': 'minus',
  '×': 'multiply',
  '÷': 'divide',
  '%': 'percent',
  '±': 'sign',
  '=': 'equals',
  C: 'clear',
  '⌫': 'backspace',
};

/** Presses calculator keys by their accessible names: "1793÷0=" or "C12+3=". */
export async function press(page: Page, keys: string, calculatorLanguage: Lang = 'en'): Promise<void> {
  const t = translator(calculatorLanguage);
  for (const key of keys) {
    const name = KEY_NAMES[key] ? t(`calculator:keys.${KEY_NAMES[key]}`) : key;
    await page.getByRole('button', { name, exact: true }).click();
  }
}

export function display(page: Page) {
  return page.getByLabel('Display', { exact: true });
}

/** The calculator is showing, its keys are labelled, and nothing of the app is in the page. */
export async function expectCalculator(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Equals', exact: true })).toBeVisible();
  await expect(page.locator('#app')).toBeEmpty();
  await expect(page).toHaveTitle('Calculator');
}

export async function openFresh(page: Page): Promise<void> {
  await page.goto('/');
  await expectCalculator(page);
}

export interface SetUpOptions {
  kind?: 'pin' | 'passphrase';
  secret?: string;
  /** The language chosen on the first set-up screen (its name as listed there). */
  language?: Lang;
  region?: string;
  /** The calculator's language: the browser's, not the one chosen in set-up. */
  calculatorLanguage?: Lang;
  /** Called on each screen of set-up, e.g. to run axe over it. */
  onScreen?: (name: string) => Promise<void>;
  /** Stop part way: after submitting the secret, once the recovery words show, or with the check typed in. */
  stopAfter?: 'secret' | 'recovery' | 'check';
}

const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', cy: 'Cymraeg', pl: 'Polski', ur: 'اردو' };

/** Sets the app up through its UI, from a calculator with no vault, and returns the recovery words. */
export async function setUp(page: Page, { kind = 'pin', secret = PIN, region = 'GB-ENG', language = 'en', calculatorLanguage = 'en', onScreen = async () => {}, stopAfter }: SetUpOptions = {}): Promise<string[]> {
  await press(page, `C${SETUP_SEQUENCE}=`, calculatorLanguage);
  // Set-up opens in the browser's language, like the calculator.
  await expect(page.getByRole('heading', { name: translator(calculatorLanguage)('setup:welcome.title') })).toBeVisible();
  await page.getByRole('radio', { name: LANGUAGE_NAMES[language], exact: true }).check();
  const t = translator(language);
  await expect(page.getByRole('heading', { name: t('setup:welcome.title') })).toBeVisible();
  await onScreen('welcome');
  await page.getByRole('button', { name: t('common:continue') }).click();
  await page.getByRole('radio', { name: t(`setup:kind.${kind}`) }).check();
  await onScreen('kind');
  await page.getByRole('button', { name: t('common:continue') }).click();
  await page.getByLabel(t(`setup:secret.new_${kind}`), { exact: true }).fill(secret);
  await page.getByLabel(t(`setup:secret.confirm_${kind}`), { exact: true }).fill(secret);
  await onScreen('secret');
  await page.getByRole('button', { name: t('common:continue') }).click();
  if (stopAfter === 'secret') return [];
  await page.getByRole('radio', { name: t(`common:regions.${region}`), exact: true }).check();
  await onScreen('region');
  await page.getByRole('button', { name: t('common:continue') }).click();
  const words = await readRecoveryWords(page, t('setup:recovery.listLabel'));
  await onScreen('recovery');
  if (stopAfter === 'recovery') return words;
  await page.getByRole('button', { name: t('setup:recovery.written') }).click();
  await onScreen('check');
  await confirmRecoveryWords(page, words);
  if (stopAfter === 'check') return words;
  await page.getByRole('button', { name: t('setup:check.confirm') }).click();
  await expect(page.getByRole('heading', { name: t('setup:ready.title') })).toBeVisible();
  await onScreen('ready');
  await page.getByRole('button', { name: t('setup:ready.open'), exact: true }).click();
  await expect(page.getByRole('heading', { name: t('home:title'), level: 1 })).toBeVisible();
  return words;
}

export async function readRecoveryWords(page: Page, listLabel = 'Recovery words'): Promise<string[]> {
  const list = page.getByRole('list', { name: listLabel });
  await expect(list).toBeVisible({ timeout: 20_000 });
  return list.locator('.word').allTextContents();
}

export async function confirmRecoveryWords(page: Page, words: string[]): Promise<void> {
  // Which word each field asks for, read in one go (its label says "Word 7"), then typed as she would.
  const asked = await page
    .locator('.field input')
    .evaluateAll((inputs) => inputs.map((input) => [input.id, document.querySelector(`label[for="${input.id}"]`)?.textContent ?? ''] as const));
  for (const [id, label] of asked) await page.locator(`[id="${id}"]`).fill(words[Number(label.replace(/\D/g, '')) - 1] ?? '');
}

export async function expectHome(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Waymark', level: 1 })).toBeVisible();
}

export async function unlockWithPin(page: Page, pin: string = PIN): Promise<void> {
  // With two tabs open, Chromium throttles animation frames in the one behind, and each click
  // waits for frames: typing a PIN there took 10 s. A person unlocks the tab in front.
  await page.bringToFront();
  await press(page, `C${pin}=`);
  await expectHome(page);
}

/** Another tab on the same phone, unlocked with the PIN. */
export async function unlockedTab(context: BrowserContext): Promise<Page> {
  const tab = await context.newPage();
  await tab.goto('/');
  await unlockWithPin(tab);
  return tab;
}

/** Opens the Note field by holding Enter, as the set-up teaches, and submits text in it. */
export async function submitNote(page: Page, text: string, done = 'Done', note = 'Note'): Promise<void> {
  await page.locator('body').focus();
  await page.keyboard.down('Enter');
  await expect(page.getByRole('dialog', { name: note })).toBeVisible();
  await page.keyboard.up('Enter');
  await page.getByRole('textbox', { name: note }).fill(text);
  await page.getByRole('button', { name: done }).click();
}

export async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock now' }).click();
  await expectCalculator(page);
}

// ---- test-only paths into storage (never used by the app) -------------------------------------

/** Reads the key file straight from OPFS. */
export async function readKeyFileBytes(page: Page): Promise<number[] | null> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    try {
      const handle = await root.getFileHandle('calc.dat');
      return Array.from(new Uint8Array(await (await handle.getFile()).arrayBuffer()));
    } catch {
      return null;
    }
  });
}

export async function failureCount(page: Page): Promise<number> {
  const bytes = await readKeyFileBytes(page);
  if (!bytes) throw new Error('no key file');
  return new DataView(Uint8Array.from(bytes).buffer).getUint32(36, true);
}

/** Writes bytes into the key file at an offset, bypassing the app. */
export async function writeKeyFileBytes(page: Page, offset: number, bytes: number[]): Promise<void> {
  await page.evaluate(
    async ({ offset, bytes }) => {
      const root = await navigator.storage.getDirectory();
      const handle = await root.getFileHandle('calc.dat');
      const writable = await handle.createWritable({ keepExistingData: true });
      await writable.write({ type: 'write', position: offset, data: new Uint8Array(bytes) });
      await writable.close();
    },
    { offset, bytes },
  );
}

/** What the origin keeps: IndexedDB database names and OPFS entries. */
export async function storageInventory(page: Page): Promise<{ databases: string[]; files: string[] }> {
  return page.evaluate(async () => {
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '').sort();
    const files: string[] = [];
    const root = await navigator.storage.getDirectory();
    for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) files.push(name);
    return { databases, files: files.sort() };
  });
}

/** Fires the events a real hide fires. Headless pages never become hidden, so this is synthetic. */
export async function syntheticHide(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

export async function syntheticShow(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

/** Saves a new entry with just "what happened", from home, and opens it. */
export async function newEntry(page: Page, what: string): Promise<void> {
  await page.getByRole('button', { name: /^Your log/ }).click();
  await page.getByRole('button', { name: 'New entry' }).click();
  await page.getByLabel('What happened', { exact: true }).fill(what);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Entry', level: 1 })).toBeVisible();
}
