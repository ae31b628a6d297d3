// What the scale benchmarks share: the bench build (the app plus a page that drives its modules,
// bench/page/seed.ts) served on its own port, a fresh persistent Chromium profile, a vault set up
// through the UI, and the seeding page opened and unlocked.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { PIN, setUp } from './ui.mjs';

/**
 * Opens a set-up vault on a fresh profile. Returns the page, the base URL, the profile's folder, the
 * downloads folder (when asked for), the recovery words, and `close()`, which removes it all.
 */
export async function openSeededProfile(chromium, port, { name, timeoutMs, downloads: wantDownloads = false }) {
  if (!process.env.BENCH_NO_BUILD) execFileSync('npx', ['vite', 'build', '--mode', 'bench', '--logLevel', 'error'], { stdio: 'inherit' });
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['build/server/server/main.js'], { env: { ...process.env, PORT: String(port), DIST_DIR: 'build/bench-dist' }, stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 800));
  const profile = mkdtempSync(join(tmpdir(), `bench-${name}-profile-`));
  const downloads = wantDownloads ? mkdtempSync(join(tmpdir(), `bench-${name}-downloads-`)) : null;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath() ?? undefined,
    args: chromiumArgs,
    viewport: { width: 400, height: 800 },
    ...(downloads ? { acceptDownloads: true, downloadsPath: downloads } : {}),
  });
  const close = async () => {
    await context.close();
    server.kill();
    rmSync(profile, { recursive: true, force: true });
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(timeoutMs);
    await page.goto(base);
    const words = await setUp(page);
    await page.goto(`${base}/bench/page/seed.html`);
    await page.waitForFunction(() => document.title === 'ready');
    await page.evaluate((pin) => window.__bench.unlock(pin), PIN);
    return { page, base, profile, words, close };
  } catch (error) {
    await close();
    throw error;
  }
}
