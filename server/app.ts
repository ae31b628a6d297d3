// The HTTP server factory: serves the built app from `dist/` with security headers. The relay will be
// registered here too. `main.ts` only reads config and listens; tests drive this factory directly.
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { SECURITY_HEADERS, cacheControl } from './headers.js';

/** Answered with `Clear-Site-Data: "storage"` (the app's wipe; see src/platform/store/wipe.ts). */
export const RESET_PATH = '/_reset';

export interface ServerOptions {
  distDir: string;
  /** Log errors only: no request lines, so no addresses or paths reach the logs. */
  logErrors?: boolean;
}

export async function createServer({ distDir, logErrors = true }: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logErrors ? { level: 'error', serializers: { req: () => ({}), res: () => ({}) } } : false,
    trustProxy: false,
  });

  app.addHook('onSend', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    const path = request.url.split('?')[0] ?? '/';
    reply.header('cache-control', path === RESET_PATH ? 'no-store' : cacheControl(path));
  });

  // Wipe (DESIGN §4): after erasing the key file and databases, the app asks for this, and the
  // browser clears everything else the origin stores. Under /_, so the service worker never answers it.
  app.post(RESET_PATH, async (_request, reply) => {
    reply.header('clear-site-data', '"storage"');
    return reply.code(204).send();
  });

  await app.register(fastifyStatic, { root: distDir, index: ['index.html'], wildcard: true, etag: true, lastModified: false, cacheControl: false });
  return app;
}
