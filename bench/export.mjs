// Evidence pack export at scale: 1,000 entries and ~200 MB of attachments (100 files of 2 MiB) in the
// vault, then the time from pressing "Save file" in the pack flow to the download finishing, through
// the real UI and the service worker. Seeding drives the app's own modules through the bench-only
// page (bench/page/seed.ts), as bench/evidence.mjs does.
import { statSync } from 'node:fs';
import { openSeededProfile } from './seeded.mjs';
import { unlock } from './ui.mjs';

const ENTRIES = Number(process.env.BENCH_PACK_ENTRIES ?? 1_000);
const FILES = Number(process.env.BENCH_PACK_FILES ?? 100);
const FILE_BYTES = 2 * 1024 * 1024;

export async function benchExport(chromium, port) {
  const { page, base, close } = await openSeededProfile(chromium, port, { name: 'pack', timeoutMs: 600_000, downloads: true });
  const results = {};
  try {
    const ids = [];
    for (let from = 0; from < ENTRIES; from += 500) {
      ids.push(...(await page.evaluate(([a, b]) => window.__bench.seed(a, b), [from, Math.min(ENTRIES, from + 500)])));
      process.stdout.write(`\r  pack: seeded ${ids.length} entries`);
    }
    for (let from = 0; from < FILES; from += 10) {
      await page.evaluate(([batch, bytes]) => window.__bench.attach(batch, bytes), [ids.slice(from, Math.min(FILES, from + 10)), FILE_BYTES]);
      process.stdout.write(`\r  pack: seeded ${ids.length} entries, ${Math.min(FILES, from + 10)} files`);
    }
    process.stdout.write('\n');

    await page.goto(base);
    await unlock(page);
    await page.getByRole('button', { name: /^Export and backup/ }).click();
    await page.getByRole('button', { name: /^Evidence pack/ }).click();
    // The review reads every attachment's metadata and every entry's text: timed on its own.
    const reviewStarted = Date.now();
    await page.getByRole('button', { name: 'Check what goes in' }).click();
    await page.getByRole('button', { name: 'Save file' }).waitFor();
    results['export.review_ms'] = Date.now() - reviewStarted;
    const started = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save file' }).click()]);
    const path = await download.path();
    results['export.1000_entries_ms'] = Date.now() - started;
    results['export.pack_mb'] = statSync(path).size / 1e6;
    results['export.entries'] = ENTRIES;
    results['export.attachment_mb'] = (FILES * FILE_BYTES) / 1e6;
  } finally {
    await close();
  }
  return results;
}
