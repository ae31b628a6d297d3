// Backup and restore of a vault holding a 1 GB attachment (issue 4): backup.MBps from pressing "Make a
// backup" to the download finishing, restore.MBps from confirming the restore to the new-PIN screen,
// and backup.peak_mem_mb: the summed proportional set size of every Chromium process of the profile
// above its baseline, plus any growth of <profile>/blob_storage (a Blob spilled to disk counts), as
// bench/evidence.mjs measures an import. The attachment is seeded through the app's own modules
// (bench/page/seed.ts); backup and restore go through the real UI and the service worker.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { PIN, home, press, unlock } from './ui.mjs';

const BIG_MB = Number(process.env.BENCH_BACKUP_MB ?? 1024);

function du(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? du(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
  } catch {
    return 0;
  }
}

function isChildOf(pid, profile) {
  for (let p = pid, depth = 0; p && p !== '1' && depth < 6; depth++) {
    p = readFileSync(`/proc/${p}/stat`, 'latin1').split(') ')[1]?.split(' ')[1];
    if (p && readFileSync(`/proc/${p}/cmdline`, 'latin1').includes(`--user-data-dir=${profile}`)) return true;
  }
  return false;
}

/** The kind of a Chromium process, from its command line: browser, renderer, gpu, utility (network, storage…). */
function processKind(cmd) {
  const type = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser';
  const service = /--utility-sub-type=([A-Za-z.]+)/.exec(cmd)?.[1];
  return service ? `${type}:${service.split('.').slice(-2).join('.')}` : type;
}

/** Proportional set size of every Chromium process using this profile, in MB: the sum and by kind. */
function profilePss(profile) {
  let kb = 0;
  const byKind = {};
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
      const browser = cmd.includes(`--user-data-dir=${profile}`);
      if (!browser && !(cmd.includes('chromium') && isChildOf(pid, profile))) continue;
      const pss = Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'latin1'))?.[1] ?? 0);
      kb += pss;
      const kind = processKind(cmd.replaceAll('\0', ' '));
      byKind[kind] = (byKind[kind] ?? 0) + pss / 1024;
    } catch {
      // a process that ended while we looked
    }
  }
  return { total: kb / 1024, byKind };
}

/** Set-up through the UI, returning the recovery words (bench/ui.mjs's setUp does not keep them). */
async function setUpKeepingWords(page) {
  await press(page, 'C1793÷0=');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('New PIN', { exact: true }).fill(PIN);
  await page.getByLabel('Type the PIN again', { exact: true }).fill(PIN);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'England', exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  const list = page.getByRole('list', { name: 'Recovery words' });
  await list.waitFor({ timeout: 30_000 });
  const words = await list.locator('.word').allTextContents();
  await page.getByRole('button', { name: 'I have written them down' }).click();
  for (const field of await page.locator('.field input').all()) {
    const label = await page.locator(`label[for="${await field.getAttribute('id')}"]`).textContent();
    await field.fill(words[Number(label.replace(/\D/g, '')) - 1]);
  }
  await page.getByRole('button', { name: 'Check and finish' }).click();
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await home(page).waitFor();
  return words;
}

export async function benchBackup(chromium, port) {
  if (!process.env.BENCH_NO_BUILD) execFileSync('npx', ['vite', 'build', '--mode', 'bench', '--logLevel', 'error'], { stdio: 'inherit' });
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['build/server/server/main.js'], { env: { ...process.env, PORT: String(port), DIST_DIR: 'build/bench-dist' }, stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 800));
  const profile = mkdtempSync(join(tmpdir(), 'bench-backup-profile-'));
  const downloads = mkdtempSync(join(tmpdir(), 'bench-backup-downloads-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath() ?? undefined, args: chromiumArgs, viewport: { width: 400, height: 800 }, acceptDownloads: true, downloadsPath: downloads });
  const results = {};
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(900_000);
    await page.goto(base);
    const words = await setUpKeepingWords(page);

    await page.goto(`${base}/bench/page/seed.html`);
    await page.waitForFunction(() => document.title === 'ready');
    await page.evaluate((pin) => window.__bench.unlock(pin), PIN);
    const [entry] = await page.evaluate(() => window.__bench.seed(0, 1));
    process.stdout.write(`  backup: seeding a ${BIG_MB} MB attachment…\n`);
    await page.evaluate(([id, bytes]) => window.__bench.attach([id], bytes), [entry, BIG_MB * 1024 * 1024]);

    await page.goto(base);
    await unlock(page);
    await page.getByRole('button', { name: /^Export and backup/ }).click();
    await page.getByRole('button', { name: /^Back up/ }).click();
    await page.getByRole('button', { name: 'Make a backup' }).waitFor();
    await page.waitForTimeout(2000);
    const before = profilePss(profile);
    const baseline = before.total;
    const blobBefore = du(join(profile, 'Default', 'blob_storage'));
    let peak = baseline;
    let peakBlob = blobBefore;
    // Each kind's own peak above its baseline: where the memory goes, when the total is too high.
    const peakByKind = {};
    const sampler = setInterval(() => {
      const now = profilePss(profile);
      peak = Math.max(peak, now.total);
      for (const [kind, mb] of Object.entries(now.byKind)) peakByKind[kind] = Math.max(peakByKind[kind] ?? 0, mb - (before.byKind[kind] ?? 0));
      peakBlob = Math.max(peakBlob, du(join(profile, 'Default', 'blob_storage')));
    }, 250);
    let started = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Make a backup' }).click()]);
    const path = await download.path();
    await page.getByText(/^Saved as data-/).waitFor();
    const backupMs = Date.now() - started;
    clearInterval(sampler);
    const bytes = statSync(path).size;
    results['backup.MBps'] = bytes / 1e6 / (backupMs / 1000);
    results['backup.peak_mem_mb'] = peak - baseline + (peakBlob - blobBefore) / 1e6;
    results['backup.file_mb'] = bytes / 1e6;
    process.stdout.write(`  backup: peak above baseline by process: ${Object.entries(peakByKind).map(([k, mb]) => `${k} ${mb.toFixed(0)} MB`).join(', ')}\n`);

    // Restore the same file over the vault (in the unlocked app, after the confirmation).
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByRole('button', { name: /^Restore from a backup/ }).click();
    await page.getByLabel('Backup file').setInputFiles(path);
    await page.getByLabel('Recovery code').fill(words.join(' '));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Replace with the backup' }).waitFor();
    started = Date.now();
    await page.getByRole('button', { name: 'Replace with the backup' }).click();
    await page.getByRole('heading', { name: 'Choose a new PIN or passphrase' }).waitFor();
    results['restore.MBps'] = bytes / 1e6 / ((Date.now() - started) / 1000);
    results['backup.attachment_mb'] = BIG_MB * 1.048576;
  } finally {
    await context.close();
    server.kill();
    rmSync(profile, { recursive: true, force: true });
    rmSync(downloads, { recursive: true, force: true });
  }
  return results;
}
