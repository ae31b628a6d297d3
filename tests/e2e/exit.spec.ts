import { type Page, expect, test } from '@playwright/test';
import { PIN, expectCalculator, expectHome, openFresh, press, setUp, syntheticHide, syntheticShow, unlockWithPin, unlockedTab } from './support';

const NEUTRAL = 'https://www.bbc.co.uk/weather';

/** Stands in for the neutral site, so no test request leaves this machine. */
async function stubNeutralSite(page: Page): Promise<void> {
  await page.context().route('https://www.bbc.co.uk/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' }));
}

/**
 * Records, at the end of the event's dispatch (a listener on window in the bubble phase runs after
 * the app's own handlers), whether any app content is still in the page.
 */
async function probeAfterHandlers(page: Page, type: 'click' | 'keydown' | 'pointerdown'): Promise<void> {
  await page.evaluate((type) => {
    const w = window as unknown as { __probe?: { appChildren: number; heading: boolean; calculatorHidden: boolean } };
    window.addEventListener(
      type,
      () => {
        w.__probe ??= {
          appChildren: document.getElementById('app')?.childElementCount ?? -1,
          heading: document.body.innerText.includes('Waymark'),
          calculatorHidden: document.querySelector<HTMLElement>('main.c')?.hidden !== false,
        };
      },
      { once: true },
    );
  }, type);
}

async function setExitTo(page: Page, option: string): Promise<void> {
  await page.getByRole('button', { name: /^Settings/ }).click();
  await page.getByRole('button', { name: /^Quick exit/ }).click();
  await page.getByRole('radio', { name: option }).check();
  await expect(page.getByText('Saved.')).toBeVisible();
}

test.describe('quick exit', () => {
  test('in a browser tab the Exit button replaces the page with a neutral site, and Back skips the app', async ({ page }) => {
    await stubNeutralSite(page);
    await openFresh(page);
    await setUp(page);
    const historyBefore = await page.evaluate(() => history.length);
    await page.getByRole('button', { name: 'Exit', exact: true }).click();
    await expect(page).toHaveURL(NEUTRAL);
    // The app's own history entry was replaced, not added to: Back goes to what came before the app.
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
    await page.goBack();
    expect(page.url()).toBe('about:blank');
  });

  test('with the calculator as destination: content is gone by the end of the handler', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await setExitTo(page, 'The calculator');
    await probeAfterHandlers(page, 'pointerdown');
    await page.getByRole('button', { name: 'Exit', exact: true }).click();
    const probe = await page.evaluate(() => (window as unknown as { __probe: unknown }).__probe);
    expect(probe).toEqual({ appChildren: 0, heading: false, calculatorHidden: false });
    await expectCalculator(page);
    await unlockWithPin(page);
  });

  test('Exit works with a dialog open, and the dialog is gone too', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await setExitTo(page, 'The calculator');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: /^Recovery code/ }).click();
    await page.getByRole('button', { name: 'Make a new recovery code' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a new recovery code?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Exit' }).click();
    await expectCalculator(page);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('Shift three times exits; capitals typed with Shift do not', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await setExitTo(page, 'The calculator');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: /^Quick exit/ }).click();
    await page.getByRole('radio', { name: 'A website I choose' }).check();
    const field = page.getByLabel('Website address');
    await field.fill('');
    // Capitals typed as a keyboard sends them: Shift down, the letter, Shift up. Nine Shifts in all.
    for (const letter of ['H', 'T', 'T', 'P', 'S', 'A', 'B', 'C', 'D']) await page.keyboard.press(`Shift+Key${letter}`);
    await expect(field).toHaveValue('HTTPSABCD');
    await expect(page.getByRole('heading', { name: 'Quick exit' })).toBeVisible();

    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await expect(page.getByText('Press Shift 1 more time to exit')).toBeAttached();
    await page.keyboard.press('Shift');
    await expectCalculator(page);
  });

  test('content is gone by the end of the Shift handler', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await setExitTo(page, 'The calculator');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await probeAfterHandlers(page, 'keydown');
    await page.keyboard.press('Shift');
    const probe = await page.evaluate(() => (window as unknown as { __probe: unknown }).__probe);
    expect(probe).toEqual({ appChildren: 0, heading: false, calculatorHidden: false });
  });

  test('the app never adds a history entry, and Back never shows content', async ({ page }) => {
    await page.goto('/robots.txt');
    await page.goto('/');
    await setUp(page);
    const length = await page.evaluate(() => history.length);
    await page.getByRole('button', { name: /^Settings/ }).click();
    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Home' }).click();
    expect(await page.evaluate(() => history.length)).toBe(length);
    expect(new URL(page.url()).pathname + new URL(page.url()).search + new URL(page.url()).hash).toBe('/');
    await page.goBack();
    await expect(page).toHaveURL(/robots\.txt$/);
    await page.goForward();
    await expectCalculator(page);
  });

  test('quick exit in one tab sends every other tab to its exit too', async ({ page, context }) => {
    await stubNeutralSite(page);
    await openFresh(page);
    await setUp(page);
    const other = await unlockedTab(context);
    await page.getByRole('button', { name: 'Exit', exact: true }).click();
    await expect(page).toHaveURL(NEUTRAL);
    await expect(other).toHaveURL(NEUTRAL);
  });

  test('a lock in one tab locks every other tab, and stops an unlock still running there', async ({ page, context }) => {
    await openFresh(page);
    await setUp(page);
    const other = await unlockedTab(context);
    const third = await context.newPage();
    await third.goto('/');
    await press(third, `C${PIN}=`);
    await page.getByRole('button', { name: 'Lock now' }).click();
    await expectCalculator(page);
    await expectCalculator(other);
    await third.waitForTimeout(2000);
    await expectCalculator(third);
  });
});

test.describe('locking', () => {
  test('hiding the page locks at once by default', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await syntheticHide(page);
    await expectCalculator(page);
    await syntheticShow(page);
    await expectCalculator(page);
  });

  test('with a grace period, content is unmounted while hidden and comes back within it', async ({ page }) => {
    await page.clock.install();
    await openFresh(page);
    await setUp(page);
    await page.getByRole('button', { name: /^Settings/ }).click();
    await page.getByRole('button', { name: /^Locking/ }).click();
    await page.getByRole('radio', { name: 'After 1 minute away' }).check();
    await expect(page.getByText('Saved.')).toBeVisible();

    await syntheticHide(page);
    await expectCalculator(page);
    await page.clock.runFor(30_000);
    await syntheticShow(page);
    await expect(page.getByRole('heading', { name: 'Locking' })).toBeVisible();

    await syntheticHide(page);
    await expectCalculator(page);
    await page.clock.runFor(61_000);
    await syntheticShow(page);
    await expectCalculator(page);
    await unlockWithPin(page);
  });

  test('five minutes without input locks', async ({ page }) => {
    await page.clock.install();
    await openFresh(page);
    await setUp(page);
    await page.clock.runFor(4 * 60_000);
    await expectHome(page);
    await page.clock.runFor(61_000);
    await expectCalculator(page);
  });

  test('a page put away (pagehide) comes back locked', async ({ page }) => {
    await stubNeutralSite(page);
    await openFresh(page);
    await setUp(page);
    await page.goto(NEUTRAL);
    await page.goBack();
    await expectCalculator(page);
  });
});
