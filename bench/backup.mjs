// Backup and restore of a vault holding a 1 GB attachment (issue 4): backup.MBps from pressing "Make a
// backup" to the download finishing, restore.MBps from confirming the restore to the new-PIN screen,
// and backup.peak_mem_mb: the summed proportional set size of every Chromium process of the profile
// above its baseline, plus any growth of <profile>/blob_storage (a Blob spilled to disk counts), as
// bench/evidence.mjs measures an import. The attachment is seeded through the app's own modules
// (bench/page/seed.ts); backup and restore go through the real UI and the service worker.
import { statSync } from 'node:fs';
import { sampleMemory } from './memory.mjs';
import { openSeededProfile } from './seeded.mjs';
import { unlock } from './ui.mjs';

const BIG_MB = Number(process.env.BENCH_BACKUP_MB ?? 1024);

export async function benchBackup(chromium, port) {
  const { page, base, profile, words, close } = await openSeededProfile(chromium, port, { name: 'backup', timeoutMs: 900_000, downloads: true });
  const results = {};
  try {
    const [entry] = await page.evaluate(() => window.__bench.seed(0, 1));
    process.stdout.write(`  backup: seeding a ${BIG_MB} MB attachment…\n`);
    await page.evaluate(([id, bytes]) => window.__bench.attach([id], bytes), [entry, BIG_MB * 1024 * 1024]);

    await page.goto(base);
    await unlock(page);
    await page.getByRole('button', { name: /^Export and backup/ }).click();
    await page.getByRole('button', { name: /^Back up/ }).click();
    await page.getByRole('button', { name: 'Make a backup' }).waitFor();
    await page.waitForTimeout(2000);
    const memory = sampleMemory(profile);
    let started = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Make a backup' }).click()]);
    const path = await download.path();
    await page.getByText(/^Saved as data-/).waitFor();
    const backupMs = Date.now() - started;
    const { peakMb, byKind } = memory.stop();
    const bytes = statSync(path).size;
    results['backup.MBps'] = bytes / 1e6 / (backupMs / 1000);
    results['backup.peak_mem_mb'] = peakMb;
    results['backup.file_mb'] = bytes / 1e6;
    process.stdout.write(`  backup: peak above baseline by process: ${Object.entries(byKind).map(([k, mb]) => `${k} ${mb.toFixed(0)} MB`).join(', ')}\n`);

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
    await close();
  }
  return results;
}
