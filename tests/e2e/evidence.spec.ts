// The evidence log, driven as she would use it.
import { type Page, expect, test } from '@playwright/test';
import { PIN, expectCalculator, expectHome, openFresh, setUp, unlockWithPin, unlockedTab } from './support';

async function addOrder(page: Page, options: { kind: string; conditions: string[]; exclusion?: string; until?: string }) {
  await page.getByRole('button', { name: /^Orders and conditions/ }).click();
  await page.getByRole('button', { name: 'Add an order' }).click();
  await page.getByRole('radio', { name: options.kind, exact: true }).check();
  for (const condition of options.conditions) await page.getByRole('checkbox', { name: condition }).check();
  if (options.exclusion) {
    await page.getByRole('checkbox', { name: 'Not to enter the street or area named in the order' }).check();
    const fields = page.getByRole('textbox', { name: /^Condition wording/ });
    await fields.last().fill(options.exclusion);
  }
  await page.getByLabel('Who made it (the court or police)').fill('Family court');
  await page.getByLabel('Start date').fill('2025-10-01');
  if (options.until) await page.getByLabel('End date', { exact: true }).fill(options.until);
  else await page.getByRole('checkbox', { name: 'Until further order (no end date)' }).check();
  await page.getByRole('button', { name: 'Save order' }).click();
  await expect(page.getByRole('heading', { name: 'Orders and conditions', level: 1 })).toBeVisible();
}

async function home(page: Page) {
  await page.getByRole('button', { name: /Home$/ }).first().click();
  await expectHome(page);
}

test.describe('evidence log', () => {
  test('quick log with no order: saved in three taps from home, and shown in the log', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    let taps = 0;
    const tap = async (action: Promise<void>) => (await action, taps++);
    await tap(page.getByRole('button', { name: /^Quick log/ }).click());
    await tap(page.getByRole('radio', { name: 'Contacted me' }).check());
    await tap(page.getByRole('button', { name: 'Save now' }).click());
    await expect(page.getByRole('status').filter({ hasText: /^Saved at \d{2}:\d{2}\.$/ })).toBeVisible();
    expect(taps).toBeLessThanOrEqual(4);
    await home(page);
    await page.getByRole('button', { name: /^Your log/ }).click();
    await expect(page.getByText('1 entry')).toBeVisible();
    await expect(page.getByRole('button', { name: /Contacted me/ })).toBeVisible();
    await expect(page.getByText('Log intact: 1 event checked.')).toBeVisible();
  });

  test('orders: typical conditions offered and editable, what a breach means, and expiry', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await addOrder(page, {
      kind: 'Non-molestation order',
      conditions: ['Not to contact me directly or indirectly (by phone, text, email, social media, or through anyone else)', 'Not to come to my home'],
    });
    await expect(page.getByRole('button', { name: /Non-molestation order.*In force.*Breaking this order is a crime/ })).toBeVisible();
    await home(page);
    await addOrder(page, { kind: 'Police bail (before charge)', conditions: [], exclusion: 'Not to enter East Street, Blandford Forum', until: '2025-12-31' });
    const bail = page.getByRole('button', { name: /Police bail \(before charge\)/ });
    await expect(bail).toContainText('Expired');
    await expect(bail).toContainText('Breaking bail conditions is not a crime in itself');
    await bail.click();
    await expect(page.getByRole('textbox', { name: /^Condition wording/ }).first()).toHaveValue('Not to enter East Street, Blandford Forum');

    // An expired order is not offered for something happening now, but is for a day it was in force.
    await page.getByRole('button', { name: 'Orders and conditions' }).click();
    await home(page);
    await page.getByRole('button', { name: /^Quick log/ }).click();
    await expect(page.getByRole('checkbox', { name: 'Not to contact me directly or indirectly (by phone, text, email, social media, or through anyone else)' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Not to enter East Street, Blandford Forum' })).toHaveCount(0);
    await home(page);
    await page.getByRole('button', { name: /^Your log/ }).click();
    await page.getByRole('button', { name: 'New entry' }).click();
    const eastStreet = page.getByRole('checkbox', { name: 'Not to enter East Street, Blandford Forum' });
    await expect(eastStreet).toHaveCount(0);
    await page.getByLabel('When did it happen?').fill('2025-11-15T10:00');
    await eastStreet.check();
    await page.getByLabel('What happened', { exact: true }).fill('Saw him on East Street');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Police bail (before charge): Not to enter East Street, Blandford Forum')).toBeVisible();
  });

  test('quick log linked to a condition in four taps', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await addOrder(page, { kind: 'Restraining order', conditions: ['Not to come to my home'] });
    await home(page);
    await page.getByRole('button', { name: /^Quick log/ }).click();
    await page.getByRole('radio', { name: 'Came to my home' }).check();
    await page.getByRole('checkbox', { name: 'Not to come to my home' }).check();
    await page.getByRole('button', { name: 'Save now' }).click();
    await page.getByRole('button', { name: 'Add details' }).click();
    await expect(page.getByRole('checkbox', { name: 'Not to come to my home' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Came to my home' })).toBeChecked();
  });

  test('a full entry: every field saved, found by search and by filter', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await page.getByRole('button', { name: /^Your log/ }).click();
    await page.getByRole('button', { name: 'New entry' }).click();
    await page.getByLabel('When did it happen?').fill('2026-01-04T21:15');
    await page.getByRole('checkbox', { name: 'The time is approximate' }).check();
    await page.getByRole('checkbox', { name: 'Threatened to kill' }).check();
    await page.getByRole('checkbox', { name: 'Text or message' }).check();
    await page.getByLabel('What happened', { exact: true }).fill('He texted: "enjoy your last few days"');
    await page.getByLabel('Where', { exact: true }).fill('At my sister’s');
    await page.getByLabel('Who saw or heard it').fill('My sister');
    await page.getByLabel('How it affected you').fill('I could not sleep');
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByLabel('Crime or incident reference').fill('CAD 1234');
    await page.getByLabel('Officer’s name or number').or(page.getByLabel("Officer's name or number")).fill('PC 5678');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Entry', level: 1 })).toBeVisible();
    await expect(page.getByText('He texted: "enjoy your last few days"')).toBeVisible();
    await expect(page.getByText(/approximately/)).toBeVisible();
    await expect(page.getByText('Yes · CAD 1234 · PC 5678')).toBeVisible();

    await page.getByRole('button', { name: 'Your log' }).click();
    await page.getByLabel('Search your log').fill('LAST days');
    await expect(page.getByText('1 entry')).toBeVisible();
    await page.getByLabel('Search your log').fill('nothing like this');
    await expect(page.getByText('No entries match.')).toBeVisible();
    await page.getByLabel('Search your log').fill('');
    await page.getByText('Filter', { exact: true }).click();
    await page.getByLabel('Kind').selectOption({ label: 'Threatened to kill' });
    await expect(page.getByText('1 entry')).toBeVisible();
    await page.getByLabel('Kind').selectOption({ label: 'Violence' });
    await expect(page.getByText('No entries match.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('From').fill('2026-01-05');
    await expect(page.getByText('No entries match.')).toBeVisible();
  });

  test('bad input: an empty entry is refused, a future time warned, an end before the start refused', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await page.getByRole('button', { name: /^Your log/ }).click();
    await page.getByRole('button', { name: 'New entry' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('Choose what happened, or describe it, before saving.');
    await page.getByLabel('When did it happen?').fill('2099-01-01T10:00');
    await expect(page.getByText('This time is in the future. Check it is right; you can still save it.')).toBeVisible();
    await page.getByLabel('When did it happen?').fill('2026-01-04T21:15');
    await page.getByLabel('It went on until (optional)').fill('2026-01-04T20:00');
    await page.getByRole('checkbox', { name: 'Followed me' }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('The end time is before the start time.');
    await expect(page.getByRole('heading', { name: 'New entry' })).toBeVisible();
  });

  test('a half-written entry survives an exit, and comes back after unlock', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await page.getByRole('button', { name: /^Settings/ }).click();
    await page.getByRole('button', { name: /^Quick exit/ }).click();
    await page.getByRole('radio', { name: 'The calculator' }).check();
    await expect(page.getByText('Saved.')).toBeVisible();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Home' }).click();
    await page.getByRole('button', { name: /^Your log/ }).click();
    await page.getByRole('button', { name: 'New entry' }).click();
    await page.getByLabel('What happened', { exact: true }).fill('He was waiting by the car park');
    await page.getByRole('button', { name: 'Exit', exact: true }).click();
    await expectCalculator(page);
    await unlockWithPin(page, PIN);
    await page.getByRole('button', { name: /^Your log/ }).click();
    await page.getByRole('button', { name: 'New entry' }).click();
    await expect(page.getByText('Your unfinished entry was kept. Carry on, or discard it.')).toBeVisible();
    await expect(page.getByLabel('What happened', { exact: true })).toHaveValue('He was waiting by the car park');
  });

  test('an edit keeps the old text in the history; a redaction destroys it and the log still verifies', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await page.getByRole('button', { name: /^Your log/ }).click();
    await page.getByRole('button', { name: 'New entry' }).click();
    await page.getByLabel('What happened', { exact: true }).fill('First account');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('What happened', { exact: true }).fill('Second account, with the time');
    await page.getByLabel('Why are you changing it? (optional)').fill('remembered the time');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Second account, with the time').first()).toBeVisible();
    await page.getByText(/^Version 1, saved/).click();
    await expect(page.getByText('First account', { exact: true })).toBeVisible();
    await expect(page.getByText(/Reason: remembered the time/)).toBeVisible();

    await page.getByRole('button', { name: 'Redact' }).click();
    await page.getByRole('dialog', { name: 'Redact this entry?' }).getByRole('button', { name: 'Destroy its content' }).click();
    await expect(page.getByText(/^Redacted on/).first()).toBeVisible();
    await expect(page.getByText('First account')).toHaveCount(0);
    await expect(page.getByText('Second account, with the time')).toHaveCount(0);
    await page.getByRole('button', { name: 'Your log' }).click();
    await expect(page.getByText('Log intact: 3 events checked.')).toBeVisible();
    await expect(page.getByRole('button', { name: /Redacted/ })).toBeVisible();
  });

  test('appends from two tabs at once never fork the chain', async ({ page, context }) => {
    await openFresh(page);
    await setUp(page);
    const other = await unlockedTab(context);
    for (const p of [page, other]) {
      await p.getByRole('button', { name: /^Quick log/ }).click();
      await p.getByRole('radio', { name: 'Threatened me' }).check();
    }
    await Promise.all([page.getByRole('button', { name: 'Save now' }).click(), other.getByRole('button', { name: 'Save now' }).click()]);
    for (const p of [page, other]) await expect(p.getByRole('status').filter({ hasText: /^Saved at/ })).toBeVisible();
    await page.getByRole('button', { name: 'Home' }).first().click();
    await page.getByRole('button', { name: /^Your log/ }).click();
    await expect(page.getByText('2 entries')).toBeVisible();
    await expect(page.getByText('Log intact: 2 events checked.')).toBeVisible();
  });

  test('warning signs appear for a seeded pattern, with the weekly counts as a table', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    const add = async (kind: string, when: string) => {
      await page.getByRole('button', { name: 'New entry' }).click();
      await page.getByLabel('When did it happen?').fill(when);
      await page.getByRole('checkbox', { name: kind, exact: true }).check();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      // The form has a "Your log" button too: wait for the saved entry before going back.
      await expect(page.getByRole('heading', { name: 'Entry', level: 1 })).toBeVisible();
      await page.getByRole('button', { name: 'Your log' }).click();
    };
    await page.getByRole('button', { name: /^Your log/ }).click();
    const today = new Date();
    const local = (daysAgo: number) => {
      const d = new Date(today.getTime() - daysAgo * 86_400_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
    };
    await add('Threatened to kill', local(9));
    await add('Strangling or choking', local(2));
    await add('Text or message', local(1));
    await expect(page.getByText('3 warning signs in your log. See what they mean.')).toBeVisible();
    await page.getByRole('button', { name: 'Patterns and warning signs' }).click();
    await expect(page.getByRole('heading', { name: 'Threats to kill' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Strangling or choking' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Happening more often' })).toBeVisible();
    await expect(page.getByText('If you are in danger now, call 999.', { exact: false })).toBeVisible();
    await expect(page.getByRole('img', { name: /Incidents per week.*3 incidents in the last 12 weeks/ })).toBeVisible();
    await page.getByText('Show as a table').click();
    const table = page.getByRole('table', { name: 'Incidents per week' });
    await expect(table.getByRole('row')).toHaveCount(13);
    await expect(table.getByRole('cell').filter({ hasText: /^[0-9]+$/ })).not.toHaveCount(0);
  });
});

