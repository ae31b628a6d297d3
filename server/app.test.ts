import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESET_PATH, createServer } from './app';

function distDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dist-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Calculator</title>');
  return dir;
}

describe('the reset route (wipe)', () => {
  it('answers with Clear-Site-Data "storage", never cached, and with the security headers', async () => {
    const app = await createServer({ distDir: distDir(), logErrors: false });
    try {
      const reply = await app.inject({ method: 'POST', url: RESET_PATH });
      expect(reply.statusCode).toBe(204);
      expect(reply.headers['clear-site-data']).toBe('"storage"');
      expect(reply.headers['cache-control']).toBe('no-store');
      expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    } finally {
      await app.close();
    }
  });

  it('clears nothing on any other response', async () => {
    const app = await createServer({ distDir: distDir(), logErrors: false });
    try {
      const page = await app.inject({ method: 'GET', url: '/' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['clear-site-data']).toBeUndefined();
      expect(page.headers['cache-control']).toBe('no-cache');
      // A GET (a link, a prefetch) never clears anything.
      const get = await app.inject({ method: 'GET', url: RESET_PATH });
      expect(get.headers['clear-site-data']).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
