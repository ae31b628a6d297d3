// The HTTP server factory: serves the built app from `dist/` with security headers, and the relay
// under /relay/v1 when a relay store is given. `main.ts` only reads config and listens; tests drive
// this factory directly.
import type { Writable } from 'node:stream';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { RELAY } from '../src/shared/protocol/relay.js';
import { SECURITY_HEADERS, cacheControl, contentSecurityPolicy } from './headers.js';
import { relayPlugin } from './relay/plugin.js';
import { createRelay, type RelayLimits } from './relay/relay.js';
import type { RelayStore } from './relay/store.js';

/** Answered with `Clear-Site-Data: "storage"` (the app's wipe; see src/platform/store/wipe.ts). */
export const RESET_PATH = '/_reset';

/** The advocate app's settings, served on its own origin (see `advocate` below). */
export const CLIENT_CONFIG_PATH = '/_config';

export interface ServerOptions {
  distDir: string;
  /**
   * Set for the advocate app's server (a separate origin, DESIGN §6): the relay's origin, which its
   * CSP lets fetch reach and which it learns from `GET /_config` (`{ relayOrigin }`).
   */
  advocate?: { relayOrigin: string };
  /** false: no logging at all. Otherwise the relay's summary lines (route, status, error code) and errors. */
  logErrors?: boolean;
  /** Where log lines go (stdout by default); tests capture them. */
  logStream?: Writable;
  relay?: {
    store: RelayStore;
    limits?: Partial<RelayLimits>;
    /** Origins besides this one allowed to call the relay from a browser (see relay/plugin.ts). */
    allowedOrigins?: readonly string[];
    sweepIntervalMs?: number;
    now?: () => number;
  };
}

/** Builds the server; the caller listens. */
export async function createServer({ distDir, logErrors = true, logStream, relay, advocate }: ServerOptions): Promise<FastifyInstance> {
  // No request lines and serializers that keep nothing of a request or response: no addresses, no
  // paths (they hold mailbox ids and locators), no headers, no bodies ever reach the logs. An error's
  // message can quote request data (a JSON parse error does), so only its name and code are kept.
  const serializers = {
    req: () => ({}),
    res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    err: (err: Error & { code?: string }) => ({ type: err.name, message: err.code ?? '', stack: '' }),
  };
  const app = Fastify({
    logger: logErrors ? { level: 'info', serializers, ...(logStream ? { stream: logStream } : {}) } : false,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: false,
  });

  const headers = advocate ? { ...SECURITY_HEADERS, 'content-security-policy': contentSecurityPolicy([advocate.relayOrigin]) } : SECURITY_HEADERS;
  app.addHook('onSend', async (request, reply) => {
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
    const path = request.url.split('?')[0] ?? '/';
    reply.header('cache-control', path === RESET_PATH || path === CLIENT_CONFIG_PATH ? 'no-store' : cacheControl(path));
  });

  // Fastify's default handler logs an error's message as the log line's text; this one logs the code only.
  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, _request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) app.log.error({ err: { type: error.name, code: error.code ?? '' } }, 'request failed');
    return reply.code(status).send({ statusCode: status, code: error.code ?? 'error' });
  });

  // Wipe (DESIGN §4): after erasing the key file and databases, the app asks for this, and the
  // browser clears everything else the origin stores. Under /_, so the service worker never answers it.
  app.post(RESET_PATH, async (_request, reply) => {
    reply.header('clear-site-data', '"storage"');
    return reply.code(204).send();
  });

  if (advocate) {
    const config = { relayOrigin: advocate.relayOrigin };
    app.get(CLIENT_CONFIG_PATH, async () => config);
  }

  if (relay) {
    const handlers = createRelay({ store: relay.store, limits: relay.limits, log: app.log, ...(relay.now ? { now: relay.now } : {}) });
    await app.register(relayPlugin, { prefix: RELAY.prefix, relay: handlers, allowedOrigins: relay.allowedOrigins ?? [], sweepIntervalMs: relay.sweepIntervalMs });
  }

  await app.register(fastifyStatic, { root: distDir, index: ['index.html'], wildcard: true, etag: true, lastModified: false, cacheControl: false });
  return app;
}
