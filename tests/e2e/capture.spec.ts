// Capturing inside the app, with Chromium's fake camera and microphone.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { expectCalculator, newEntry, openFresh, setUp, syntheticHide, syntheticShow, unlockWithPin } from './support';

test.use({
  launchOptions: { executablePath: chromiumPath() ?? undefined, args: [...chromiumArgs, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] },
  permissions: ['camera', 'microphone'],
});

test.describe('capture in the app', () => {
  test('a photo goes straight into the vault, with its source, and media notifications show only the calculator', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await newEntry(page, 'The damage to the door');
    await page.getByRole('button', { name: 'Take a photo' }).click();
    const camera = page.getByLabel('Camera');
    await expect.poll(() => camera.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    expect(await page.evaluate(() => navigator.mediaSession.metadata?.title)).toBe('Calculator');
    await page.getByRole('button', { name: 'Take photo' }).click();
    await expect(page.getByText('Kept. The recording is locked in this app.')).toBeVisible();
    await expect(page.getByText(/image\/jpeg · Recorded in this app/)).toBeVisible();
    await expect.poll(() => page.locator('img.preview').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  });

  test('a voice note is recorded into the vault and plays back', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await newEntry(page, 'Voicemail he left');
    await page.getByRole('button', { name: 'Record a voice note' }).click();
    await page.getByRole('button', { name: 'Start recording' }).click();
    await expect(page.getByText(/^Recording: 2 seconds/)).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    await page.getByRole('button', { name: 'Stop and keep' }).click();
    await expect(page.getByText('Kept. The recording is locked in this app.')).toBeVisible();
    await expect(page.getByText(/audio\/webm.* · Recorded in this app/)).toBeVisible();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => page.locator('audio').evaluate((a: HTMLAudioElement) => a.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  });

  test('a recording stopped by the app locking is kept and filed at the next unlock', async ({ page }) => {
    await openFresh(page);
    await setUp(page);
    await newEntry(page, 'He was outside filming me');
    await page.getByRole('button', { name: 'Record video' }).click();
    await page.getByRole('button', { name: 'Start recording' }).click();
    await expect(page.getByText(/^Recording: 2 seconds/)).toBeVisible();
    await syntheticHide(page);
    await expectCalculator(page);
    await syntheticShow(page);
    await page.waitForTimeout(1500);
    await unlockWithPin(page);
    await page.getByRole('button', { name: /^Your log/ }).click();
    await expect(page.getByText('A recording stopped by the lock was kept and added to its entry.')).toBeVisible();
    await page.getByRole('button', { name: /He was outside filming me/ }).click();
    await expect(page.getByText(/video\/webm.* · Recorded in this app/)).toBeVisible();
    await expect(page.getByText('Log intact: 2 events checked.')).toHaveCount(0);
  });
});
