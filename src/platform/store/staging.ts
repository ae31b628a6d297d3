// Restoring a backup, on the store's side: the backup's records and segments are written into a
// staging database (the next generation's name), checked, and only then switched to, by one atomic
// write of the key file (keyFileStore.installKeyFile) that both installs the restored key slots and
// names the staging database as the one in use. Until that write the old vault is exactly as it was;
// a tab closed half way leaves a staging database that the next start sweeps away (db.ts).
import type { IDBPDatabase } from 'idb';
import { type CalcDB, type StoredRecord, type StoredSegment, closeDatabase, currentGeneration, databaseName, deleteNamed, openNamed } from './db';
import { StoreError, storageFailure } from './errors';
import { installKeyFile } from './keyFileStore';
import { STORAGE_NAMES } from './names';

/** Items are written in batches of about this many bytes, one transaction each. */
const BATCH_BYTES = 8 * 1024 * 1024;
const BATCH_ITEMS = 512;

export type StagedItem = { kind: 'record'; record: StoredRecord } | { kind: 'segment'; segment: StoredSegment };

export interface Staging {
  /** The generation the staging database will be once switched to (for the key file's byte 50). */
  readonly generation: number;
  add(item: StagedItem): Promise<void>;
  /** Writes what is buffered, durably, and checks the database holds exactly these counts. */
  finish(expected: { records: number; segments: number }): Promise<void>;
  /** Closes and deletes the staging database (a restore abandoned or failed). */
  discard(): Promise<void>;
  /**
   * The commit: installs `keyFile` (which must name `generation`) over `previous` (null on a phone
   * with no vault) in one atomic write, then deletes the old database.
   */
  commit(previous: Uint8Array | null, keyFile: Uint8Array): Promise<void>;
}

/**
 * Runs `work` holding the restore lock (one restore at a time, across tabs; and no sweep deletes
 * the staging database meanwhile).
 */
export function withRestoreLock<T>(work: () => Promise<T>): Promise<T> {
  return navigator.locks.request(STORAGE_NAMES.restoreLock, work);
}

/** Opens an empty staging database, after deleting any leftover under its name. Call under withRestoreLock. */
export async function beginStaging(): Promise<Staging> {
  const current = await currentGeneration();
  const generation = (current + 1) % 256;
  const name = databaseName(generation);
  await deleteNamed(name);
  let db: IDBPDatabase<CalcDB>;
  try {
    db = await openNamed(name);
  } catch (error) {
    throw storageFailure(error);
  }
  let records: StoredRecord[] = [];
  let segments: StoredSegment[] = [];
  let bytes = 0;
  let closed = false;

  const flush = async (durability: IDBTransactionDurability) => {
    if (records.length === 0 && segments.length === 0 && durability !== 'strict') return;
    const tx = db.transaction([STORAGE_NAMES.recordStore, STORAGE_NAMES.segmentStore], 'readwrite', { durability });
    const requests: Promise<unknown>[] = [tx.done];
    for (const record of records) requests.push(tx.objectStore(STORAGE_NAMES.recordStore).put(record));
    for (const segment of segments) requests.push(tx.objectStore(STORAGE_NAMES.segmentStore).put(segment));
    records = [];
    segments = [];
    bytes = 0;
    for (const request of requests) request.catch(() => undefined);
    try {
      await Promise.all(requests);
    } catch (error) {
      throw storageFailure(error);
    }
  };

  const close = () => {
    if (!closed) db.close();
    closed = true;
  };

  return {
    generation,
    async add(item) {
      if (item.kind === 'record') {
        records.push(item.record);
        bytes += item.record.c.length;
      } else {
        segments.push(item.segment);
        bytes += item.segment.c.length;
      }
      if (bytes >= BATCH_BYTES || records.length + segments.length >= BATCH_ITEMS) await flush('relaxed');
    },
    async finish(expected) {
      // Strict: LevelDB syncs its log, and with it every relaxed write before this one, so nothing
      // staged can be lost after the key file points here.
      await flush('strict');
      const [r, s] = await Promise.all([db.count(STORAGE_NAMES.recordStore), db.count(STORAGE_NAMES.segmentStore)]);
      if (r !== expected.records || s !== expected.segments) throw new StoreError('invalid', 'staged counts differ (repeated keys)');
    },
    async discard() {
      close();
      await deleteNamed(name).catch(() => undefined);
    },
    async commit(previous, keyFile) {
      close();
      await installKeyFile(previous, keyFile);
      // Switched. This tab's connection to the old database goes; other tabs' close when the delete
      // reaches them (db.ts, `blocking`), and reopen on the new one.
      await closeDatabase();
      await deleteNamed(databaseName(current)).catch(() => undefined);
    },
  };
}
