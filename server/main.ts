// Starts the server on 127.0.0.1. PORT and HOST may be set; the defaults need no set-up at all.
import { resolve } from 'node:path';
import { createServer } from './app.js';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const distDir = resolve(process.env.DIST_DIR ?? 'dist');

const app = await createServer({ distDir });
await app.listen({ port, host });
process.stdout.write(`Serving on http://${host}:${port}/\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void app.close().then(() => process.exit(0)));
