import { expect, test } from '@playwright/test';
import { PIN, display, expectCalculator, expectHome, failureCount, lock, openFresh, press, setUp, storageInventory, submitNote, syntheticHide, syntheticShow, unlockWithPin, writeKeyFileBytes } from './support';

test.describe('set-up and unlock', () => {
  test('set up with a PIN, lock, reject a wrong PIN, unlock with the right one', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await lock(page);

    await press(page, 'C135799=');
    await expect(display(page)).toHaveText('135799');
    await page.waitForTimeout(1500);
    await expectCalculator(page);
    expect(await failureCount(page)).toBe(1);

    await unlockWithPin(page);
    expect(await failureCount(page)).toBe(0);
  });

  test('sums that end in = are arithmetic, never attempts', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await lock(page);
    for (const sum of ['C12+30=', 'C246810+0=', 'C2468.10=', 'C246810%=', 'C246810±=']) await press(page, sum);
    await expect(display(page)).toHaveText('-246810');
    await page.waitForTimeout(500);
    await expectCalculator(page);
    expect(await failureCount(page)).toBe(0);
    await unlockWithPin(page);
  });

  test('the result shows at once and typing on abandons the attempt', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await lock(page);
    await press(page, `C${PIN}=`);
    await expect(display(page)).toHaveText(PIN);
    await press(page, '+');
    await page.waitForTimeout(2000);
    await expectCalculator(page);
    await expect(display(page)).toHaveText(`${PIN}+`);
  });

  test('an unlock still running when the page is hidden is abandoned: it never opens behind her back', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await lock(page);
    await press(page, `C${PIN}=`);
    await syntheticHide(page);
    await page.waitForTimeout(2000);
    await syntheticShow(page);
    await expectCalculator(page);
    await unlockWithPin(page);
  });

  test('a passphrase of twelve plain words still opens it (it is not mistaken for a recovery code)', async ({ page }) => {
    const passphrase = 'my dog is called rex and he is a very good boy';
    await openFresh(page);
    await setUp(page, { kind: 'passphrase', secret: passphrase });
    await lock(page);
    await submitNote(page, passphrase);
    await expectHome(page);
  });

  test('a PIN too short is refused at set-up with a reason', async ({ page }) => {
    await openFresh(page);
    await setUp(page, { secret: '12345', stopAfter: 'secret' });
    await expect(page.getByText('Your PIN needs at least 6 numbers.')).toBeVisible();
    await expect(page.getByLabel('New PIN', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  });

  test('a reload mid set-up leaves no half vault, and set-up starts again cleanly', async ({ page }) => {
    await openFresh(page);
    await setUp(page, { stopAfter: 'recovery' });
    await page.reload();
    await expectCalculator(page);
    expect((await storageInventory(page)).files).not.toContain('calc.dat');
    expect((await storageInventory(page)).databases).toEqual([]);
    await setUp(page);
  });

  test('with a passphrase: hold Enter for the Note field; a wrong passphrase just closes the note', async ({ page }) => {
    const passphrase = 'lighthouse on the river bend';
    await openFresh(page);
    await setUp(page, { kind: 'passphrase', secret: passphrase });
    await lock(page);
    await submitNote(page, 'lighthouse on the river end');
    await expect(page.getByRole('dialog', { name: 'Note' })).toBeHidden();
    await page.waitForTimeout(1500);
    await expectCalculator(page);
    await submitNote(page, passphrase);
    await expectHome(page);
  });

  test('the recovery code opens it and a new PIN must be chosen', async ({ page }) => {
    await openFresh(page);
    const words = await setUp(page);
    await lock(page);
    await submitNote(page, words.join(' '));
    await expect(page.getByRole('heading', { name: 'Choose a new PIN or passphrase' })).toBeVisible();
    await page.getByLabel('New PIN', { exact: true }).fill('975310');
    await page.getByLabel('Type the PIN again', { exact: true }).fill('975310');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectHome(page);
    await lock(page);
    await press(page, `C${PIN}=`);
    await page.waitForTimeout(1500);
    await expectCalculator(page);
    await unlockWithPin(page, '975310');
  });

  test('repeated failures slow unlocking down silently, and the count survives a reload', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await lock(page);
    for (let i = 0; i < 6; i++) {
      await press(page, `C11111${i}=`);
      await expect.poll(() => failureCount(page)).toBe(i + 1);
    }
    await page.reload();
    await expectCalculator(page);
    expect(await failureCount(page)).toBe(6);
    // The seventh attempt waits (2 s after the sixth failure) but still opens, with no message.
    await unlockWithPin(page);
    expect(await failureCount(page)).toBe(0);
  });

  test('a key file with absurd KDF parameters is refused before any work, and nothing breaks', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await lock(page);
    // Test-only path: memory = 4 GiB - 1 KiB in the header.
    await writeKeyFileBytes(page, 8, [0xff, 0xff, 0xff, 0xff]);
    await press(page, `C${PIN}=`);
    await page.waitForTimeout(1000);
    await expectCalculator(page);
    await press(page, 'C0.1+0.2=');
    await expect(display(page)).toHaveText('0.3');
    expect(await failureCount(page)).toBe(0);
  });
});
