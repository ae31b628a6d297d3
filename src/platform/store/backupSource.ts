// The database as it is on disk, for a backup: every record and every segment, raw (ids, tags,
// schema versions and ciphertext), read in pages so memory stays flat whatever the attachments
// weigh. Nothing is opened or decrypted here.
import { type StoredRecord, type StoredSegment, openDatabase } from './db';
import { storageFailure } from './errors';
import { STORAGE_NAMES } from './names';

/** Records per page: small records, so a page is well under a few MB. */
const RECORD_PAGE = 256;
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

/** Every record, in key order, a page per transaction. */
export async function* rawRecords(): AsyncGenerator<StoredRecord> {
  let after: string | null = null;
  for (;;) {
    let page: StoredRecord[];
    try {
      const db = await openDatabase();
      page = await db.getAll(STORAGE_NAMES.recordStore, after === null ? null : IDBKeyRange.lowerBound(after, true), RECORD_PAGE);
    } catch (error) {
      throw storageFailure(error);
    }
    for (const record of page) yield record;
    if (page.length < RECORD_PAGE) return;
    after = (page[page.length - 1] as StoredRecord).id;
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
