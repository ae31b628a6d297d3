// The relay under load, on loopback: the real server process (build/server/server/main.js) on SQLite
// and, when installed, on a throw-away PostgreSQL, with 100 concurrent Node clients in this process.
//   relay.msgs_per_s.<store>        signed 1 KiB appends acknowledged per second, 100 senders at once
//   sync.p95_ms.loopback.<store>    95th percentile from starting to sign an append to the push
//                                   arriving at the other member's WebSocket, 100 pairs at once
//   upload.MBps.loopback.<store>    one client uploading 1 MiB attachment segments (largest bucket)
// Client and server share this machine's 2 cores and talk over loopback: read the figures as
// relative, not as what a phone on a mobile network would see.
// Runnable alone: `node bench/relay.mjs` (compiles the server first and prints a table).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { percentile } from './stats.mjs';

const CLIENTS = Number(process.env.BENCH_RELAY_CLIENTS ?? 100);
const MESSAGES = Number(process.env.BENCH_RELAY_MESSAGES ?? 40);
const ROUND_TRIPS = Number(process.env.BENCH_RELAY_ROUND_TRIPS ?? 10);
const SEGMENTS = Number(process.env.BENCH_RELAY_SEGMENTS ?? 32);
const BUILD = new URL('../build/server/', import.meta.url);

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts the relay as its own process and resolves once it listens. */
async function startServer(env) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'bench-relay-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Calculator</title>');
  const child = spawn(process.execPath, [fileURLToPath(new URL('server/main.js', BUILD))], {
    env: { ...process.env, PORT: String(port), DIST_DIR: dir, RELAY_SQLITE_FILE: join(dir, 'data', 'relay.sqlite'), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The relay logs a line per request; the pipe is drained so it never blocks the server.
  await new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      if (seen !== null) {
        seen += chunk.toString();
        if (seen.includes('Serving on')) {
          seen = null;
          resolve();
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`relay exited with ${code}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function pairUp(client, base) {
  const { newId, newSigner, signedFetch } = client;
  const sender = await newSigner();
  const receiver = await newSigner();
  const mailbox = newId();
  const invite = newId();
  const created = await signedFetch(base, sender, 'POST', '/invites', { json: { invite, mailbox } });
  const joined = await signedFetch(base, receiver, 'POST', '/invites/consume', { json: { invite } });
  if (created.status !== 200 || joined.status !== 200) throw new Error(`pairing failed: ${created.status} ${joined.status}`);
  return { sender, receiver, mailbox };
}

/** A receiver's WebSocket, subscribed; `waitFor(id)` resolves when that message is pushed. */
async function subscribe(base, pair) {
  const socket = new WebSocket(`${base.replace('http', 'ws')}/relay/v1/socket`);
  const waiting = new Map();
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    if (frame.type === 'message') waiting.get(frame.message.id)?.(performance.now());
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const subscribed = new Promise((resolve) => socket.once('message', resolve));
  socket.send(JSON.stringify(await pair.receiver.subscribe(pair.mailbox)));
  await subscribed;
  return {
    waitFor: (id) => new Promise((resolve) => waiting.set(id, resolve)),
    close: () => socket.close(),
  };
}

async function measure(client, base) {
  const { ciphertext, newId, signedFetch } = client;
  const pairs = await Promise.all(Array.from({ length: CLIENTS }, () => pairUp(client, base)));

  // Throughput: every sender appends its messages one after another, all senders at once.
  const started = performance.now();
  await Promise.all(
    pairs.map(async ({ sender, mailbox }) => {
      for (let i = 0; i < MESSAGES; i++) {
        const reply = await signedFetch(base, sender, 'POST', `/mailboxes/${mailbox}/messages`, { json: { id: newId(), ciphertext: ciphertext(1024) } });
        if (reply.status !== 200) throw new Error(`append failed: ${reply.status}`);
      }
    }),
  );
  const msgsPerSecond = (CLIENTS * MESSAGES) / ((performance.now() - started) / 1000);

  // Sync latency: append on one side, push received on the other, 100 pairs at once.
  const sockets = await Promise.all(pairs.map((pair) => subscribe(base, pair)));
  const latencies = [];
  await Promise.all(
    pairs.map(async ({ sender, mailbox }, index) => {
      for (let i = 0; i < ROUND_TRIPS; i++) {
        const id = newId();
        const arrived = sockets[index].waitFor(id);
        const t0 = performance.now();
        await signedFetch(base, sender, 'POST', `/mailboxes/${mailbox}/messages`, { json: { id, ciphertext: ciphertext(1024) } });
        latencies.push((await arrived) - t0);
      }
    }),
  );
  for (const socket of sockets) socket.close();

  // Upload: one client, largest-bucket segments, one after another (as a resumable upload sends them).
  const { sender, mailbox } = pairs[0];
  const segmentBytes = 1024 * 1024 + 64 * 1024;
  const segment = new Uint8Array(segmentBytes).map((_, i) => i * 7);
  const blob = newId();
  const uploadStarted = performance.now();
  for (let i = 0; i < SEGMENTS; i++) {
    const reply = await signedFetch(base, sender, 'PUT', `/mailboxes/${mailbox}/blobs/${blob}/${i}`, { bytes: segment });
    if (reply.status !== 200) throw new Error(`upload failed: ${reply.status}`);
  }
  const mbps = (SEGMENTS * segmentBytes) / (1024 * 1024) / ((performance.now() - uploadStarted) / 1000);

  return { msgsPerSecond, p95: percentile(latencies, 95), mbps };
}

/** Runs the relay benchmarks against a built server; returns a flat map of id → number. */
export async function benchRelay() {
  const client = await import(new URL('server/relay/testing/client.js', BUILD).href);
  const { findPostgresBin, startPostgres } = await import(new URL('server/relay/testing/postgres.js', BUILD).href);
  const results = {};
  const stores = [['sqlite', async () => ({ env: {}, stop: async () => undefined })]];
  if (findPostgresBin()) {
    stores.push([
      'postgres',
      async () => {
        const postgres = await startPostgres();
        return { env: { DATABASE_URL: await postgres.createDatabase('bench_relay') }, stop: () => postgres.stop() };
      },
    ]);
  } else {
    process.stdout.write('  relay: PostgreSQL is not installed; measuring SQLite only\n');
  }
  for (const [name, prepare] of stores) {
    const database = await prepare();
    const server = await startServer(database.env);
    try {
      const { msgsPerSecond, p95, mbps } = await measure(client, server.base);
      results[`relay.msgs_per_s.${name}`] = msgsPerSecond;
      results[`sync.p95_ms.loopback.${name}`] = p95;
      results[`upload.MBps.loopback.${name}`] = mbps;
    } finally {
      await server.stop();
      await database.stop();
    }
  }
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.server.json'], { stdio: 'inherit', cwd: fileURLToPath(new URL('..', import.meta.url)) });
  const results = await benchRelay();
  console.log(`\nRelay on loopback: ${CLIENTS} concurrent Node clients, server and clients on this machine\n`);
  console.table(Object.fromEntries(Object.entries(results).map(([id, value]) => [id, { value: Number(value.toFixed(1)) }])));
}
