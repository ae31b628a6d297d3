import { type Page, expect, test } from '@playwright/test';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { display, expectCalculator, expectHome, lock, openFresh, press, setUp, storageInventory } from './support';

const REVEALING = /abuse|domestic|safety|evidence|breach|helpline|advocate|police|victim|vault|waymark|refuge/i;

/** Everything a first look at the page could take in: its markup, text and accessible names. */
async function firstLook(page: Page): Promise<string> {
  return page.evaluate(() => {
    const names = [...document.querySelectorAll('[aria-label],[title],[alt]')].map((el) => `${el.getAttribute('aria-label')} ${el.getAttribute('title')} ${el.getAttribute('alt')}`);
    return [document.title, document.documentElement.outerHTML, document.body.innerText, ...names].join('\n');
  });
}

test.describe('the disguise', () => {
  test('a first look reveals only a calculator: page, title, names, manifest, entry JS and CSS', async ({ page, request }) => {
    await openFresh(page);
    await expect(page).toHaveTitle('Calculator');
    expect(await firstLook(page)).not.toMatch(REVEALING);
    await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#1c1c1e');

    const manifest = await (await request.get('/manifest.webmanifest')).json();
    expect(manifest.name).toBe('Calculator');
    expect(JSON.stringify(manifest)).not.toMatch(REVEALING);

    const html = await (await request.get('/')).text();
    expect(html).not.toMatch(REVEALING);
    const firstLoad = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
    expect(firstLoad.length).toBeGreaterThanOrEqual(2);
    for (const path of firstLoad) {
      expect(path).toMatch(/^\/assets\/[A-Za-z0-9_-]+\.(js|css)$/);
      expect(await (await request.get(path)).text()).not.toMatch(REVEALING);
    }
  });

  test('the build names files by hash only and ships no source maps', async () => {
    const assets = readdirSync(join('dist', 'assets'));
    expect(assets.length).toBeGreaterThan(5);
    for (const name of assets) expect(name).toMatch(/^[A-Za-z0-9_-]{8}\.(js|css)$/);
    const all = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(join(dir, e.name)) : [e.name]));
    expect(all('dist').filter((name) => name.endsWith('.map'))).toEqual([]);
    expect(existsSync(join('dist', 'sw.js'))).toBe(true);
  });

  test('it is a real calculator, by touch and by keyboard', async ({ page }) => {
    await openFresh(page);
    const cases: [string, string][] = [
      ['C0.1+0.2=', '0.3'],
      ['C12+3×4=', '24'],
      ['C50+10%=', '55'],
      ['C9÷3−1=', '2'],
      ['C7±×3=', '-21'],
      ['C1÷0=', "Can't divide by 0"],
      ['C1.5×4=', '6'],
      ['C123⌫=', '12'],
    ];
    for (const [keys, shown] of cases) {
      await press(page, keys);
      await expect(display(page)).toHaveText(shown);
    }
    await page.keyboard.press('Escape');
    await page.keyboard.type('2*21');
    await expect(display(page)).toHaveText('2×21');
    await page.keyboard.press('Enter');
    await expect(display(page)).toHaveText('42');
    await page.keyboard.type('/2-1=');
    await expect(display(page)).toHaveText('20');
  });

  test('the display is not a live region, so a screen reader does not speak a PIN as it is typed', async ({ page }) => {
    await openFresh(page);
    const live = await page.evaluate(() => [...document.querySelectorAll('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], output')].length);
    expect(live).toBe(0);
  });

  test('a fresh profile and a wiped profile look the same', async ({ page, context }) => {
    await openFresh(page);
    const fresh = { look: await firstLook(page), storage: await storageInventory(page) };
    expect(fresh.storage).toEqual({ databases: [], files: [] });

    await setUp(page);
    await lock(page);
    expect((await storageInventory(page)).files).toContain('calc.dat');
    // Wiped as a browser's "clear site data" wipes: every kind of storage for the origin.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(page.url()).origin, storageTypes: 'all' });
    await page.reload();
    await expectCalculator(page);
    expect(await storageInventory(page)).toEqual(fresh.storage);
    expect(await firstLook(page)).toBe(fresh.look);
    await press(page, 'C1793÷0=');
    await expect(page.getByRole('heading', { name: 'Set up your private space' })).toBeVisible();
  });

  test('once set up, the set-up sequence is only a sum', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await lock(page);
    await press(page, 'C1793÷0=');
    await expect(display(page)).toHaveText("Can't divide by 0");
    await page.waitForTimeout(500);
    await expectCalculator(page);
  });

  test('while unlocked, the title, icon and theme colour stay the calculator’s', async ({ page }) => {
    const identity = () =>
      page.evaluate(() => [document.title, ...[...document.head.querySelectorAll('link[rel~="icon"], link[rel="manifest"], link[rel="apple-touch-icon"], meta[name="theme-color"], meta[name="apple-mobile-web-app-title"]')].map((el) => el.outerHTML)]);
    await openFresh(page);
    const before = await identity();
    expect(before[0]).toBe('Calculator');
    expect(before.length).toBe(7);
    await setUp(page);
    await expectHome(page);
    expect(await identity()).toEqual(before);
  });

  test('on an iPhone in a Safari tab, the sequence shows how to add it to the Home Screen, not set-up', async ({ browser, baseURL }) => {
    const context = await browser.newContext({
      baseURL,
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await openFresh(page);
    await press(page, 'C1793÷0=');
    await expect(page.getByRole('heading', { name: 'Add it to your Home Screen first' })).toBeVisible();
    await page.getByRole('button', { name: 'Close' }).click();
    await expectCalculator(page);
    expect(await storageInventory(page)).toEqual({ databases: [], files: [] });
    await context.close();
  });

  test('in Chromium, set-up offers the install prompt', async ({ page }) => {
    // A synthetic beforeinstallprompt (the browser decides when to fire the real one): the app must
    // keep it and offer it at the end of set-up.
    await page.addInitScript(() => {
      addEventListener('load', () => {
        const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & { prompt(): Promise<void>; userChoice: Promise<{ outcome: string }> };
        event.prompt = async () => void ((window as unknown as { __prompted: boolean }).__prompted = true);
        event.userChoice = Promise.resolve({ outcome: 'accepted' });
        dispatchEvent(event);
      });
    });
    await openFresh(page);
    await setUp(page, { region: 'GB-WLS', stopAfter: 'check' });
    await page.getByRole('button', { name: 'Check and finish' }).click();
    await page.getByRole('button', { name: 'Install' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __prompted?: boolean }).__prompted)).toBe(true);
  });
});
