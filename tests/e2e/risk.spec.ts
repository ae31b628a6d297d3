// Danger signs, driven as she would use them: signs marked privately beside what her log shows, a
// history of checks, an IDVA's assessment recorded; axe over every screen in English and Urdu.
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { type Lang, translator } from '../support/locales';
import { openFresh, setUp } from './support';

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${screen}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** From home: a full entry with the given kinds ticked, then back home. */
async function logEntry(page: Page, lang: Lang, kinds: string[], what: string): Promise<void> {
  const t = translator(lang);
  await page.getByRole('button', { name: new RegExp(`^${t('evidence:home.log')}`) }).click();
  await page.getByRole('button', { name: t('evidence:timeline.newEntry') }).click();
  for (const kind of kinds) await page.getByRole('checkbox', { name: t(`evidence:kinds.${kind}`), exact: true }).check();
  await page.getByLabel(t('evidence:entry.what'), { exact: true }).fill(what);
  await page.getByRole('button', { name: t('evidence:entry.save'), exact: true }).click();
  await expect(page.getByRole('heading', { name: t('evidence:view.title'), level: 1 })).toBeVisible();
  await page.getByRole('button', { name: t('evidence:timeline.title') }).click();
  await page.getByRole('button', { name: t('common:home') }).click();
  await expect(page.getByRole('heading', { name: t('home:title'), level: 1 })).toBeVisible();
}

async function openDangerSigns(page: Page, lang: Lang = 'en'): Promise<void> {
  const t = translator(lang);
  await page.getByRole('button', { name: new RegExp(`^${t('risk:home.title')}`) }).click();
  await expect(page.getByRole('heading', { name: t('risk:title'), level: 1 })).toBeVisible();
}

const sign = (page: Page, title: string) => page.getByRole('group', { name: title, exact: true });

test.describe('danger signs', () => {
  test('signs marked privately beside the log’s flags, saved, compared over time, and an assessment recorded', async ({ page }) => {
    test.setTimeout(90_000);
    await openFresh(page);
    await setUp(page);
    await logEntry(page, 'en', ['threat_to_kill', 'violence'], 'He said he would kill me if I left');
    await openDangerSigns(page);
    await expect(page.getByText("This can't tell you that you are safe. If you are in danger now, call 999.")).toBeVisible();
    await expect(page.getByText('You have not saved a check yet.')).toBeVisible();

    // The logged threat shows beside "Threats to kill" before she has marked anything.
    const threats = sign(page, 'Threats to kill');
    await expect(threats.getByText('Your log shows:')).toBeVisible();
    await expect(threats.getByText('In 1 entry, most recently', { exact: false })).toBeVisible();
    await expect(threats.getByRole('radio', { name: 'Yes', exact: true })).not.toBeChecked();
    await expect(sign(page, 'Harming pets').getByText('Your log shows:')).toHaveCount(0);
    // Violence belongs to no single sign: it is shown on its own, not hidden.
    await expect(page.getByRole('heading', { name: 'Other warning signs in your log', level: 2 })).toBeVisible();

    await threats.getByRole('radio', { name: 'Yes', exact: true }).check();
    await sign(page, 'You are very frightened of what he might do').getByRole('radio', { name: 'Yes', exact: true }).check();
    await sign(page, 'Stalking, following or constant contact').getByRole('radio', { name: 'Not sure', exact: true }).check();
    await sign(page, 'Harming pets').getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByRole('button', { name: 'Save this check' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved. Check again whenever things change' })).toBeVisible();

    // Saved, encrypted, and read back: her answers are there when she comes again, still beside the flag.
    await page.getByRole('button', { name: 'Home' }).click();
    await openDangerSigns(page);
    await expect(page.getByText(/^You last saved a check on /)).toBeVisible();
    await expect(sign(page, 'Threats to kill').getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
    await expect(sign(page, 'Threats to kill').getByText('Your log shows:')).toBeVisible();
    await expect(sign(page, 'Stalking, following or constant contact').getByRole('radio', { name: 'Not sure', exact: true })).toBeChecked();
    await expect(sign(page, 'Harming pets').getByRole('radio', { name: 'No', exact: true })).toBeChecked();

    // A second check: one more sign.
    await sign(page, 'Harming pets').getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.getByRole('button', { name: 'Save this check' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Saved\. 1 more sign than on .+\.$/ })).toBeVisible();

    await page.getByRole('button', { name: /^Earlier checks/ }).click();
    await expect(page.getByRole('heading', { name: 'Earlier checks', level: 1 })).toBeVisible();
    const checks = page.getByRole('listitem');
    await expect(checks).toHaveCount(2);
    await expect(checks.first().getByText(/^1 more sign than on /)).toBeVisible();
    await expect(checks.first().getByText('New: Harming pets.')).toBeVisible();
    await expect(checks.last().getByText('Your first saved check.')).toBeVisible();
    await checks.first().getByText('What you marked').click();
    await expect(checks.first().getByText('Yes: Threats to kill, Harming pets, You are very frightened of what he might do.')).toBeVisible();
    await expect(checks.first().getByText('Not sure: Stalking, following or constant contact.')).toBeVisible();
    // Never a score or a level.
    await expect(page.getByText(/score|high risk|low risk|medium risk/i)).toHaveCount(0);

    await page.getByRole('button', { name: 'Danger signs' }).click();
    await page.getByRole('button', { name: /^Risk assessment with an IDVA/ }).click();
    await expect(page.getByRole('heading', { name: 'Risk assessment with an IDVA', level: 1 })).toBeVisible();
    await expect(page.getByText(/refer you to a Marac/)).toBeVisible();

    // Bad input: no date, and text too long. Nothing saved, and a reason beside each field.
    await page.getByLabel('Who did it').fill('x'.repeat(201));
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await expect(page.getByText('Please check the highlighted fields. Nothing was saved.')).toBeVisible();
    await expect(page.getByText('Enter the date of the assessment.')).toBeVisible();
    await expect(page.getByText('This is too long. Please shorten it.')).toBeVisible();
    await expect(page.getByText('You have not recorded an assessment yet.')).toBeVisible();

    await page.getByLabel('Date of the assessment').fill('2026-01-05');
    await page.getByLabel('Who did it').fill('Sam, Safer Places IDVA');
    await page.getByLabel('What came out of it').fill('New locks; referred to the Marac on 12 January.');
    await page.getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Assessment saved.' })).toBeVisible();
    const recorded = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '5 January 2026', level: 3 }) });
    await expect(recorded.getByText('Sam, Safer Places IDVA')).toBeVisible();
    await expect(recorded.getByText('New locks; referred to the Marac on 12 January.')).toBeVisible();
    await expect(recorded.getByRole('definition').filter({ hasText: /^Yes$/ })).toBeVisible();
    // The form is empty again for the next one.
    await expect(page.getByLabel('Who did it')).toHaveValue('');

    // Kept encrypted and read back after leaving the screen.
    await page.getByRole('button', { name: 'Danger signs' }).click();
    await page.getByRole('button', { name: /^Risk assessment with an IDVA/ }).click();
    await expect(page.getByRole('heading', { name: '5 January 2026', level: 3 })).toBeVisible();
  });

  test('a check with nothing marked is refused and nothing is saved; the helplines are one tap away', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await openDangerSigns(page);
    await page.getByRole('button', { name: 'Save this check' }).click();
    await expect(page.getByText('Answer at least one sign before saving. Nothing was saved.')).toBeVisible();
    await page.getByRole('button', { name: /^Earlier checks/ }).click();
    await expect(page.getByText('You have not saved a check yet.')).toBeVisible();
    await page.getByRole('button', { name: 'Danger signs' }).click();
    await page.getByRole('button', { name: /^Risk assessment with an IDVA/ }).click();
    await page.getByRole('button', { name: 'Find a helpline' }).click();
    await expect(page.getByRole('heading', { name: translator('en')('helplines:title'), level: 1 })).toBeVisible();
  });
});

for (const lang of ['en', 'ur'] as const satisfies readonly Lang[]) {
  const t = translator(lang);
  test.describe(`danger signs: accessibility in ${lang}`, () => {
    test.use({ locale: lang === 'ur' ? 'ur-PK' : 'en-GB' });

    test('every danger-signs screen, with log flags, a saved history, and form errors', async ({ page }) => {
      test.setTimeout(90_000);
      await page.goto('/');
      await setUp(page, { language: lang, calculatorLanguage: lang });
      await logEntry(page, lang, ['threat_to_kill', 'violence'], 'x');
      await openDangerSigns(page, lang);
      await expect(sign(page, t('risk:factors.threats_to_kill.title')).getByText(t('risk:signs.logShows'))).toBeVisible();
      await expectNoViolations(page, 'signs');

      await sign(page, t('risk:factors.threats_to_kill.title')).getByRole('radio', { name: t('risk:answers.yes') }).check();
      await page.getByRole('button', { name: t('risk:signs.save') }).click();
      await expect(page.getByText(t('risk:signs.savedFirst'))).toBeVisible();
      await sign(page, t('risk:factors.pets.title')).getByRole('radio', { name: t('risk:answers.unsure') }).check();
      await page.getByRole('button', { name: t('risk:signs.save') }).click();
      await expect(page.getByRole('status').filter({ hasText: t('risk:signs.saved') })).toBeVisible();
      await expectNoViolations(page, 'signs saved');

      await page.getByRole('button', { name: new RegExp(`^${t('risk:history.title')}`) }).click();
      await expect(page.getByRole('heading', { name: t('risk:history.title'), level: 1 })).toBeVisible();
      await expect(page.getByRole('listitem')).toHaveCount(2);
      await page.getByText(t('risk:history.details')).first().click();
      await expectNoViolations(page, 'history');

      await page.getByRole('button', { name: t('risk:title') }).click();
      await page.getByRole('button', { name: new RegExp(`^${t('risk:assessment.title')}`) }).click();
      await expect(page.getByRole('heading', { name: t('risk:assessment.title'), level: 1 })).toBeVisible();
      await expectNoViolations(page, 'assessments');
      await page.getByRole('button', { name: t('risk:assessment.form.save') }).click();
      await expect(page.getByText(t('risk:assessment.form.problems.dateMissing'))).toBeVisible();
      await expectNoViolations(page, 'assessment errors');
      await page.getByLabel(t('risk:assessment.form.on')).fill('2026-01-05');
      await page.getByLabel(t('risk:assessment.form.by')).fill('IDVA');
      await page.getByRole('button', { name: t('risk:assessment.form.save') }).click();
      await expect(page.getByText(t('risk:assessment.form.saved'))).toBeVisible();
      await expectNoViolations(page, 'assessment saved');
    });
  });
}
