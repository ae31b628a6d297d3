// Attachment segments: sealed 1 MiB pieces, each its own IndexedDB record, keyed by an opaque owner id
// and index. The vault seals and opens them; this module only keeps them.
import { openDatabase } from './db';
import { storageFailure } from './errors';
import { STORAGE_NAMES } from './names';

const range = (owner: string) => IDBKeyRange.bound([owner, 0], [owner, Number.MAX_SAFE_INTEGER]);

export async function putSegment(owner: string, index: number, sealed: Uint8Array<ArrayBuffer>): Promise<void> {
  try {
    const db = await openDatabase();
    // Relaxed durability: a segment is worthless until the attachment's record commits (strictly,
    // in the log's transaction), so it need not be flushed to disk on its own.
    const tx = db.transaction(STORAGE_NAMES.segmentStore, 'readwrite', { durability: 'relaxed' });
    await Promise.all([tx.store.put({ a: owner, i: index, c: sealed }), tx.done]);
  } catch (error) {
    throw storageFailure(error);
  }
}

export async function getSegment(owner: string, index: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    const db = await openDatabase();
    return (await db.get(STORAGE_NAMES.segmentStore, [owner, index]))?.c;
  } catch (error) {
    throw storageFailure(error);
  }
}

export async function countSegments(owner: string): Promise<number> {
  const db = await openDatabase();
  return db.count(STORAGE_NAMES.segmentStore, range(owner));
}

/** Removes every segment of one owner (an import abandoned, an attachment removed). */
export async function deleteSegments(owner: string): Promise<void> {
  try {
    const db = await openDatabase();
    await db.delete(STORAGE_NAMES.segmentStore, range(owner));
  } catch (error) {
    throw storageFailure(error);
  }
}

/** Every owner that has segments, for sweeping away imports cut off by a crash. */
export async function segmentOwners(): Promise<string[]> {
  const db = await openDatabase();
  const owners: string[] = [];
  let cursor = await db.transaction(STORAGE_NAMES.segmentStore).store.index(STORAGE_NAMES.ownerIndex).openKeyCursor(null, 'nextunique');
  while (cursor) {
    owners.push(cursor.key);
    cursor = await cursor.continue();
  }
  return owners;
}
