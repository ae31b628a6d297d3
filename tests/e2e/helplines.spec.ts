// Help and helplines, driven as she would use it: the emergency number one tap from home, a service
// found by who it is for, her own contacts, and axe over the screens in English and Urdu.
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { type Lang, translator } from '../support/locales';
import { expectCalculator, expectHome, lock, openFresh, setUp, syntheticHide, syntheticShow, unlockWithPin } from './support';

async function openHelplines(page: Page, lang: Lang = 'en'): Promise<void> {
  const t = translator(lang);
  await page.getByRole('button', { name: new RegExp(`^${t('helplines:home.title')}`) }).click();
  await expect(page.getByRole('heading', { name: t('helplines:title'), level: 1 })).toBeVisible();
}

/**
 * Test-only: a headless browser has no dialer, so tel: and sms: links are stopped after the app's
 * own click handler has run (this listener is on window, so it runs last).
 */
async function stubDialer(page: Page): Promise<void> {
  await page.evaluate(() =>
    window.addEventListener('click', (event) => {
      if ((event.target as Element | null)?.closest('a[href^="tel:"], a[href^="sms:"]')) event.preventDefault();
    }),
  );
}

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${screen}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test.describe('helplines', () => {
  test('999 is one tap from home, with the Silent Solution in plain words', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    const call = page.getByRole('link', { name: 'Call 999', exact: true });
    await expect(call).toBeVisible();
    await expect(call).toHaveAttribute('href', 'tel:999');
    await expect(page.getByText("On a mobile: dial 999. If you can't speak, cough or tap, then press 55 when asked.")).toBeVisible();
  });

  test('a service found by who it is for gives a working tel: link, and the dialer opening does not lock the app', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await openHelplines(page);
    await page.getByLabel('Who is it for?').selectOption({ label: 'Women' });
    const ndah = page.getByRole('article', { name: 'National Domestic Abuse Helpline' });
    await expect(ndah).toBeVisible();
    await expect(ndah.getByText('Open 24 hours')).toBeVisible();
    const call = ndah.getByRole('link', { name: 'Call 0808 2000 247' });
    await expect(call).toHaveAttribute('href', 'tel:08082000247');
    // Services for men only are not offered to women.
    await expect(page.getByRole('article', { name: "Men's Advice Line" })).toHaveCount(0);
    await expect(page.getByText('Calls and texts you make from here show in this phone\'s call log')).toBeVisible();

    // Tapping Call opens the dialer, which hides the page: that one hide must not lock the app.
    await stubDialer(page);
    await call.click();
    await syntheticHide(page);
    await syntheticShow(page);
    await expect(page.getByRole('heading', { name: 'Help and helplines', level: 1 })).toBeVisible();
    // The allowance is used up: the next hide locks as always.
    await syntheticHide(page);
    await expectCalculator(page);
  });

  test('numbers from secondary sources carry a note; another nation and "somewhere else" can be looked at', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await openHelplines(page);
    await page.getByLabel('Who is it for?').selectOption({ label: 'Older people' });
    const hourglass = page.getByRole('article', { name: 'Hourglass' });
    await expect(hourglass.getByRole('link', { name: 'Call 0808 808 8141' })).toHaveAttribute('href', 'tel:08088088141');
    await expect(hourglass.getByText('Confirm before relying on it').first()).toBeVisible();

    await page.getByLabel('Show services for').selectOption({ label: 'Wales' });
    await page.getByLabel('Who is it for?').selectOption({ label: 'Show all' });
    const fearFree = page.getByRole('article', { name: 'Live Fear Free Helpline' });
    await expect(fearFree.getByRole('link', { name: 'Call 0808 80 10 800' })).toHaveAttribute('href', 'tel:08088010800');
    await expect(fearFree.getByRole('link', { name: 'Text 07860 077333' })).toHaveAttribute('href', 'sms:07860077333');

    await page.getByLabel('Show services for').selectOption({ label: 'Somewhere else' });
    await expect(page.getByText("We don't have a list of services for where you live yet.")).toBeVisible();
    await expect(page.getByText("We don't know the emergency number where you are.")).toBeVisible();
    await expect(page.getByRole('link', { name: /^Call / })).toHaveCount(0);
  });

  test('her own contacts: a bad number is refused with nothing saved; a good one is saved encrypted, found and dialled', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await openHelplines(page);
    await page.getByRole('button', { name: 'Add a contact' }).click();
    await page.getByLabel('Name', { exact: true }).fill('PC Amira Khan');
    await page.getByLabel('Who they are').selectOption({ label: 'Police officer' });
    await page.getByLabel('Phone number', { exact: true }).fill('call the station');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect(page.getByRole('alert')).toHaveText('That is not a phone number that can be dialled. Use 3 to 15 digits, with + at the start if needed. Nothing was saved.');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('You have not added any contacts yet.')).toBeVisible();

    await page.getByRole('button', { name: 'Add a contact' }).click();
    await page.getByLabel('Name', { exact: true }).fill('PC Amira Khan');
    await page.getByLabel('Who they are').selectOption({ label: 'Police officer' });
    await page.getByLabel('Phone number', { exact: true }).fill('+44 (0)7700 900-123');
    await page.getByLabel('Notes (optional)').fill('Crime reference 42/1234');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect(page.getByText('Contact saved.')).toBeVisible();

    // She finds it again after locking: it was kept in the encrypted store.
    await page.getByRole('button', { name: 'Home', exact: true }).click();
    await lock(page);
    await unlockWithPin(page);
    await openHelplines(page);
    await page.getByLabel('Who is it for?').selectOption({ label: 'Only my own contacts' });
    await expect(page.getByRole('heading', { name: 'Services', level: 2 })).toHaveCount(0);
    const contact = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'PC Amira Khan' }) });
    await expect(contact.getByRole('link', { name: 'Call +44 (0)7700 900-123' })).toHaveAttribute('href', 'tel:+4407700900123');
    await expect(contact.getByRole('link', { name: 'Text +44 (0)7700 900-123' })).toHaveAttribute('href', 'sms:+4407700900123');
    await expect(contact.getByText('Crime reference 42/1234')).toBeVisible();

    // Editing keeps what was there; a bad second number changes nothing.
    await contact.getByRole('button', { name: 'Edit PC Amira Khan' }).click();
    await page.getByLabel('Another number (optional)').fill('12');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect(page.getByRole('alert')).toContainText('Nothing was saved.');
    await page.getByLabel('Another number (optional)').fill('101');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect(contact.getByRole('link', { name: 'Call 101' })).toHaveAttribute('href', 'tel:101');

    await contact.getByRole('button', { name: 'Delete PC Amira Khan' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(page.getByText('Contact deleted.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'PC Amira Khan' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Home', exact: true }).click();
    await expectHome(page);
  });
});

for (const lang of ['en', 'ur'] as const satisfies readonly Lang[]) {
  const t = translator(lang);

  // The browser speaks her language, so the calculator and set-up open in it (as in a11y.spec.ts).
  test.describe(`accessibility in ${lang}`, () => {
    test.use({ locale: lang === 'ur' ? 'ur-PK' : 'en-GB' });

    test('home with the emergency call, the helplines screen, and the contact form', async ({ page }) => {
      test.setTimeout(90_000);
      await page.goto('/');
      await setUp(page, { language: lang, calculatorLanguage: lang });
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ur' ? 'rtl' : 'ltr');
      await expect(page.getByRole('link', { name: t('helplines:emergency.call', { number: '999' }) })).toHaveAttribute('href', 'tel:999');
      await expectNoViolations(page, 'home');
      await openHelplines(page, lang);
      await page.getByText(t('helplines:emergency.other'), { exact: true }).click();
      for (const summary of await page.getByText(t('helplines:card.sources'), { exact: true }).all()) await summary.click();
      await expectNoViolations(page, 'helplines');
      await page.getByLabel(t('helplines:filter.label')).selectOption({ label: t('helplines:filter.options.deaf') });
      await expectNoViolations(page, 'helplines, deaf or hard of hearing');
      await page.getByRole('button', { name: t('helplines:contacts.add') }).click();
      await page.getByLabel(t('helplines:contacts.number'), { exact: true }).fill('abc');
      await page.getByRole('button', { name: t('helplines:contacts.save') }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await expectNoViolations(page, 'contact form with an error');
    });
  });
}
