// The advocate's app: a separate build on its own origin (the server's second port). She sets up her
// vault and identity, makes an invitation and sees it as a QR code and a short code; axe over every
// screen in English and in Urdu (right to left); the survivor's origin serves none of it; and the
// intro message reaches the mailbox once a survivor (here a Node signer) consumes the invite.
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { newSigner } from '../../server/relay/testing/client';
import { openLinkIntro } from '../../src/platform/vault/linkIntro';
import { fromBase64Url } from '../../src/platform/vault/bytes';
import { parseInvitationQr, parseShortCode } from '../../src/shared/protocol/link';
import { ReadMessagesResponse } from '../../src/shared/protocol/relay';
import { PORT, PRO_PORT } from '../../playwright.config';
import { type Lang, translator } from '../support/locales';

const SURVIVOR = `http://127.0.0.1:${PORT}`;
const PRO = `http://127.0.0.1:${PRO_PORT}`;
const PASSPHRASE = 'amber river quiet lantern';
const SHORT_CODE = /^([0-9A-Z*~$=]{3}-){8}[0-9A-Z*~$=]{3}$/;

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${screen}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** Sets up her device and makes one invitation; returns what the QR and short code show. */
async function setUpAndInvite(page: Page, lang: Lang, label: string) {
  const t = translator(lang);
  await page.goto(`${PRO}/`);
  await expect(page.getByRole('heading', { name: t('advocate:setup.title'), level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(t('advocate:title'));
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, lang === 'ur' ? 'rtl' : 'ltr']);
  await expectNoViolations(page, 'setup');

  await page.getByLabel(t('advocate:setup.secret'), { exact: true }).fill(PASSPHRASE);
  await page.getByLabel(t('advocate:setup.repeat'), { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: t('advocate:setup.create') }).click();
  await expect(page.getByRole('heading', { name: t('advocate:recovery.title'), level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: t('advocate:recovery.words') }).getByRole('listitem')).toHaveCount(12);
  await expectNoViolations(page, 'recovery');
  await page.getByRole('button', { name: t('advocate:recovery.done') }).click();

  await expect(page.getByRole('heading', { name: t('advocate:caseload.title'), level: 1 })).toBeVisible();
  await expect(page.getByText(t('advocate:caseload.empty'))).toBeVisible();
  await expectNoViolations(page, 'caseload (empty)');

  await page.getByRole('button', { name: t('advocate:caseload.new') }).click();
  await expect(page.getByRole('heading', { name: t('advocate:invite.title'), level: 1 })).toBeVisible();
  await page.getByRole('button', { name: t('advocate:invite.create') }).click();
  await expect(page.getByText(t('advocate:invite.labelMissing'))).toBeVisible();
  await expectNoViolations(page, 'new invitation (error)');
  // Keyboard only: the label field, then Tab to the button and Enter.
  await page.getByLabel(t('advocate:invite.label'), { exact: true }).fill(label);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: t('advocate:invite.create') })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: t('advocate:invitation.title', { label }), level: 1 })).toBeVisible();
  const qr = page.getByRole('img', { name: t('advocate:invitation.qrLabel', { label }) });
  await expect(qr).toBeVisible();
  const invitation = parseInvitationQr((await qr.getAttribute('data-qr')) ?? '');
  const shortCode = ((await page.locator('.short-code').textContent()) ?? '').trim();
  expect(shortCode).toMatch(SHORT_CODE);
  expect(parseShortCode(shortCode)).toBe(invitation.invite);
  expect(invitation.relay).toBe(SURVIVOR);
  await expectNoViolations(page, 'invitation');

  await page.getByRole('button', { name: t('advocate:invitation.safety') }).click();
  await expect(page.getByRole('heading', { name: t('advocate:safety.title', { label }), level: 1 })).toBeVisible();
  await expect(page.getByText(t('advocate:safety.waiting'))).toBeVisible();
  await expectNoViolations(page, 'safety number (waiting)');
  await page.getByRole('button', { name: t('advocate:back') }).click();
  await page.getByRole('button', { name: t('advocate:invitation.done') }).click();

  const item = page.getByRole('list', { name: t('advocate:caseload.list') }).getByRole('button').filter({ hasText: label });
  await expect(item).toContainText(t('advocate:caseload.status.waiting'));
  await expectNoViolations(page, 'caseload');
  return { invitation, shortCode, item };
}

for (const lang of ['en', 'ur'] as const satisfies readonly Lang[]) {
  test.describe(`the advocate app in ${lang}`, () => {
    test.use({ locale: lang === 'ur' ? 'ur-PK' : 'en-GB' });

    test('sets up, makes an invitation, shows its QR and short code, all axe-clean', async ({ page }) => {
      await setUpAndInvite(page, lang, lang === 'ur' ? 'کیس ۱۴' : 'Case 14 (JM)');
      // No service worker on this origin: nothing of it is kept for offline use anywhere.
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    });
  });
}

test('posts the signed intro once a survivor consumes the invite, and unlocks again', async ({ page }) => {
  const t = translator('en');
  const label = 'Case 7';
  const { invitation, item } = await setUpAndInvite(page, 'en', label);

  // A survivor's app, played by a Node signer: it joins the mailbox with the invite from the QR.
  const survivor = await newSigner();
  const consumeBody = new TextEncoder().encode(JSON.stringify({ invite: invitation.invite }));
  const consumed = await fetch(`${SURVIVOR}/relay/v1/invites/consume`, {
    method: 'POST',
    headers: { ...(await survivor.headers('POST', '/relay/v1/invites/consume', consumeBody)), 'content-type': 'application/json' },
    body: consumeBody,
  });
  expect(consumed.status).toBe(200);

  // Lock and unlock: the caseload is read again and the waiting intro goes out.
  await page.getByRole('button', { name: t('advocate:lock') }).click();
  await page.getByLabel(t('advocate:unlock.secret'), { exact: true }).fill('wrong passphrase here');
  await page.getByRole('button', { name: t('advocate:unlock.submit') }).click();
  await expect(page.getByText(t('advocate:unlock.wrong'))).toBeVisible();
  await expectNoViolations(page, 'unlock (wrong)');
  await page.getByLabel(t('advocate:unlock.secret'), { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: t('advocate:unlock.submit') }).click();
  await expect(item).toContainText(t('advocate:caseload.status.joined'));

  const path = `/relay/v1/mailboxes/${invitation.mailbox}/messages`;
  const read = await fetch(`${SURVIVOR}${path}`, { headers: await survivor.headers('GET', path) });
  expect(read.status).toBe(200);
  const { messages } = ReadMessagesResponse.parse(await read.json());
  expect(messages).toHaveLength(1);
  const [message] = messages;
  const opened = await openLinkIntro(fromBase64Url(message?.ciphertext ?? ''), { mailbox: invitation.mailbox, invite: invitation.invite, messageId: message?.id ?? '' });
  // The intro carries the same keys as the QR, signed by her identity key.
  expect(opened.intro.ecdh).toBe(invitation.ecdh);
  expect(opened.intro.signing).toBe(invitation.signing);
});

test("the survivor's origin serves nothing of the advocate app, and the advocate's has the same headers", async ({ page, request }) => {
  await page.goto(`${PRO}/`);
  await expect(page).toHaveTitle('Waymark for advocates');
  const scripts = await page.evaluate(() => [...document.querySelectorAll('script[src]')].map((s) => new URL((s as HTMLScriptElement).src).pathname));
  expect(scripts.length).toBeGreaterThan(0);

  const survivorHome = await request.get(`${SURVIVOR}/`);
  expect(await survivorHome.text()).not.toContain('advocates');
  for (const path of [...scripts, '/_config', '/pro/index.html', '/pro/', '/advocate']) {
    expect((await request.get(`${SURVIVOR}${path}`)).status(), path).toBe(404);
  }
  // And the advocate's origin has no service worker or manifest of the survivor's.
  for (const path of ['/sw.js', '/manifest.webmanifest']) expect((await request.get(`${PRO}${path}`)).status(), path).toBe(404);

  const pro = await request.get(`${PRO}/`);
  const csp = pro.headers()['content-security-policy'] ?? '';
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain(`connect-src 'self' ${SURVIVOR}`);
  expect(pro.headers()['referrer-policy']).toBe('no-referrer');
  expect((await (await request.get(`${PRO}/_config`)).json()) as unknown).toEqual({ relayOrigin: SURVIVOR });
});
