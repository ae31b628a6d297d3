// Wires the relay's handlers into Fastify under RELAY.prefix, plus the WebSocket at `${prefix}/socket`.
// Register it with `{ prefix: RELAY.prefix }` and without fastify-plugin, so its content-type parsers,
// error handler and hooks stay inside the relay's scope.
//
// Bodies are kept as raw bytes: the signature covers exactly the bytes sent, so they are hashed as
// received and parsed as JSON only after the signature verifies (in relay.ts).
import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RELAY, type ServerFrame } from '../../src/shared/protocol/relay.js';
import { RELAY_SIGNING } from '../../src/shared/protocol/relaySigning.js';
import { RelayError } from './errors.js';
import type { Relay, RelayResponse } from './relay.js';

export interface RelayPluginOptions {
  relay: Relay;
  /**
   * Origins other than the relay's own that browsers may call it from (the advocate app's origin
   * when it is served apart, e.g. "http://127.0.0.1:4181"). Empty: same origin only, no CORS headers.
   */
  allowedOrigins?: readonly string[];
  /** How often expired nonces, invites and backups are swept; 0 turns the timer off (tests sweep by hand). */
  sweepIntervalMs?: number;
}

/** A WebSocket whose send queue is beyond this is too slow to keep up and is closed. */
const MAX_BUFFERED = 8 * 1024 * 1024;
/** A WebSocket that follows no mailbox this long after opening (or after its last unsubscribe) is closed. */
const IDLE_SOCKET_MS = 30_000;

const ALLOWED_HEADERS = ['content-type', RELAY_SIGNING.keyHeader, RELAY_SIGNING.timestampHeader, RELAY_SIGNING.nonceHeader, RELAY_SIGNING.signatureHeader].join(', ');

/** True for no Origin (not a browser, or a same-origin GET), the relay's own origin, or a configured one. */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

function send(reply: FastifyReply, response: RelayResponse): FastifyReply {
  reply.code(response.status);
  if ('bytes' in response) return reply.type('application/octet-stream').send(Buffer.from(response.bytes));
  if (response.retryAfter) reply.header('retry-after', String(response.retryAfter));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(response.json));
}

const fail = (reply: FastifyReply, error: RelayError) => send(reply, { status: error.status, json: error.toBody() });

/** The Fastify plugin: HTTP routes, the WebSocket route, CORS for configured origins only, and the sweep timer. */
export async function relayPlugin(app: FastifyInstance, options: RelayPluginOptions): Promise<void> {
  const { relay } = options;
  const allowedOrigins = options.allowedOrigins ?? [];
  const largestBlob = RELAY.blobBuckets[RELAY.blobBuckets.length - 1] ?? 0;

  await app.register(websocket, { options: { maxPayload: RELAY.maxSocketFrame } });

  app.removeAllContentTypeParsers();
  const raw = (_request: FastifyRequest, body: Buffer, done: (error: null, body: Buffer) => void) => done(null, body);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, raw);
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, raw);

  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!originAllowed(origin, request.headers.host, allowedOrigins)) return fail(reply, new RelayError('forbidden', 'this origin may not use the relay'));
    if (origin !== undefined && allowedOrigins.includes(origin)) {
      reply.header('access-control-allow-origin', origin);
      reply.header('vary', 'origin');
    }
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  // Fastify's own refusals (body too large, unknown content type, malformed URL) in the relay's format.
  app.setErrorHandler((error: { code?: string; statusCode?: number }, _request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return fail(reply, new RelayError('too_large', 'the body is too large'));
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') return fail(reply, new RelayError('unsupported_media_type', 'unsupported content type'));
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return fail(reply, new RelayError('bad_request', 'bad request'));
    app.log.error({ route: 'relay', err: { code: error.code ?? 'unknown' } }, 'relay transport error');
    return fail(reply, new RelayError('internal', 'internal error'));
  });
  const notFound = (_request: FastifyRequest, reply: FastifyReply) => fail(reply, new RelayError('not_found', 'no such route'));
  app.setNotFoundHandler(notFound);
  // The static file server's GET /* would otherwise answer unknown relay paths with its own 404.
  app.route({ method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'], url: '/*', handler: notFound });

  if (allowedOrigins.length > 0) {
    app.options('/*', async (request, reply) => {
      if (request.headers.origin === undefined || !allowedOrigins.includes(request.headers.origin)) return fail(reply, new RelayError('forbidden', 'this origin may not use the relay'));
      reply.header('access-control-allow-methods', 'GET, POST, PUT, DELETE');
      reply.header('access-control-allow-headers', ALLOWED_HEADERS);
      reply.header('access-control-max-age', '600');
      return reply.code(204).send();
    });
  }

  for (const route of relay.routes) {
    app.route({
      method: route.method,
      url: route.url,
      bodyLimit: route.body === 'binary' ? largestBlob + 1 : RELAY.maxJsonBody,
      handler: async (request, reply) => {
        const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        if (route.body === 'json' && contentType !== 'application/json') return fail(reply, new RelayError('unsupported_media_type', 'send application/json'));
        if (route.body === 'binary' && contentType !== 'application/octet-stream') return fail(reply, new RelayError('unsupported_media_type', 'send application/octet-stream'));
        const response = await route.handle({
          method: request.method,
          pathWithQuery: request.url,
          params: request.params as Record<string, string>,
          query: request.query as Record<string, string | string[] | undefined>,
          headers: request.headers,
          body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
        });
        return send(reply, response);
      },
    });
  }

  app.get('/socket', { websocket: true }, (socket) => {
    const push = (frame: ServerFrame) => {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > MAX_BUFFERED) return socket.close(1013, 'too slow');
      socket.send(JSON.stringify(frame));
    };
    const connection = relay.connect(push);
    socket.on('message', (data, isBinary) => {
      if (isBinary) return push({ type: 'error', mailbox: null, error: new RelayError('bad_request', 'send text frames').toBody().error });
      void connection.receive(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'));
    });
    // Sockets cost memory before any signature is checked, so one that never subscribes is dropped.
    const idle = setInterval(() => {
      if (connection.subscriptions() === 0) socket.close(1008, 'subscribe first');
    }, IDLE_SOCKET_MS);
    idle.unref();
    socket.on('close', () => {
      clearInterval(idle);
      connection.closed();
    });
  });

  if (options.sweepIntervalMs !== 0) {
    const timer = setInterval(() => void relay.sweep().catch(() => app.log.error({ route: 'sweep' }, 'relay sweep failed')), options.sweepIntervalMs ?? 10 * 60 * 1000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }
}
