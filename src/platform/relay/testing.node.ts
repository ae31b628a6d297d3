// Node test helpers: a real relay (server/app.ts createServer, SQLite on a temp file) on 127.0.0.1,
// which can be stopped and started again on the same file and port, as a crash or a deploy would.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../../server/app';
import type { RelayLimits } from '../../../server/relay/relay';
import { openSqliteStore } from '../../../server/relay/sqliteStore';
import type { RelayStore } from '../../../server/relay/store';
import { RELAY } from '../../shared/protocol/relay';
import { type RequestSigningKey, createMailboxKey, newId, randomBytes, toBase64Url } from '../vault';
import type { RelayClient } from './client';

export interface TestRelay {
  /** http://127.0.0.1:<port>, the same across restarts. */
  base: string;
  readonly running: boolean;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its files. */
  dispose(): Promise<void>;
}

export interface TestRelayOptions {
  limits?: Partial<RelayLimits>;
  now?: () => number;
}

/** Starts a relay on a fresh SQLite file and a free port. */
export async function startTestRelay(options: TestRelayOptions = {}): Promise<TestRelay> {
  const folder = mkdtempSync(join(tmpdir(), 'relay-client-'));
  writeFileSync(join(folder, 'index.html'), '<!doctype html><title>Calculator</title>');
  const file = join(folder, 'data', 'relay.sqlite');
  let port = 0;
  let current: { app: FastifyInstance; store: RelayStore } | null = null;

  async function start(): Promise<void> {
    if (current) return;
    const store = await openSqliteStore(file);
    const app = await createServer({
      distDir: folder,
      logErrors: false,
      relay: { store, sweepIntervalMs: 0, ...(options.limits ? { limits: options.limits } : {}), ...(options.now ? { now: options.now } : {}) },
    });
    await app.listen({ port, host: '127.0.0.1' });
    const address = app.server.address();
    port = typeof address === 'object' && address ? address.port : port;
    current = { app, store };
  }

  async function stop(): Promise<void> {
    const running = current;
    current = null;
    if (!running) return;
    await running.app.close();
    await running.store.close();
  }

  await start();
  return {
    base: `http://127.0.0.1:${port}`,
    get running() {
      return current !== null;
    },
    start,
    stop,
    async dispose() {
      await stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A new mailbox key (what a device holds per case). */
export async function newKey(): Promise<RequestSigningKey> {
  return (await createMailboxKey()).key;
}

/** A stand-in ciphertext of the smallest message bucket, base64url. */
export const fakeCiphertext = (bytes: number = RELAY.messageBuckets[0]): string => toBase64Url(randomBytes(bytes));

/** A stand-in blob segment of the smallest blob bucket. */
export const fakeSegment = (bytes: number = RELAY.blobBuckets[0]): Uint8Array<ArrayBuffer> => randomBytes(bytes);

/** Two keys sharing a new mailbox: alice invited, bob consumed. */
export async function pairedMailbox(client: RelayClient): Promise<{ alice: RequestSigningKey; bob: RequestSigningKey; mailbox: string }> {
  const alice = await newKey();
  const bob = await newKey();
  const mailbox = newId();
  const invite = newId();
  await client.createInvite(alice, { invite, mailbox });
  await client.consumeInvite(bob, { invite });
  return { alice, bob, mailbox };
}

/** Resolves once `check` holds, polling on the event loop (no time limit but the test's own). */
export async function eventually(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Byte equality without a deep-equal walk (slow on a megabyte). */
export const sameBytes = (a: Uint8Array, b: Uint8Array | undefined): boolean => b !== undefined && Buffer.from(a).equals(Buffer.from(b));
