// The safety plan, driven as she would use it: every section written in and ticked, kept through a
// lock, merged from two tabs, printed, and accessible in English and Urdu.
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { type Lang, translator } from '../support/locales';
import { expectCalculator, lock, openFresh, setUp, syntheticHide, syntheticShow, unlockWithPin, unlockedTab } from './support';

const SECTIONS = {
  people: ['trusted', 'codeWord'],
  places: ['safePlaces', 'safeRoom'],
  escape: ['routes', 'destination'],
  bag: ['bagWhere'],
  children: ['children'],
  tech: ['techNotes'],
  work: ['work'],
  after: ['afterLeaving'],
  money: ['money'],
  notes: ['notes'],
} as const;
type SectionId = keyof typeof SECTIONS;

const en = translator('en');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function openPlan(page: Page, t = en): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${escape(t('plan:home.title'))}`) }).click();
  await expect(page.getByRole('heading', { name: t('plan:title'), level: 1 })).toBeVisible();
}

async function openSection(page: Page, id: SectionId, t = en): Promise<void> {
  const toggle = page.getByRole('button', { name: t(`plan:sections.${id}.title`), exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

function field(page: Page, id: string, t = en) {
  return page.getByRole('textbox', { name: t(`plan:fields.${id}.label`), exact: true });
}

const written = (id: string) => `Plan ${id}: kept safe ${id.length}`;
const BAG_TICKS = ['keys', 'meds'] as const;
const TECH_TICKS = ['location', 'stalkerware'] as const;

test.describe('safety plan', () => {
  test('every section written in and ticked survives a lock and unlock', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await openPlan(page);
    for (const [id, fields] of Object.entries(SECTIONS) as [SectionId, readonly string[]][]) {
      await openSection(page, id);
      for (const f of fields) await field(page, f).fill(written(f));
    }
    await expect(page.locator('.plan-editor').getByText(en('plan:bag.rule'))).toBeVisible();
    for (const item of BAG_TICKS) await page.getByRole('checkbox', { name: en(`plan:bag.items.${item}`), exact: true }).check();
    for (const item of TECH_TICKS) await page.getByRole('checkbox', { name: en(`plan:tech.items.${item}.label`), exact: true }).check();
    await expect(page.getByRole('checkbox', { name: en('plan:tech.items.siteData.label') })).toHaveAccessibleDescription(en('plan:tech.items.siteData.explain'));

    // Her own item: refused when empty, then added and ticked.
    await page.getByRole('button', { name: 'Add item' }).click();
    await expect(page.getByText('Type the item first, then add it.')).toBeVisible();
    await page.getByLabel('Add your own item').fill('Inhaler');
    await page.getByRole('button', { name: 'Add item' }).click();
    await page.getByRole('checkbox', { name: 'Inhaler', exact: true }).check();
    await page.getByLabel('Add your own item').fill('Spare glasses');
    await page.getByLabel('Add your own item').press('Enter');
    await page.getByRole('button', { name: 'Remove Spare glasses' }).click();
    await expect(page.getByRole('checkbox', { name: 'Spare glasses' })).toHaveCount(0);

    await page.getByRole('button', { name: en('common:home'), exact: true }).click();
    await lock(page);
    await unlockWithPin(page);
    await openPlan(page);
    for (const [id, fields] of Object.entries(SECTIONS) as [SectionId, readonly string[]][]) {
      await openSection(page, id);
      for (const f of fields) await expect(field(page, f)).toHaveValue(written(f));
    }
    for (const item of BAG_TICKS) await expect(page.getByRole('checkbox', { name: en(`plan:bag.items.${item}`), exact: true })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: en('plan:bag.items.id_docs'), exact: true })).not.toBeChecked();
    for (const item of TECH_TICKS) await expect(page.getByRole('checkbox', { name: en(`plan:tech.items.${item}.label`), exact: true })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Inhaler', exact: true })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Spare glasses' })).toHaveCount(0);
  });

  // Hidden straight after typing, before the save delay is up: the lock itself seals what was typed.
  test('hiding the page while on the plan keeps what was just typed', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await openPlan(page);
    await openSection(page, 'places');
    await field(page, 'safeRoom').fill('The front room, window opens');
    await syntheticHide(page);
    await expectCalculator(page);
    await syntheticShow(page);
    await unlockWithPin(page);
    await openPlan(page);
    await openSection(page, 'places');
    await expect(field(page, 'safeRoom')).toHaveValue('The front room, window opens');
  });

  test('two tabs editing at once merge without losing anything', async ({ page, context }) => {
    await openFresh(page);
    await setUp(page);
    const other = await unlockedTab(context);
    for (const p of [page, other]) {
      await openPlan(p);
      await openSection(p, 'people');
      await openSection(p, 'notes');
    }
    // Different fields, and the same field typed into in both tabs at the same time.
    await Promise.all([
      field(page, 'trusted').fill('Sam next door'),
      field(other, 'codeWord').fill('Pineapple means call 999'),
    ]);
    await Promise.all([field(page, 'notes').pressSequentially('Alpha words. '), field(other, 'notes').pressSequentially('Bravo words. ')]);
    for (const [p, item] of [[page, 'keys'], [other, 'meds']] as const) {
      await openSection(p, 'bag');
      await p.getByRole('checkbox', { name: en(`plan:bag.items.${item}`), exact: true }).check();
    }

    // Each tab hears of the other's save and merges it in while open.
    await expect(field(page, 'codeWord')).toHaveValue('Pineapple means call 999');
    await expect(field(other, 'trusted')).toHaveValue('Sam next door');
    for (const p of [page, other]) {
      await expect(field(p, 'notes')).toHaveValue(/Alpha words\. /);
      await expect(field(p, 'notes')).toHaveValue(/Bravo words\. /);
    }
    const merged = await field(page, 'notes').inputValue();
    await expect(field(other, 'notes')).toHaveValue(merged);

    await page.getByRole('button', { name: en('common:home'), exact: true }).click();
    await lock(page);
    await unlockWithPin(page);
    await openPlan(page);
    await openSection(page, 'people');
    await openSection(page, 'notes');
    await expect(field(page, 'trusted')).toHaveValue('Sam next door');
    await expect(field(page, 'codeWord')).toHaveValue('Pineapple means call 999');
    await expect(field(page, 'notes')).toHaveValue(merged);
    await openSection(page, 'bag');
    for (const item of ['keys', 'meds']) await expect(page.getByRole('checkbox', { name: en(`plan:bag.items.${item}`), exact: true })).toBeChecked();
  });

  test('prints the whole plan after a warning, without the Exit button or a new title', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await openPlan(page);
    await openSection(page, 'people');
    await field(page, 'trusted').fill('Aunt Rose, 07700 900123');
    await openSection(page, 'bag');
    await page.getByRole('checkbox', { name: en('plan:bag.items.meds'), exact: true }).check();
    // Closed again: the printout still has every section.
    await page.getByRole('button', { name: en('plan:sections.bag.title'), exact: true }).click();
    await page.evaluate(() => {
      const counted = window as unknown as { printed: number };
      counted.printed = 0;
      window.print = () => void (counted.printed += 1);
    });

    await page.getByRole('button', { name: 'Print', exact: true }).click();
    const warning = page.getByRole('dialog', { name: 'Before you print' });
    await expect(warning).toContainText('A paper copy can be found and read by someone else.');
    await warning.getByRole('button', { name: "Don't print" }).click();
    await expect(warning).toBeHidden();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(0);

    await page.getByRole('button', { name: 'Print', exact: true }).click();
    await page.getByRole('dialog', { name: 'Before you print' }).getByRole('button', { name: 'Print now' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page).toHaveTitle('Calculator');

    await page.emulateMedia({ media: 'print' });
    const printout = page.locator('.plan-print');
    await expect(printout).toBeVisible();
    await expect(printout.getByText('Aunt Rose, 07700 900123')).toBeVisible();
    for (const id of Object.keys(SECTIONS)) await expect(printout.getByRole('heading', { name: en(`plan:sections.${id}.title`), exact: true })).toBeVisible();
    await expect(printout.getByText(en('plan:bag.rule'))).toBeVisible();
    await expect(printout.getByRole('listitem').filter({ hasText: en('plan:bag.items.meds') })).toContainText('☑');
    await expect(printout.getByRole('listitem').filter({ hasText: en('plan:bag.items.keys') })).toContainText('☐');
    await expect(page.getByRole('button', { name: 'Exit', includeHidden: true })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print', exact: true, includeHidden: true })).toBeHidden();
    await expect(page.getByRole('textbox', { includeHidden: true }).first()).toBeHidden();

    await page.emulateMedia({ media: 'screen' });
    await expect(printout).toBeHidden();
    await expect(page.getByRole('button', { name: 'Exit' })).toBeVisible();
  });
});

for (const lang of ['en', 'ur'] as const satisfies readonly Lang[]) {
  const t = translator(lang);

  test.describe(`safety plan accessibility in ${lang}`, () => {
    test.use({ locale: lang === 'ur' ? 'ur-PK' : 'en-GB' });

    async function expectNoViolations(page: Page, screen: string): Promise<void> {
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${screen}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    }

    test('the plan with every section open, an error, and the print warning', async ({ page }) => {
      await page.goto('/');
      await setUp(page, { language: lang, calculatorLanguage: lang });
      await openPlan(page, t);
      await expectNoViolations(page, 'plan closed');
      for (const id of Object.keys(SECTIONS) as SectionId[]) await openSection(page, id, t);
      await page.getByLabel(t('plan:own.add'), { exact: true }).fill('x');
      await page.getByRole('button', { name: t('plan:own.addButton') }).click();
      await page.getByRole('button', { name: t('plan:own.addButton') }).click();
      await expect(page.getByText(t('plan:own.problems.empty'))).toBeVisible();
      await expectNoViolations(page, 'plan open');
      await page.getByRole('button', { name: t('plan:print.button'), exact: true }).click();
      await expect(page.getByRole('dialog', { name: t('plan:print.title') })).toBeVisible();
      await expectNoViolations(page, 'print warning');
    });
  });
}
