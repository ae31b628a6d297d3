// Offline use, damaged records and a full disk: each gets a clear message and loses nothing.
import { expect, test } from '@playwright/test';
import { PIN, expectCalculator, expectHome, lock, openFresh, press, setUp, storageInventory, unlockWithPin } from './support';

test('after the first visit it loads, unlocks and works with the network off', async ({ page, context }) => {
  await openFresh(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await setUp(page);
  await lock(page);
  await context.setOffline(true);
  await page.reload();
  await expectCalculator(page);
  await unlockWithPin(page);
  await page.getByRole('button', { name: /^Settings/ }).click();
  await page.getByRole('button', { name: /^Locking/ }).click();
  await page.getByRole('radio', { name: 'After 1 minute away' }).check();
  await expect(page.getByText('Saved.')).toBeVisible();
  await context.setOffline(false);
});

test('an altered record is reported as damaged; everything else still opens, and saving again mends it', async ({ page }) => {
  await openFresh(page);
  await setUp(page);
  await lock(page);
  // Test-only path: flip one bit of every stored ciphertext (settings and slot roles).
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('calc');
        open.onsuccess = () => {
          const tx = open.result.transaction('r', 'readwrite');
          const store = tx.objectStore('r');
          store.getAll().onsuccess = (event) => {
            for (const record of (event.target as IDBRequest<{ c: Uint8Array }[]>).result) {
              record.c[record.c.length - 3]! ^= 1;
              store.put(record);
            }
          };
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await unlockWithPin(page);
  await expect(page.getByRole('alert')).toHaveText('Your settings could not be read, so the usual settings are in use. Check them in Settings.');
  await page.getByRole('button', { name: /^Settings/ }).click();
  await page.getByRole('button', { name: /^Recovery code/ }).click();
  await page.getByRole('button', { name: 'Make a new recovery code' }).click();
  await page.getByLabel('Your current PIN').fill(PIN);
  await page.getByRole('button', { name: 'Make new code' }).click();
  await expect(page.getByText('Something stored here is damaged and could not be read. Everything else is unaffected.')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Settings', exact: false }).first().click();
  await page.getByRole('button', { name: /^Locking/ }).click();
  await page.getByRole('radio', { name: 'After 5 minutes away' }).check();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Exit', exact: true }).click();
  await page.goto('/');
  await unlockWithPin(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a full disk at the end of set-up says so, saves nothing, and set-up can finish once there is room', async ({ page, context }) => {
  await openFresh(page);
  const cdp = await context.newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await setUp(page, { region: 'GB-SCT', stopAfter: 'check' });

  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await page.getByRole('button', { name: 'Check and finish' }).click();
  await expect(page.getByRole('alert')).toContainText("Your phone's storage is full");
  expect((await storageInventory(page)).files).not.toContain('calc.dat');

  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.getByRole('button', { name: 'Check and finish' }).click();
  await expect(page.getByRole('heading', { name: "You're ready" })).toBeVisible();
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expectHome(page);
  await lock(page);
  await unlockWithPin(page);
});

test('a browser that refuses storage (private mode) is told so at the start of set-up', async ({ page }) => {
  await page.addInitScript(() => {
    StorageManager.prototype.getDirectory = () => Promise.reject(new DOMException('storage is off', 'SecurityError'));
  });
  await openFresh(page);
  await press(page, 'C1793÷0=');
  await expect(page.getByRole('alert')).toHaveText(
    'This browser is not letting the app save anything (it may be in private mode, or storage is switched off). Nothing you saved before has been lost.',
  );
});
