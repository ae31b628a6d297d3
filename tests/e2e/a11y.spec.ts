// axe over every screen, in English and in Urdu (right to left), and the layout checks that go with
// a right-to-left language: the app mirrors, the calculator's keypad does not.
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { type Lang, translator } from '../support/locales';
import { PIN, press, setUp, submitNote } from './support';

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${screen}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

for (const lang of ['en', 'ur'] as const satisfies readonly Lang[]) {
  const t = translator(lang);

  test.describe(`accessibility in ${lang}`, () => {
    test.use({ locale: lang === 'ur' ? 'ur-PK' : 'en-GB' });

    test('the calculator and its note field', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('button', { name: t('calculator:keys.equals'), exact: true })).toBeVisible();
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, lang === 'ur' ? 'rtl' : 'ltr']);
      await expect(page).toHaveTitle(t('calculator:title'));
      // The keypad keeps its left-to-right order in every language: = stays bottom right.
      const equals = await page.getByRole('button', { name: t('calculator:keys.equals'), exact: true }).boundingBox();
      expect((equals?.x ?? 0) > 200).toBe(true);
      await expectNoViolations(page, 'calculator');
      await page.locator('body').focus();
      await page.keyboard.down('Enter');
      await expect(page.getByRole('dialog', { name: t('calculator:note.label') })).toBeVisible();
      await page.keyboard.up('Enter');
      await expectNoViolations(page, 'note');
    });

    test('every set-up screen, home, and every settings screen and dialog', async ({ page }) => {
      // Eight settings screens and three dialogs, each under axe: about 80 s on two busy cores.
      test.setTimeout(120_000);
      await page.goto('/');
      await setUp(page, { language: lang, calculatorLanguage: lang, onScreen: (screen) => expectNoViolations(page, screen) });
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ur' ? 'rtl' : 'ltr');
      // The Exit button sits at the end of the top bar: right in English, left in Urdu.
      const exit = await page.getByRole('button', { name: t('common:exit.button'), exact: true }).boundingBox();
      expect((exit?.x ?? 0) < 200).toBe(lang === 'ur');
      await expectNoViolations(page, 'home');

      await page.getByRole('button', { name: new RegExp(`^${t('home:settings')}`) }).click();
      await expectNoViolations(page, 'settings');
      for (const section of ['language', 'unlock', 'recovery', 'duress', 'locking', 'exit', 'storage', 'wipe'] as const) {
        await page.getByRole('button', { name: new RegExp(`^${t(`settings:${section}.title`)}`) }).click();
        await expect(page.getByRole('heading', { name: t(`settings:${section}.title`), level: 1 })).toBeVisible();
        if (section === 'exit') await page.getByRole('radio', { name: t('settings:exit.options.custom') }).check();
        await expectNoViolations(page, `settings/${section}`);
        if (section === 'recovery') {
          await page.getByRole('button', { name: t('settings:recovery.make') }).click();
          await expect(page.getByRole('dialog', { name: t('settings:recovery.confirmTitle') })).toBeVisible();
          await expectNoViolations(page, 'settings/recovery dialog');
          await page.getByRole('button', { name: t('common:cancel') }).click();
        }
        if (section === 'wipe') {
          await page.getByRole('button', { name: t('settings:wipe.start') }).click();
          await expect(page.getByRole('dialog', { name: t('settings:wipe.confirmTitle') })).toBeVisible();
          await page.getByRole('button', { name: t('settings:wipe.confirmButton'), exact: true }).click();
          await expect(page.getByText(t('settings:wipe.wrongWord', { word: t('settings:wipe.word') }))).toBeVisible();
          await expectNoViolations(page, 'settings/wipe dialog');
          await page.getByRole('button', { name: t('common:cancel') }).click();
        }
        await page.getByRole('button', { name: t('settings:title'), exact: true }).click();
      }
    });

    test('every screen of the log: quick log, entry form, log, entry, redact dialog, orders, order form, patterns, evidence pack, check a pack', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto('/');
      await setUp(page, { language: lang, calculatorLanguage: lang });
      const button = (name: string | RegExp) => page.getByRole('button', { name }).first();
      const starts = (key: string) => new RegExp(`^${t(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

      await button(starts('evidence:home.orders')).click();
      await expectNoViolations(page, 'orders (empty)');
      await button(t('evidence:orders.add')).click();
      await page.getByRole('checkbox', { name: t('evidence:conditions.no_contact_direct_indirect') }).check();
      await expectNoViolations(page, 'order form');
      await button(t('evidence:orders.save')).click();
      await expect(page.getByRole('heading', { name: t('evidence:orders.title'), level: 1 })).toBeVisible();
      await expectNoViolations(page, 'orders');
      await button(t('common:home')).click();

      await button(starts('evidence:home.quickLog')).click();
      await expectNoViolations(page, 'quick log');
      await page.getByRole('radio').first().check();
      await button(t('evidence:quick.save')).click();
      await expectNoViolations(page, 'quick log saved');
      await button(t('evidence:quick.addDetails')).click();
      await expectNoViolations(page, 'entry form');
      await page.getByRole('textbox').nth(2).fill('Some details');
      await button(t('evidence:entry.save')).click();
      await expectNoViolations(page, 'entry');
      const png = join(mkdtempSync(join(tmpdir(), 'a11y-')), 'photo.png');
      writeFileSync(png, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64'));
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(t('evidence:attachments.addPhotos')).click()]);
      await chooser.setFiles(png);
      await expect(page.getByRole('img', { name: 'photo.png' })).toBeVisible();
      await expectNoViolations(page, 'entry with a photo and the notice about the original');
      await button(t('evidence:view.redact')).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoViolations(page, 'redact dialog');
      await page.getByRole('dialog').getByRole('button', { name: t('common:cancel') }).click();
      await button(t('evidence:timeline.title')).click();
      await page.getByText(t('evidence:timeline.filters'), { exact: true }).click();
      await expectNoViolations(page, 'log');
      await button(t('evidence:timeline.patterns')).click();
      await page.getByText(t('evidence:patterns.table'), { exact: true }).click();
      await expectNoViolations(page, 'patterns');

      // The evidence pack (its warning, what goes in, the review) and "Check a pack".
      await button(t('evidence:timeline.title')).click();
      await button(t('common:home')).click();
      await button(starts('export:home.title')).click();
      await button(starts('export:parts.pack.title')).click();
      await expect(page.getByRole('heading', { name: t('pack:flow.title'), level: 1 })).toBeVisible();
      await expectNoViolations(page, 'evidence pack');
      await button(t('pack:flow.next')).click();
      await expect(page.getByRole('heading', { name: t('pack:review.title'), level: 2 })).toBeVisible();
      await expectNoViolations(page, 'evidence pack review');
      await button(t('export:title')).click();
      await button(starts('export:parts.verify.title')).click();
      await expect(page.getByRole('heading', { name: t('pack:verify.title'), level: 1 })).toBeVisible();
      await expectNoViolations(page, 'check a pack');
    });

    test('choosing a new PIN after the recovery code, and the errors on the way', async ({ page }) => {
      await page.goto('/');
      const words = await setUp(page, { language: lang, calculatorLanguage: lang });
      await page.getByRole('button', { name: t('common:lock') }).click();
      await submitNote(page, words.join(' '), t('calculator:note.done'), t('calculator:note.label'));
      await expect(page.getByRole('heading', { name: t('setup:reset.title') })).toBeVisible();
      await page.getByLabel(t('setup:secret.new_pin'), { exact: true }).fill('123');
      await page.getByRole('button', { name: t('common:save') }).click();
      await expect(page.getByText(t('setup:secret.problems.pin_too_short'))).toBeVisible();
      await expectNoViolations(page, 'reset with an error');
      await page.getByLabel(t('setup:secret.new_pin'), { exact: true }).fill(PIN);
      await page.getByLabel(t('setup:secret.confirm_pin'), { exact: true }).fill(PIN);
      await page.getByRole('button', { name: t('common:save') }).click();
      await expect(page.getByRole('heading', { name: t('home:title'), level: 1 })).toBeVisible();
    });
  });
}

test('the iPhone add-to-Home-Screen screen', async ({ browser, baseURL }) => {
  const context = await browser.newContext({
    baseURL,
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  });
  const page = await context.newPage();
  await page.goto('/');
  await press(page, 'C1793÷0=');
  await expect(page.getByRole('heading', { name: 'Add it to your Home Screen first' })).toBeVisible();
  await expectNoViolations(page, 'install first');
  await context.close();
});

test('set-up speaks the language she picks at once, and Urdu turns the page right to left', async ({ page }) => {
  await page.goto('/');
  // setUp waits for each screen's heading in the chosen language, so a screen left in English fails.
  await setUp(page, { language: 'ur', calculatorLanguage: 'en', stopAfter: 'secret' });
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ur', 'rtl']);
});
