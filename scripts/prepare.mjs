// Makes a fresh clone runnable with no other step: installs npm dependencies from the lockfile when
// they are missing or stale, and finds (or, as root, installs) Debian's Chromium for the tests.
// Dependency-free on purpose: it runs before node_modules exists.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

function run(command, args) {
  execFileSync(command, args, { stdio: 'inherit' });
}

export function ensureDependencies() {
  const installed = 'node_modules/.package-lock.json';
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync('package-lock.json').mtimeMs) return;
  console.log('Installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

function canInstallWithApt() {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

export function ensureChromium() {
  if (chromiumPath()) return;
  if (canInstallWithApt()) {
    console.log("No Chromium found: installing Debian's chromium package…");
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium']);
    if (chromiumPath()) return;
  }
  console.error(
    [
      'The tests need Chromium or Chrome, and none was found.',
      "  On Debian or Ubuntu (as root):  apt-get install -y chromium",
      '  Or point the tests at an existing browser:  CHROMIUM_PATH=/path/to/chrome npm test',
      'The tests never download a browser of their own.',
    ].join('\n'),
  );
  process.exit(1);
}
