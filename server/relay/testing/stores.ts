// Both storage adapters behind one test harness, so every relay test runs on SQLite and on
// PostgreSQL. A "place" is a fresh SQLite file or a fresh PostgreSQL database; opening it again after
// closing is a restart on the same data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStore } from '../postgresStore.js';
import { openSqliteStore } from '../sqliteStore.js';
import type { RelayStore } from '../store.js';
import { findPostgresBin, startPostgres, type TestPostgres } from './postgres.js';

export interface StorePlace {
  open(): Promise<RelayStore>;
  /** The SQLite file, or the PostgreSQL URL. */
  where: string;
}

export interface StoreHarness {
  name: 'sqlite' | 'postgres';
  /** False only for PostgreSQL without its binaries (never in CI: see the test that checks). */
  available: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  place(): Promise<StorePlace>;
}

let counter = 0;

/** The SQLite and PostgreSQL harnesses. */
export function storeHarnesses(): StoreHarness[] {
  let postgres: TestPostgres | null = null;
  const folders: string[] = [];
  return [
    {
      name: 'sqlite',
      available: true,
      start: async () => undefined,
      async stop() {
        for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
      },
      async place() {
        const folder = mkdtempSync(join(tmpdir(), 'relay-sqlite-'));
        folders.push(folder);
        const file = join(folder, 'data', 'relay.sqlite');
        return { where: file, open: async () => openSqliteStore(file) };
      },
    },
    {
      name: 'postgres',
      available: findPostgresBin() !== null,
      async start() {
        postgres = await startPostgres();
      },
      async stop() {
        await postgres?.stop();
        postgres = null;
      },
      async place() {
        if (!postgres) throw new Error('start() first');
        const url = await postgres.createDatabase(`relay_${process.pid}_${++counter}`);
        return { where: url, open: () => openPostgresStore(url) };
      },
    },
  ];
}
