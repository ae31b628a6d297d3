import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

// End-to-end tests drive the built app, served by the real server, in Debian's Chromium.
// `npm test` builds first; the server here only serves what is in dist/.
export const PORT = Number(process.env.E2E_PORT ?? 4180);
/** The advocate app's origin: the same server process, the next port (server/main.ts). */
export const PRO_PORT = PORT + 1;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 3),
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    serviceWorkers: 'allow',
    viewport: { width: 400, height: 800 },
    launchOptions: { executablePath: chromiumPath() ?? undefined, args: chromiumArgs },
    trace: 'off',
  },
  webServer: {
    command: 'node build/server/server/main.js',
    env: { PORT: String(PORT), PRO_PORT: String(PRO_PORT) },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
