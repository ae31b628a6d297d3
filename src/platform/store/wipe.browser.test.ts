// Runs in real Chromium: the wipe against real OPFS, IndexedDB and Cache Storage.
import { afterEach, describe, expect, it } from 'vitest';
import { endSession } from '../vault';
import { deleteDatabase, openDatabase } from './db';
import { createKeyFile, eraseKeyFile, readKeyFile } from './keyFileStore';
import { STORAGE_NAMES } from './names';
import { wipeDevice } from './wipe';

async function otherDatabase(name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('s').put('x', 1);
    open.onsuccess = () => (open.result.close(), resolve());
    open.onerror = () => reject(open.error);
  });
}

async function opfsNames(): Promise<string[]> {
  const names: string[] = [];
  const root = await navigator.storage.getDirectory();
  for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
  return names;
}

afterEach(async () => {
  endSession();
  await deleteDatabase();
  await eraseKeyFile();
});

describe('wipeDevice', () => {
  it('removes the key file, every database of the origin (ours open, and any other), and every cache but the app shell', async () => {
    await createKeyFile(crypto.getRandomValues(new Uint8Array(544)));
    // Our database, open in this page, as it is after an unlock.
    const db = await openDatabase();
    await db.put(STORAGE_NAMES.recordStore, { id: 'a', t: 't', v: 1, c: new Uint8Array(8) });
    await otherDatabase('calc-staging-test');
    await (await caches.open('calc-p-1')).put('/shell', new Response('shell'));
    await (await caches.open('calc-r-1')).put('/other', new Response('other'));

    await wipeDevice();

    expect(await readKeyFile()).toBeNull();
    expect(await opfsNames()).not.toContain(STORAGE_NAMES.keyFile);
    expect(await opfsNames()).not.toContain(STORAGE_NAMES.keyFileTemp);
    const left = (await indexedDB.databases()).map((d) => d.name);
    expect(left).not.toContain(STORAGE_NAMES.database);
    expect(left).not.toContain('calc-staging-test');
    const cachesLeft = await caches.keys();
    expect(cachesLeft).toContain('calc-p-1');
    expect(cachesLeft).not.toContain('calc-r-1');
    await caches.delete('calc-p-1');
  });

  it('does nothing harmful on a device never set up', async () => {
    await wipeDevice();
    expect(await readKeyFile()).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(STORAGE_NAMES.database);
  });
});
