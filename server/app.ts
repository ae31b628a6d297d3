// The HTTP server factory: serves the built app from `dist/` with security headers. The relay will be
// registered here too. `main.ts` only reads config and listens; tests drive this factory directly.
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { SECURITY_HEADERS, cacheControl } from './headers.js';

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
    reply.header('cache-control', cacheControl(request.url.split('?')[0] ?? '/'));
  });

  await app.register(fastifyStatic, { root: distDir, index: ['index.html'], wildcard: true, etag: true, lastModified: false, cacheControl: false });
  return app;
}
