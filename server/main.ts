// Starts the server on 127.0.0.1. PORT and HOST may be set; the defaults need no set-up at all. The
// relay stores in SQLite under data/ unless DATABASE_URL names a PostgreSQL database.
import { resolve } from 'node:path';
import { createServer } from './app.js';
import { openStore, relayConfigFromEnv, storeLabel } from './relay/config.js';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const distDir = resolve(process.env.DIST_DIR ?? 'dist');

const relayConfig = relayConfigFromEnv(process.env);
const store = await openStore(relayConfig);
const app = await createServer({ distDir, relay: { store, allowedOrigins: relayConfig.allowedOrigins } });
app.addHook('onClose', async () => store.close());
await app.listen({ port, host });
process.stdout.write(`Serving on http://${host}:${port}/ (relay: ${storeLabel(relayConfig)})\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void app.close().then(() => process.exit(0)));
