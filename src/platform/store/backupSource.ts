// The database as it is on disk, for a backup: every record and every segment, raw (ids, tags,
// schema versions and ciphertext); segments read in pages so memory stays flat whatever the
// attachments weigh. Nothing is opened or decrypted here.
import { type StoredRecord, type StoredSegment, openDatabase } from './db';
import { storageFailure } from './errors';
import { STORAGE_NAMES } from './names';

/** Segments per page: 1 MiB each, so one at a time. */
const SEGMENT_PAGE = 1;

export async function rawCounts(): Promise<{ records: number; segments: number }> {
  try {
    const db = await openDatabase();
    const [records, segments] = await Promise.all([db.count(STORAGE_NAMES.recordStore), db.count(STORAGE_NAMES.segmentStore)]);
    return { records, segments };
  } catch (error) {
    throw storageFailure(error);
  }
}

/**
 * Every record, in key order, read in ONE transaction: IndexedDB gives a read-only transaction a
 * consistent snapshot, and every change to the log commits in one transaction, so the backup never
 * holds a chain link without its entry (or the index without either), whatever another tab saves
 * meanwhile. Records are small (a 10,000-entry log is a few tens of MB at most); segments, the bulk,
 * are paged below. Segments are written before the record that refers to them, so reading records
 * first and segments second never leaves a record without its segments.
 */
export async function* rawRecords(): AsyncGenerator<StoredRecord> {
  let all: (StoredRecord | undefined)[];
  try {
    const db = await openDatabase();
    all = await db.getAll(STORAGE_NAMES.recordStore);
  } catch (error) {
    throw storageFailure(error);
  }
  // Each record is let go as it is handed on.
  for (let i = 0; i < all.length; i++) {
    const record = all[i] as StoredRecord;
    all[i] = undefined;
    yield record;
  }
}

/** Every segment, in key order, a few per transaction. */
export async function* rawSegments(): AsyncGenerator<StoredSegment> {
  let after: [string, number] | null = null;
  for (;;) {
    let page: StoredSegment[];
    try {
      const db = await openDatabase();
      page = await db.getAll(STORAGE_NAMES.segmentStore, after === null ? null : IDBKeyRange.lowerBound(after, true), SEGMENT_PAGE);
    } catch (error) {
      throw storageFailure(error);
    }
    const count = page.length;
    const last = count > 0 ? (page[count - 1] as StoredSegment) : null;
    after = last ? [last.a, last.i] : after;
    // Each segment is let go as it is handed on, not held until the page ends.
    for (let segment = page.shift(); segment; segment = page.shift()) yield segment;
    if (count < SEGMENT_PAGE) return;
  }
}
