// Evidence files: kept byte for byte, previewed and played through the service worker, and saved
// back out with the same SHA-256.
import { type Page, expect, test } from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectCalculator, newEntry, openFresh, setUp, syntheticHide, syntheticShow } from './support';

const work = mkdtempSync(join(tmpdir(), 'evidence-'));
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

// A 1×1 red PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64');

async function attach(page: Page, button: 'Add from photos' | 'Add a file', path: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: button }).click()]);
  await chooser.setFiles(path);
}

/** A real WebM clip, recorded from a canvas in the browser (test-only: the app never makes media). */
async function makeWebm(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const recorder = new MediaRecorder(canvas.captureStream(15), { mimeType: 'video/webm' });
    const parts: Blob[] = [];
    recorder.ondataavailable = (e) => parts.push(e.data);
    const done = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start(100);
    for (let i = 0; i < 20; i++) {
      ctx.fillStyle = `hsl(${i * 18}, 80%, 50%)`;
      ctx.fillRect(0, 0, 64, 48);
      await new Promise((r) => setTimeout(r, 50));
    }
    recorder.stop();
    await done;
    return Array.from(new Uint8Array(await new Blob(parts).arrayBuffer()));
  });
  return Buffer.from(bytes);
}

test.describe('evidence files', () => {
  test('a photo from the gallery: kept exactly, shown, and she is told the original is still there', async ({ page }) => {
    const path = join(work, 'IMG_0042.png');
    writeFileSync(path, PNG);
    await openFresh(page);
    await setUp(page);
    await newEntry(page, 'Photo of the lock');
    await attach(page, 'Add from photos', path);
    await expect(page.getByText('Added IMG_0042.png. The copy here is exact and locked.')).toBeVisible();
    await expect(page.getByText('The original is still in your photos, gallery or chat app, where someone else might see it.')).toBeVisible();
    await page.getByRole('button', { name: 'I will delete the original' }).click();
    await expect(page.getByText(/Recently deleted/)).toBeVisible();
    await expect(page.getByText(sha256(PNG))).toBeVisible();
    await expect(page.getByText(/From photos/)).toBeVisible();
    const image = page.getByRole('img', { name: 'IMG_0042.png' });
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    expect(await image.getAttribute('src')).toMatch(/^\/_m\/[A-Za-z0-9_-]+$/);
    await expect(page.getByText('Log intact: 2 events checked.')).toHaveCount(0);
  });

  test('a 50 MB clip imports and comes back out through the app’s own download with the same SHA-256', async ({ page }) => {
    test.setTimeout(120_000);
    const data = randomBytes(50 * 1024 * 1024);
    const path = join(work, 'doorbell-export.mp4');
    writeFileSync(path, data);
    await openFresh(page);
    await setUp(page);
    await newEntry(page, 'Doorbell footage of him at the door');
    await attach(page, 'Add a file', path);
    await expect(page.getByText('Added doorbell-export.mp4. The copy here is exact and locked.')).toBeVisible({ timeout: 90_000 });
    await expect(page.getByText(sha256(data))).toBeVisible();
    const historyBefore = await page.evaluate(() => history.length);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save a copy' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^\d{8}-\d{4}\.mp4$/);
    // Saving a copy leaves the app where it was, with no history entry and no address change.
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.getByText('Doorbell footage of him at the door')).toBeVisible();
    const saved = join(work, 'saved.mp4');
    await download.saveAs(saved);
    expect(sha256(readFileSync(saved))).toBe(sha256(data));
  });

  test('a video plays through the service worker, a range at a time', async ({ page }) => {
    await openFresh(page);
    const path = join(work, 'clip.webm');
    writeFileSync(path, await makeWebm(page));
    await setUp(page);
    await newEntry(page, 'Clip');
    const ranges: string[] = [];
    page.on('request', (r) => r.url().includes('/_m/') && ranges.push(r.headers().range ?? 'none'));
    await attach(page, 'Add a file', path);
    await page.getByRole('button', { name: 'Play' }).click();
    const video = page.locator('video');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    expect(await video.evaluate((v: HTMLVideoElement) => v.error)).toBeNull();
    expect(ranges.some((r) => r.startsWith('bytes='))).toBe(true);
  });

  test('an altered segment shows that file as damaged, and the entry still opens', async ({ page }) => {
    const path = join(work, 'screenshot.png');
    writeFileSync(path, PNG);
    await openFresh(page);
    await setUp(page);
    await newEntry(page, 'Screenshot of his messages');
    await attach(page, 'Add a file', path);
    await expect(page.getByText(/^Added screenshot\.png/)).toBeVisible();
    // Test-only path: flip a bit in the stored segment.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('calc');
          open.onsuccess = () => {
            const tx = open.result.transaction('s', 'readwrite');
            tx.objectStore('s').getAll().onsuccess = (event) => {
              for (const segment of (event.target as IDBRequest<{ c: Uint8Array }[]>).result) {
                segment.c[3]! ^= 1;
                tx.objectStore('s').put(segment);
              }
            };
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.getByRole('button', { name: 'Your log' }).click();
    await page.getByRole('button', { name: /Screenshot of his messages/ }).click();
    await expect(page.getByText('This file is damaged and cannot be opened. Everything else is unaffected.')).toBeVisible();
    await expect(page.getByText('Screenshot of his messages')).toBeVisible();
  });

  test('the page hiding for the file picker does not lock; the next hide after it does', async ({ page }) => {
    const path = join(work, 'call-log.png');
    writeFileSync(path, PNG);
    await openFresh(page);
    await setUp(page);
    await newEntry(page, 'Call log');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Add a file' }).click()]);
    // On a phone the picker covers the app: the page is hidden while she chooses.
    await syntheticHide(page);
    await syntheticShow(page);
    await chooser.setFiles(path);
    await expect(page.getByText(/^Added call-log\.png/)).toBeVisible();
    await syntheticHide(page);
    await expectCalculator(page);
  });
});

