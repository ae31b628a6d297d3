// Evidence log at scale (issue 3): 10,000 entries and 1,000 attachments in the vault, then save,
// search and timeline times, import throughput against plain AES-GCM, and peak memory importing a
// 500 MB file. Seeding drives the app's own modules through a bench-only page (bench/page/seed.ts)
// in the same origin; the measurements of the timeline and of the big import go through the real UI.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { PIN, setUp, unlock } from './ui.mjs';
import { median, percentile } from './stats.mjs';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 10_000);
const ATTACHMENTS = Number(process.env.BENCH_ATTACHMENTS ?? 1_000);
const BIG_MB = Number(process.env.BENCH_BIG_MB ?? 500);

function du(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? du(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
  } catch {
    return 0;
  }
}

/** Summed proportional set size of every Chromium process using this profile, in MB. */
function profilePssMb(profile) {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
      const browser = cmd.includes(`--user-data-dir=${profile}`);
      const child = !browser && cmd.includes('chromium') && isChildOf(pid, profile);
      if (!browser && !child) continue;
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'latin1');
      kb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // a process that ended while we looked
    }
  }
  return kb / 1024;
}

function isChildOf(pid, profile) {
  for (let p = pid, depth = 0; p && p !== '1' && depth < 6; depth++) {
    p = readFileSync(`/proc/${p}/stat`, 'latin1').split(') ')[1]?.split(' ')[1];
    if (p && readFileSync(`/proc/${p}/cmdline`, 'latin1').includes(`--user-data-dir=${profile}`)) return true;
  }
  return false;
}

export async function benchEvidence(chromium, port) {
  execFileSync('npx', ['vite', 'build', '--mode', 'bench', '--logLevel', 'error'], { stdio: 'inherit' });
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['build/server/server/main.js'], { env: { ...process.env, PORT: String(port), DIST_DIR: 'build/bench-dist' }, stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 800));
  const profile = mkdtempSync(join(tmpdir(), 'bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath() ?? undefined, args: chromiumArgs, viewport: { width: 400, height: 800 } });
  const results = {};
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(120_000);
    await page.goto(base);
    await setUp(page);

    // Seed through the app's own modules.
    await page.goto(`${base}/bench/page/seed.html`);
    await page.waitForFunction(() => document.title === 'ready');
    await page.evaluate((pin) => window.__bench.unlock(pin), PIN);
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
    const baseline = profilePssMb(profile);
    const blobBefore = du(join(profile, 'Default', 'blob_storage'));
    let peak = baseline;
    let peakBlob = blobBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, profilePssMb(profile));
      peakBlob = Math.max(peakBlob, du(join(profile, 'Default', 'blob_storage')));
    }, 250);
    const started = Date.now();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Add a file' }).click()]);
    await chooser.setFiles(file);
    await page.getByText(/^Added clip\.mp4/).waitFor({ timeout: 600_000 });
    clearInterval(sampler);
    results['blob.import_500mb_seconds'] = (Date.now() - started) / 1000;
    results['blob.peak_mem_mb'] = peak - baseline + (peakBlob - blobBefore) / 1e6;
    rmSync(file);
  } finally {
    await context.close();
    server.kill();
    rmSync(profile, { recursive: true, force: true });
  }
  return results;
}
