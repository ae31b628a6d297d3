// Where the tests and benchmarks find a browser. We never download one (the machine's network
// refuses it); Debian's Chromium is the default and CHROMIUM_PATH points anywhere else.
import { existsSync } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The Chromium or Chrome binary to drive, or null when none is installed. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, DEFAULT_CHROMIUM, '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

/** Flags that keep Chromium quiet on a closed network and runnable as root in a container. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
