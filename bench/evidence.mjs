// Evidence log at scale (issue 3): 10,000 entries and 1,000 attachments in the vault, then save,
// search and timeline times, import throughput against plain AES-GCM, and peak memory importing a
// 500 MB file. Seeding drives the app's own modules through a bench-only page (bench/page/seed.ts)
// in the same origin; the measurements of the timeline and of the big import go through the real UI.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleMemory } from './memory.mjs';
import { openSeededProfile } from './seeded.mjs';
import { unlock } from './ui.mjs';
import { median, percentile } from './stats.mjs';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 10_000);
const ATTACHMENTS = Number(process.env.BENCH_ATTACHMENTS ?? 1_000);
const BIG_MB = Number(process.env.BENCH_BIG_MB ?? 500);

export async function benchEvidence(chromium, port) {
  const { page, base, profile, close } = await openSeededProfile(chromium, port, { name: 'evidence', timeoutMs: 120_000 });
  const results = {};
  try {
    // Seeded through the app's own modules.
    const seedStarted = Date.now();
    const ids = [];
    for (let from = 0; from < ENTRIES; from += 500) {
      ids.push(...(await page.evaluate(([a, b]) => window.__bench.seed(a, b), [from, Math.min(ENTRIES, from + 500)])));
      process.stdout.write(`\r  seeded ${ids.length} entries`);
    }
    for (let from = 0; from < ATTACHMENTS; from += 100) {
      await page.evaluate((batch) => window.__bench.attach(batch, 10_000), ids.slice(from, Math.min(ATTACHMENTS, from + 100)));
      process.stdout.write(`\r  seeded ${ids.length} entries, ${Math.min(ATTACHMENTS, from + 100)} attachments`);
    }
    results['seed.entries'] = ENTRIES;
    results['seed.attachments'] = ATTACHMENTS;
    results['seed.seconds'] = (Date.now() - seedStarted) / 1000;
    process.stdout.write('\n');

    const saves = await page.evaluate(() => window.__bench.timeSaves(50));
    results['entry.save_p95_ms'] = percentile(saves, 95);
    results['entry.save_median_ms'] = median(saves);
    const searches = await page.evaluate(() => window.__bench.timeSearch(['door', 'sister school', 'nothing matches this', 'message gate', 'night window camera']));
    results['search.ms'] = median(searches);
    const throughput = await page.evaluate((entryId) => window.__bench.throughput(entryId, 200), ids[0]);
    results['blob.encrypt_MBps'] = throughput.importMBps;
    results['blob.raw_aesgcm_MBps'] = throughput.rawMBps;
    results['blob.ratio_to_raw_aesgcm'] = throughput.importMBps / throughput.rawMBps;
    for (const [stage, figure] of Object.entries(await page.evaluate(() => window.__bench.stages(100)))) results[`blob.stage_${stage}`] = figure;

    // Timeline first paint, through the real UI: unlocked, then "Your log" to the first entries.
    const paints = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(base);
      await unlock(page);
      await page.evaluate(() => {
        window.__paint = new Promise((resolve) => {
          let clicked = 0;
          addEventListener('click', (e) => (clicked = e.timeStamp), { capture: true, once: true });
          new MutationObserver((_, o) => {
            if (document.querySelector('.entry-row')) {
              o.disconnect();
              resolve(performance.now() - clicked);
            }
          }).observe(document.getElementById('app'), { childList: true, subtree: true });
        });
      });
      await page.getByRole('button', { name: /^Your log/ }).click();
      paints.push(await page.evaluate(() => window.__paint));
      const rows = await page.locator('.entry-row').count();
      if (rows > 60) throw new Error(`timeline rendered ${rows} rows at once`);
    }
    results['timeline.first_paint_ms'] = median(paints);

    // Peak memory importing a big file through the picker.
    const file = join(mkdtempSync(join(tmpdir(), 'bench-big-')), 'clip.mp4');
    execFileSync('dd', ['if=/dev/urandom', `of=${file}`, 'bs=1M', `count=${BIG_MB}`], { stdio: 'ignore' });
    await page.locator('.entry-row').first().click();
    await page.waitForTimeout(2000);
    const memory = sampleMemory(profile);
    const started = Date.now();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Add a file' }).click()]);
    await chooser.setFiles(file);
    await page.getByText(/^Added clip\.mp4/).waitFor({ timeout: 600_000 });
    const { peakMb } = memory.stop();
    results['blob.import_500mb_seconds'] = (Date.now() - started) / 1000;
    results['blob.peak_mem_mb'] = peakMb;
    rmSync(file);
  } finally {
    await close();
  }
  return results;
}
