// The one IndexedDB database. Schema changes are cumulative `if (oldVersion < N)` steps, so any
// older database reaches the current version in order and nothing already saved is dropped.

import { type DBSchema, type IDBPDatabase, deleteDB, openDB } from 'idb';
import { storageFailure } from './errors';
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

let opening: Promise<IDBPDatabase<CalcDB>> | null = null;

export function openDatabase(): Promise<IDBPDatabase<CalcDB>> {
  opening ??= openDB<CalcDB>(STORAGE_NAMES.database, DB_VERSION, {
    upgrade(db, oldVersion) {
      for (let version = oldVersion + 1; version <= DB_VERSION; version++) MIGRATIONS[version]?.(db);
    },
    blocking() {
      // Another tab wants a newer schema: step aside so it can upgrade.
      void closeDatabase();
    },
    terminated() {
      opening = null;
    },
  }).catch((error: unknown) => {
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

export async function deleteDatabase(): Promise<void> {
  await closeDatabase();
  await deleteDB(STORAGE_NAMES.database);
}

/** Whether the database exists, without creating it (opening would leave a trace on a fresh profile). */
export async function databaseExists(): Promise<boolean> {
  const list = await indexedDB.databases?.();
  return Boolean(list?.some((d) => d.name === STORAGE_NAMES.database));
}
