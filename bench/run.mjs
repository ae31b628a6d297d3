// `npm run bench`: measures the foundation in real Chromium against the real server, prints a table
// and writes bench/results/latest.json (a flat map of id → number). Benchmarks measure; they assert
// nothing. Headless Chromium on this machine is not a phone: read the figures as relative.
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { ensureChromium, ensureDependencies } from '../scripts/prepare.mjs';
import { bundleSizes, firstLoadGzipKb } from './bundles.mjs';
import { benchBackup } from './backup.mjs';
import { benchCare } from './care.mjs';
import { benchEvidence } from './evidence.mjs';
import { benchExport } from './export.mjs';
import { benchRelay } from './relay.mjs';
import { PIN, press, setUp, unlock } from './ui.mjs';
import { median, percentile } from './stats.mjs';

ensureDependencies();
ensureChromium();
if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });

const PORT = Number(process.env.BENCH_PORT ?? 4190);
const BASE = `http://127.0.0.1:${PORT}`;
const EXIT_RUNS = Number(process.env.BENCH_EXIT_RUNS ?? 50);
const UNLOCK_RUNS = Number(process.env.BENCH_UNLOCK_RUNS ?? 5);

// BENCH_ONLY=foundation, care, evidence, export, backup or relay runs one part.
const ONLY = process.env.BENCH_ONLY ?? '';
const server = spawn(process.execPath, ['build/server/server/main.js'], { env: { ...process.env, PORT: String(PORT) }, stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 800));

const browser = await chromium.launch({ executablePath: chromiumPath() ?? undefined, args: chromiumArgs });
const results = {};
try {
  if (ONLY === '' || ONLY === 'foundation') await foundation();
  if (ONLY === '' || ONLY === 'care') Object.assign(results, await benchCare(browser, BASE));
} finally {
  await browser.close();
  server.kill();
}
if (ONLY === '' || ONLY === 'evidence') Object.assign(results, await benchEvidence(chromium, PORT + 1));
if (ONLY === '' || ONLY === 'export') Object.assign(results, await benchExport(chromium, PORT + 2));
if (ONLY === '' || ONLY === 'backup') Object.assign(results, await benchBackup(chromium, PORT + 3));
if (ONLY === '' || ONLY === 'relay') Object.assign(results, await benchRelay());

async function foundation() {
  const context = await browser.newContext({ viewport: { width: 400, height: 800 } });
  const page = await context.newPage();
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(BASE);
  await setUp(page);
  await page.getByRole('button', { name: 'Lock now' }).click();

  // --- unlock: PIN entered (the `=` press) to the home screen shown --------------------------------
  const cdp = await context.newCDPSession(page);
  const scripts = new Set();
  const onRequest = (request) => request.resourceType() === 'script' && scripts.add(request.url());
  page.on('request', onRequest);
  await timeUnlock(page);
  page.off('request', onRequest);
  for (const [suffix, rate] of [['', 1], ['_cpu4x', 4]]) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const unlock = [];
    for (let i = 0; i < UNLOCK_RUNS; i++) unlock.push(await timeUnlock(page));
    const kdf = await timeArgon2(page, workers);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    results[`unlock.ms${suffix}`] = median(unlock);
    results[`argon2id.ms${suffix}`] = median(kdf);
    results[`unlock.ratio_to_argon2id${suffix}`] = median(unlock) / median(kdf);
  }

  // --- quick exit: the trigger's event.timeStamp to the next frame, content gone ------------------
  await unlock(page);
  await page.getByRole('button', { name: /^Settings/ }).click();
  await page.getByRole('button', { name: /^Quick exit/ }).click();
  await page.getByRole('radio', { name: 'The calculator' }).check();
  await page.getByText('Saved.').waitFor();
  await page.getByRole('button', { name: 'Exit', exact: true }).click();
  const exits = [];
  for (let i = 0; i < EXIT_RUNS; i++) exits.push(await timeExit(page, i % 2 === 0 ? 'button' : 'shift'));
  results['exit.hide_ms.median'] = median(exits);
  results['exit.hide_ms.p95'] = percentile(exits, 95);
  // A run where content was still there at the next frame counts as a failure, not a slow exit.
  results['exit.runs_content_left'] = exits.filter((ms) => !Number.isFinite(ms)).length;

  // --- bundles ----------------------------------------------------------------------------------
  Object.assign(results, { 'bundle.disguise_gz_kb': firstLoadGzipKb() }, bundleSizes(workers, [...scripts]));
}

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nid                                 value');
for (const [id, value] of Object.entries(results)) console.log(`${id.padEnd(34)} ${value.toFixed(2)}`);
console.log('\nHeadless Chromium on this machine; frame timing here is not a phone’s. Written to bench/results/latest.json');

// --------------------------------------------------------------------------------------------------

/** A fresh page load (the worker warms at idle, as in real use), then PIN and `=`. */
async function timeUnlock(page) {
  await page.reload();
  await page.getByRole('button', { name: 'Equals', exact: true }).waitFor();
  await page.waitForTimeout(1500);
  await press(page, `C${PIN}`);
  await page.evaluate(() => {
    const w = window;
    w.__unlock = new Promise((resolve) => {
      let pressed = 0;
      addEventListener('click', (event) => (pressed = event.timeStamp), { capture: true, once: true });
      new MutationObserver((_, observer) => {
        if (document.querySelector('#app h1')?.textContent === 'Waymark') {
          observer.disconnect();
          resolve(performance.now() - pressed);
        }
      }).observe(document.getElementById('app'), { childList: true, subtree: true, characterData: true });
    });
  });
  await page.getByRole('button', { name: 'Equals', exact: true }).click();
  const ms = await page.evaluate(() => window.__unlock);
  await page.getByRole('button', { name: 'Lock now' }).click();
  return ms;
}

/** Argon2id alone, in the app's own KDF worker, with the vault's costs: one warm-up, then five. */
async function timeArgon2(page, workerUrls) {
  const url = workerUrls.find((u) => u.includes('/assets/'));
  return page.evaluate(async ({ urls }) => {
    const times = [];
    for (const candidate of urls) {
      const worker = new Worker(candidate, { type: 'module' });
      const run = (id) =>
        new Promise((resolve, reject) => {
          const started = performance.now();
          worker.onmessage = (e) => (e.data?.id === id ? resolve(performance.now() - started) : undefined);
          worker.onerror = reject;
          worker.postMessage({ id, secret: new TextEncoder().encode('246810'), salt: new Uint8Array(16), kdf: { memoryKiB: 65536, iterations: 3, parallelism: 1 } });
        });
      const first = await Promise.race([run(1), new Promise((resolve) => setTimeout(() => resolve(null), 20_000))]);
      if (first === null) {
        worker.terminate();
        continue;
      }
      for (let i = 2; i <= 6; i++) times.push(await run(i));
      worker.terminate();
      return times;
    }
    return times;
  }, { urls: [...new Set(workerUrls)].filter((u) => u !== undefined && u.includes('/assets/')).sort((a) => (a === url ? -1 : 1)) });
}

/** The trigger is the Exit button's pointerdown, or the keydown of the third Shift. */
async function timeExit(page, how) {
  await unlock(page);
  await page.evaluate((how) => {
    window.__exit = new Promise((resolve) => {
      let shifts = 0;
      const type = how === 'button' ? 'pointerdown' : 'keydown';
      const listener = (event) => {
        if (how === 'shift' && (event.key !== 'Shift' || ++shifts < 3)) return;
        removeEventListener(type, listener, true);
        const at = event.timeStamp;
        requestAnimationFrame((frame) => resolve(document.getElementById('app').childElementCount === 0 ? frame - at : Number.NaN));
      };
      addEventListener(type, listener, true);
    });
  }, how);
  if (how === 'button') await page.getByRole('button', { name: 'Exit', exact: true }).click();
  else for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  return page.evaluate(() => window.__exit);
}
