// The one IndexedDB database. Schema changes are cumulative `if (oldVersion < N)` steps, so any
// older database reaches the current version in order and nothing already saved is dropped.

import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { storageFailure } from './errors';
import { currentGeneration } from './generation';
import { STORAGE_NAMES } from './names';

/** What sits on disk: opaque ids and tags, a schema version, and ciphertext. Nothing else. */
export interface StoredRecord {
  id: string;
  /** HMAC tag of the record's kind, so a kind can be listed without its name on disk. */
  t: string;
  /** Schema version of the plaintext, bound into the AAD. */
  v: number;
  c: Uint8Array<ArrayBuffer>;
}

/** One sealed segment of an attachment: an opaque owner id (not the attachment's record id), its index, ciphertext. */
export interface StoredSegment {
  a: string;
  i: number;
  c: Uint8Array<ArrayBuffer>;
}

export interface CalcDB extends DBSchema {
  r: { key: string; value: StoredRecord; indexes: { t: string } };
  s: { key: [string, number]; value: StoredSegment; indexes: { a: string } };
}

export const DB_VERSION = 2;

export type Migration = (db: IDBPDatabase<CalcDB>) => void;

/** Migrations by the version they bring the database to. */
export const MIGRATIONS: Record<number, Migration> = {
  1: (db) => {
    const records = db.createObjectStore(STORAGE_NAMES.recordStore, { keyPath: 'id' });
    records.createIndex(STORAGE_NAMES.tagIndex, 't');
  },
  // Attachments: each 1 MiB segment its own record, so a file of any size is written and read with
  // flat memory.
  2: (db) => {
    const segments = db.createObjectStore(STORAGE_NAMES.segmentStore, { keyPath: ['a', 'i'] });
    segments.createIndex(STORAGE_NAMES.ownerIndex, 'a');
  },
};

// Generations. A restore writes the backup into a second, staging database, then switches to it
// with one atomic write of the key file, whose byte 50 names the database in use (generation 0 is
// 'calc', as before restores existed; then 'calc-1', 'calc-2', …). Any other database of ours is a
// leftover (a restore cut off before its switch, or the old vault after it) and is deleted.

/** The database of generation `generation` (0–255). */
export function databaseName(generation: number): string {
  return generation === 0 ? STORAGE_NAMES.database : `${STORAGE_NAMES.database}-${generation}`;
}

function isOurs(name: string): boolean {
  return name === STORAGE_NAMES.database || new RegExp(`^${STORAGE_NAMES.database}-\\d{1,3}$`).test(name);
}

export { currentGeneration };

export function openNamed(name: string, onBlocking?: () => void): Promise<IDBPDatabase<CalcDB>> {
  return openDB<CalcDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      for (let version = oldVersion + 1; version <= DB_VERSION; version++) MIGRATIONS[version]?.(db);
    },
    blocking: onBlocking,
  });
}

let opening: Promise<IDBPDatabase<CalcDB>> | null = null;
let swept = false;

export function openDatabase(): Promise<IDBPDatabase<CalcDB>> {
  opening ??= currentGeneration()
    .then((generation) =>
      openDB<CalcDB>(databaseName(generation), DB_VERSION, {
        upgrade(db, oldVersion) {
          for (let version = oldVersion + 1; version <= DB_VERSION; version++) MIGRATIONS[version]?.(db);
        },
        blocking() {
          // Another tab wants a newer schema, or is deleting this database after a restore: step
          // aside (the next open reads the key file again and finds the database now in use).
          void closeDatabase();
        },
        terminated() {
          opening = null;
        },
      }),
    )
    .then((db) => {
      if (!swept) {
        swept = true;
        void sweepLeftoverDatabases().catch(() => undefined);
      }
      return db;
    })
    .catch((error: unknown) => {
      opening = null;
      throw storageFailure(error);
    });
  return opening;
}

export async function closeDatabase(): Promise<void> {
  const current = opening;
  opening = null;
  if (current) (await current.catch(() => null))?.close();
}

/** Deletes one database; a delete blocked by another tab's connection completes when it closes. */
export function deleteNamed(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(storageFailure(request.error));
    request.onblocked = () => resolve();
  });
}

async function ourDatabases(): Promise<string[]> {
  const list = (await indexedDB.databases?.()) ?? [];
  return list.flatMap((d) => (d.name && isOurs(d.name) ? [d.name] : []));
}

/** Deletes every database of ours, whatever its generation. */
export async function deleteDatabase(): Promise<void> {
  await closeDatabase();
  for (const name of await ourDatabases()) await deleteNamed(name);
}

/** Whether any database of ours exists, without creating one (opening would leave a trace on a fresh profile). */
export async function databaseExists(): Promise<boolean> {
  return (await ourDatabases()).length > 0;
}

/**
 * Deletes every database of ours that the key file does not point at. Skipped while a restore (in
 * any tab) holds the restore lock: the database it is staging is not a leftover.
 */
export async function sweepLeftoverDatabases(): Promise<void> {
  await navigator.locks.request(STORAGE_NAMES.restoreLock, { ifAvailable: true }, async (lock) => {
    if (!lock) return;
    const keep = databaseName(await currentGeneration());
    for (const name of await ourDatabases()) if (name !== keep) await deleteNamed(name);
  });
}
