// Erasing everything this app keeps on the device (DESIGN §4, "Wipe").
//
// Deleting is not erasing: Chromium keeps deleted IndexedDB values in its LevelDB files for a while.
// What makes a wipe final is the key file: its slots are overwritten in place with random bytes (by
// the key-file worker, through a synchronous access handle, so the very bytes on disk change) and
// then it is removed. Whatever ciphertext lingers after that has no key left anywhere.
//
// Then every IndexedDB database of the origin is closed and deleted (all of them, by listing: not
// only ours by name, so a database added later is never forgotten), Cache Storage is cleared of all
// but the app shell, and, when online, the server is asked for `Clear-Site-Data: "storage"` on a
// path the service worker does not handle. Afterwards the origin looks like one never set up.

import { closeDatabase } from './db';
import { eraseKeyFile } from './keyFileStore';

/** Answered by the server with `Clear-Site-Data: "storage"`; paths under /_ never reach the service worker's cache. */
export const RESET_PATH = '/_reset';
/** The service worker's precache (the app shell): kept, so the calculator still opens offline. */
const APP_SHELL_CACHE = /^calc-p-/;

/**
 * Deletes one database. A connection another module or tab holds open delays the deletion until it
 * closes; the request stays queued and completes then, so a blocked delete is not waited for here.
 */
function deleteOne(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => resolve();
  });
}

async function deleteAllDatabases(): Promise<void> {
  const list = (await indexedDB.databases?.().catch(() => [])) ?? [];
  await Promise.all(list.flatMap((d) => (d.name ? [deleteOne(d.name)] : [])));
}

async function clearCaches(): Promise<void> {
  if (!('caches' in globalThis)) return;
  const names = await caches.keys().catch(() => [] as string[]);
  await Promise.all(names.filter((name) => !APP_SHELL_CACHE.test(name)).map((name) => caches.delete(name).catch(() => false)));
}

async function askServerToClear(): Promise<void> {
  if (!navigator.onLine) return;
  try {
    await fetch(RESET_PATH, { method: 'POST', cache: 'no-store', credentials: 'same-origin' });
  } catch {
    // Offline after all, or the server is away: the key is already gone, which is what matters.
  }
}

/**
 * Erases the app's data on this device: key slots overwritten and the key file removed, every
 * database deleted, caches cleared, and the server asked to clear site data. Never throws after
 * the key file is gone: the rest is best effort, and a half-finished wipe still has no key.
 */
export async function wipeDevice(): Promise<void> {
  // The key file is what makes a wipe final, and she is already looking at the calculator, unable to
  // see an error: a failure (another tab holding the file a moment) is retried before giving up.
  for (let attempt = 1; ; attempt++) {
    try {
      await eraseKeyFile();
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
  await closeDatabase().catch(() => undefined);
  await deleteAllDatabases();
  await clearCaches();
  await askServerToClear();
  // A tab that was locking as this ran may have saved a last draft meanwhile: delete again.
  await deleteAllDatabases();
}
