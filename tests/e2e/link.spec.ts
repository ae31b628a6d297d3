// Linking an advocate, end to end with two browser contexts: the advocate's app on its own origin
// (PRO_PORT) makes an invitation; the survivor's app (PORT) takes the short code and her PIN, reads
// and verifies the advocate's intro, and posts her signed join with the case key; both screens show
// the same safety number; both confirm; her home says "Shared with …" and the caseload says linked.
// A tampered code is refused by name, before any request, with nothing created.
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { PRO_PORT } from '../../playwright.config';
import { formatShortCode } from '../../src/shared/protocol/link';
import { type Lang, translator } from '../support/locales';
import { PIN, openFresh, setUp } from './support';

const PRO = `http://127.0.0.1:${PRO_PORT}`;
// Two apps set up (two Argon2id vaults) and two pages polling: on a shared 2-core machine this takes
// well over the default minute. A limit on the whole test, never a timing asserted.
test.describe.configure({ timeout: 180_000 });
const PASSPHRASE = 'amber river quiet lantern';

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${screen}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** The advocate sets up her device and makes an invitation; returns its short code and QR text. */
async function advocateInvites(page: Page, label: string): Promise<{ shortCode: string; qr: string }> {
  const t = translator('en');
  await page.goto(`${PRO}/`);
  await page.getByLabel(t('advocate:setup.secret'), { exact: true }).fill(PASSPHRASE);
  await page.getByLabel(t('advocate:setup.repeat'), { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: t('advocate:setup.create') }).click();
  await page.getByRole('button', { name: t('advocate:recovery.done') }).click();
  await page.getByRole('button', { name: t('advocate:caseload.new') }).click();
  await page.getByLabel(t('advocate:invite.label'), { exact: true }).fill(label);
  await page.getByRole('button', { name: t('advocate:invite.create') }).click();
  await expect(page.getByRole('heading', { name: t('advocate:invitation.title', { label }), level: 1 })).toBeVisible();
  const qr = (await page.getByRole('img', { name: t('advocate:invitation.qrLabel', { label }) }).getAttribute('data-qr')) ?? '';
  return { shortCode: ((await page.locator('.short-code').textContent()) ?? '').trim(), qr };
}

/** The twelve groups of a safety number list, as one string. */
async function safetyDigits(page: Page, name: string): Promise<string> {
  const list = page.getByRole('list', { name });
  await expect(list.getByRole('listitem')).toHaveCount(12);
  const groups = await list.getByRole('listitem').allTextContents();
  for (const group of groups) expect(group).toMatch(/^[0-9]{5}$/);
  return groups.join(' ');
}

/** Records every request the survivor's page makes to the relay. */
function relayRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/relay/')) seen.push(request.url());
  });
  return seen;
}

test('the survivor links with a short code and her PIN; both confirm the same safety number', async ({ page, browser }) => {
  const t = translator('en');
  const caseLabel = 'Case 21 (SK)';
  const advocateLabel = 'Priya at the refuge';

  const advocateContext = await browser.newContext({ locale: 'en-GB' });
  const advocate = await advocateContext.newPage();
  const { shortCode } = await advocateInvites(advocate, caseLabel);

  await openFresh(page);
  await setUp(page);
  await page.getByRole('button', { name: t('link:home.title') }).click();
  await expect(page.getByRole('heading', { name: t('link:start.title'), level: 1 })).toBeVisible();
  // The plain warning of issue 6 comes before anything else on the screen.
  await expect(page.getByText(t('link:start.warning'))).toBeVisible();
  await expectNoViolations(page, 'link: enter');

  // A wrong PIN is refused beside the PIN field, before anything goes to the relay.
  const requests = relayRequests(page);
  await page.getByLabel(t('link:start.code'), { exact: true }).fill(shortCode.toLowerCase());
  await page.getByLabel(t('link:start.label'), { exact: true }).fill(advocateLabel);
  await page.getByLabel(t('setup:secret.current_pin'), { exact: true }).fill('999999');
  await page.getByRole('button', { name: t('link:start.submit') }).click();
  await expect(page.getByText(t('common:errors.wrong_secret'))).toBeVisible();
  expect(requests).toEqual([]);
  await expectNoViolations(page, 'link: wrong PIN');

  // Keyboard only: the PIN, then Tab to Link and Enter.
  await page.getByLabel(t('setup:secret.current_pin'), { exact: true }).fill(PIN);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: t('link:start.submit') })).toBeFocused();
  await page.keyboard.press('Enter');

  // Her side: the intro arrives once the advocate's app (open, polling) posts it; then her join goes.
  await expect(page.getByRole('heading', { name: t('link:compare.title'), level: 1 })).toBeVisible({ timeout: 30_000 });
  const hers = await safetyDigits(page, t('link:compare.number'));
  await expectNoViolations(page, 'link: compare');

  // The advocate's side: her app reads and verifies the join, then shows the number.
  await advocate.getByRole('button', { name: t('advocate:invitation.safety') }).click();
  await expect(advocate.getByRole('heading', { name: t('advocate:safety.title', { label: caseLabel }), level: 1 })).toBeVisible();
  const theirs = await safetyDigits(advocate, t('advocate:safety.number'));
  expect(theirs).toBe(hers);

  await advocate.getByRole('button', { name: t('advocate:safety.match') }).click();
  await expect(advocate.getByText(/^Confirmed on /)).toBeVisible();
  await page.getByRole('button', { name: t('link:compare.match') }).click();
  await expect(page.getByRole('heading', { name: t('link:done.title'), level: 1 })).toBeVisible();
  await expect(page.getByText(t('link:done.text', { label: advocateLabel }))).toBeVisible();
  await expectNoViolations(page, 'link: done');
  await page.getByRole('button', { name: t('link:done.home') }).click();

  const shared = page.getByText(new RegExp(`^Shared with ${advocateLabel.replace(/[()]/g, '\\$&')} since `));
  await expect(shared).toBeVisible();
  await expectNoViolations(page, 'home (linked)');

  await advocate.getByRole('button', { name: t('advocate:back') }).click();
  await advocate.getByRole('button', { name: t('advocate:invitation.done') }).click();
  const item = advocate.getByRole('list', { name: t('advocate:caseload.list') }).getByRole('button').filter({ hasText: caseLabel });
  await expect(item).toContainText(t('advocate:caseload.status.linked'));

  // Unlink is one step, and says plainly what stays with the advocate.
  await page.getByRole('button', { name: t('link:home.unlink', { label: advocateLabel }) }).click();
  await expect(page.getByRole('status').filter({ hasText: t('link:home.unlinked', { label: advocateLabel }) })).toBeVisible();
  await expect(shared).toHaveCount(0);
  await expectNoViolations(page, 'home (unlinked)');
  await advocateContext.close();
});

test('in Urdu, right to left: the survivor pastes the QR text instead, and a mismatch stops the link with nothing kept', async ({ page, browser }) => {
  const t = translator('ur');
  const en = translator('en');
  const caseLabel = 'Case 22';
  const advocateLabel = 'پریا';

  const advocateContext = await browser.newContext({ locale: 'en-GB' });
  const advocate = await advocateContext.newPage();
  const { qr } = await advocateInvites(advocate, caseLabel);

  await openFresh(page);
  await setUp(page, { language: 'ur' });
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  await page.getByRole('button', { name: t('link:home.title') }).click();
  await page.getByLabel(t('link:start.code'), { exact: true }).fill(qr);
  await page.getByLabel(t('link:start.label'), { exact: true }).fill(advocateLabel);
  await page.getByLabel(t('setup:secret.current_pin'), { exact: true }).fill(PIN);
  await page.getByRole('button', { name: t('link:start.submit') }).click();

  await expect(page.getByRole('heading', { name: t('link:compare.title'), level: 1 })).toBeVisible({ timeout: 30_000 });
  const hers = await safetyDigits(page, t('link:compare.number'));
  // The digits read left to right even on a right-to-left page, as on the advocate's screen.
  expect(await page.getByRole('list', { name: t('link:compare.number') }).getAttribute('dir')).toBe('ltr');
  await expectNoViolations(page, 'link: compare (ur)');

  await advocate.getByRole('button', { name: en('advocate:invitation.safety') }).click();
  expect(await safetyDigits(advocate, en('advocate:safety.number'))).toBe(hers);

  // She says they do not match: the link stops and nothing of it is kept.
  await page.getByRole('button', { name: t('link:compare.mismatch') }).click();
  await expect(page.getByRole('heading', { name: t('link:stopped.title'), level: 1 })).toBeVisible();
  await expectNoViolations(page, 'link: stopped (ur)');
  await page.getByRole('button', { name: t('link:stopped.home') }).click();
  await expect(page.getByRole('heading', { name: t('home:title'), level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: t('link:home.unlink', { label: advocateLabel }) })).toHaveCount(0);
  await page.getByRole('button', { name: t('link:home.title') }).click();
  await expect(page.getByLabel(t('link:start.code'), { exact: true })).toHaveValue('');
  await advocateContext.close();
});

for (const lang of ['en', 'ur'] as const satisfies readonly Lang[]) {
  test(`a tampered or malformed code is refused by name, with nothing sent or kept (${lang})`, async ({ page }) => {
    const t = translator(lang);
    await openFresh(page);
    await setUp(page, { language: lang });
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ur' ? 'rtl' : 'ltr');
    const requests = relayRequests(page);
    await page.getByRole('button', { name: t('link:home.title') }).click();

    // A real code with one symbol changed: its check symbol no longer matches.
    const code = formatShortCode('AAECAwQFBgcICQoLDA0ODw');
    const tampered = (code[0] === '0' ? '1' : '0') + code.slice(1);
    await page.getByLabel(t('link:start.code'), { exact: true }).fill(tampered);
    await page.getByLabel(t('link:start.label'), { exact: true }).fill('A');
    await page.getByLabel(t('setup:secret.current_pin'), { exact: true }).fill(PIN);
    await page.getByRole('button', { name: t('link:start.submit') }).click();
    await expect(page.getByText(t('link:errors.bad_check'))).toBeVisible();
    await expectNoViolations(page, `link: tampered code (${lang})`);

    for (const [text, error] of [
      ['{"v":1,"relay":"http://x"}', 'malformed'],
      ['{"v":2}', 'unsupported_version'],
      [code.slice(3), 'bad_length'],
      [`U${code.slice(1)}`, 'bad_character'],
    ] as const) {
      await page.getByLabel(t('link:start.code'), { exact: true }).fill(text);
      await page.getByLabel(t('setup:secret.current_pin'), { exact: true }).fill(PIN);
      await page.getByRole('button', { name: t('link:start.submit') }).click();
      await expect(page.getByText(t(`link:errors.${error}`))).toBeVisible();
    }
    expect(requests).toEqual([]);

    // Nothing was kept: home shows no link, and a fresh open of the screen starts from the code.
    await page.getByRole('button', { name: t('common:back') }).click();
    await expect(page.getByRole('heading', { name: t('home:title'), level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: t('link:home.unlink', { label: 'A' }) })).toHaveCount(0);
    await page.getByRole('button', { name: t('link:home.title') }).click();
    await expect(page.getByLabel(t('link:start.code'), { exact: true })).toHaveValue('');
  });
}
