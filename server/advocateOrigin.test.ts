import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_CONFIG_PATH, createServer } from './app';
import { CONTENT_SECURITY_POLICY } from './headers';

function distDir(title: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dist-'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>${title}</title>`);
  return dir;
}

const RELAY_ORIGIN = 'http://127.0.0.1:8080';

describe("the advocate app's server (a second origin)", () => {
  it("tells the app where the relay is, never cached, and lets fetch reach it and nothing else", async () => {
    const app = await createServer({ distDir: distDir('Waymark for advocates'), logErrors: false, advocate: { relayOrigin: RELAY_ORIGIN } });
    try {
      const config = await app.inject({ method: 'GET', url: CLIENT_CONFIG_PATH });
      expect(config.json()).toEqual({ relayOrigin: RELAY_ORIGIN });
      expect(config.headers['cache-control']).toBe('no-store');
      const page = await app.inject({ method: 'GET', url: '/' });
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain(`connect-src 'self' ${RELAY_ORIGIN};`);
      expect(csp).not.toContain('unsafe-inline');
      // Everything but connect-src is the survivor's policy, word for word.
      expect(csp.replace(` ${RELAY_ORIGIN}`, '')).toBe(CONTENT_SECURITY_POLICY);
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      // It has no relay of its own: the relay lives on the survivor's origin.
      expect((await app.inject({ method: 'POST', url: '/relay/v1/invites', payload: {} })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });

  it("is not part of the survivor's server", async () => {
    const app = await createServer({ distDir: distDir('Calculator'), logErrors: false });
    try {
      expect((await app.inject({ method: 'GET', url: CLIENT_CONFIG_PATH })).statusCode).toBe(404);
      expect(String((await app.inject({ method: 'GET', url: '/' })).headers['content-security-policy'])).toBe(CONTENT_SECURITY_POLICY);
    } finally {
      await app.close();
    }
  });
});
