// A new version is fetched quietly and taken up at the next start: never mid-use, never with a
// prompt. The test serves a copy of the build, changes it as a new release would, and watches.
import { expect, test } from '@playwright/test';
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectCalculator } from './support';

const PORT = 4186;
let server: ChildProcess;
let dist: string;

test.beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'dist-'));
  cpSync('dist', dist, { recursive: true });
  server = spawn(process.execPath, ['build/server/server/main.js'], { env: { ...process.env, PORT: String(PORT), DIST_DIR: dist }, stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    if (await fetch(`http://127.0.0.1:${PORT}/`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

test.afterAll(() => {
  server.kill();
  rmSync(dist, { recursive: true, force: true });
});

/** A release: the page gains a marker, and the service worker's precache lists the new page. */
function release(): void {
  const page = join(dist, 'index.html');
  writeFileSync(page, readFileSync(page, 'utf8').replace('<title>', '<meta name="x-release" content="2" />\n    <title>'));
  const sw = join(dist, 'sw.js');
  writeFileSync(sw, readFileSync(sw, 'utf8').replace(/("revision":")[0-9a-f]+(","url":"index\.html")/, '$1fffffffffffffffffffffffffffffff$2'));
}

test('a new version installs quietly and is taken up at the next start', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${PORT}` });
  const first = await context.newPage();
  await first.goto('/');
  await first.evaluate(() => navigator.serviceWorker.ready);
  await expectCalculator(first);

  release();
  // While the app is in use, a reload still gives the version it started with, and nothing is shown.
  await first.reload();
  await expectCalculator(first);
  await expect(first.locator('meta[name="x-release"]')).toHaveCount(0);
  await expect.poll(() => first.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)), { timeout: 20_000 }).toBe(true);
  await expect(first.getByRole('dialog')).toHaveCount(0);

  // Closed and started again: the new version.
  await first.close();
  const next = await context.newPage();
  await next.goto('/');
  await expect.poll(async () => {
    await next.reload();
    return next.locator('meta[name="x-release"]').count();
  }, { timeout: 20_000 }).toBe(1);
  await expectCalculator(next);
  await context.close();
});
