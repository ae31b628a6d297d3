// Starts the server on 127.0.0.1. PORT and HOST may be set; the defaults need no set-up at all. The
// relay stores in SQLite under data/ unless DATABASE_URL names a PostgreSQL database.
//
// The advocate's app is a separate build (dist-pro/) on a separate origin, PORT + 1 (PRO_PORT may
// set it), so nothing of it is ever served from, or cached under, the survivor's origin (DESIGN §6).
// Both listen from this one process; the relay lives on the survivor's origin and admits the
// advocate's origin through its allowedOrigins.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer } from './app.js';
import { openStore, relayConfigFromEnv, storeLabel } from './relay/config.js';

const port = Number(process.env.PORT ?? 8080);
const proPort = Number(process.env.PRO_PORT ?? port + 1);
const host = process.env.HOST ?? '127.0.0.1';
const distDir = resolve(process.env.DIST_DIR ?? 'dist');
const proDistDir = resolve(process.env.PRO_DIST_DIR ?? 'dist-pro');

const origin = (p: number) => `http://${host.includes(':') ? `[${host}]` : host}:${p}`;
const relayOrigin = origin(port);
const proOrigin = origin(proPort);

const relayConfig = relayConfigFromEnv(process.env);
const store = await openStore(relayConfig);
const app = await createServer({ distDir, relay: { store, allowedOrigins: [...relayConfig.allowedOrigins, proOrigin] } });
app.addHook('onClose', async () => store.close());
const pro = existsSync(proDistDir) ? await createServer({ distDir: proDistDir, advocate: { relayOrigin } }) : null;
// The advocate's origin listens first: once the survivor's answers, both are up (tests wait for that one).
if (pro) await pro.listen({ port: proPort, host });
await app.listen({ port, host });
process.stdout.write(`Serving on ${relayOrigin}/ (relay: ${storeLabel(relayConfig)})\n`);
if (pro) process.stdout.write(`Advocate app on ${proOrigin}/\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void Promise.all([app.close(), pro?.close()]).then(() => process.exit(0)));
