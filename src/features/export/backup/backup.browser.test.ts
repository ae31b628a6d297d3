// Runs in real Chromium: a vault with records and an attachment's segments is backed up, then
// restored into a staging database and switched to; a restore stopped at any point leaves the live
// database and key file byte for byte as they were; leftovers are swept.
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createKeyFile, createRepository, deleteDatabase, eraseKeyFile, putSegment, readKeyFile, sweepLeftoverDatabases } from '../../../platform/store';
import { BACKUP_HEADER_BYTES, DB_GENERATION_OFFSET, createVault, endSession, isUnlocked, parseRecoveryCode, randomBytes } from '../../../platform/vault';
import { FAST_KDF, inlineDeriver } from '../../../platform/vault/testing';
import { defaultSettings, settingsRecord, slotRolesRecord } from '../../settings';
import { makeBackup } from './makeBackup';
import { openBackupFile, restoreBackup } from './restore';

const Note = z.object({ text: z.string() });
const notes = createRepository({ kind: 'note', schema: Note, schemaVersion: 1 });

type Raw = { records: { id: string; t: string; v: number; c: number[] }[]; segments: { a: string; i: number; c: number[] }[] };

/** Every database of ours and what it holds, as plain data to compare. */
async function snapshot(): Promise<Record<string, Raw>> {
  const out: Record<string, Raw> = {};
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    const db = await openDB(name);
    const records = (await db.getAll('r')).map((r) => ({ ...r, c: Array.from(r.c as Uint8Array) }));
    const segments = (await db.getAll('s')).map((s) => ({ ...s, c: Array.from(s.c as Uint8Array) }));
    db.close();
    out[name] = { records, segments };
  }
  return out;
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<File> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(new Uint8Array(value));
  }
  return new File(parts, 'data.bin');
}

async function newVaultWithContent(): Promise<{ words: string; ids: string[] }> {
  const created = await createVault('123456', FAST_KDF, inlineDeriver);
  await createKeyFile(created.keyFile);
  await settingsRecord.write(defaultSettings('en'));
  await slotRolesRecord.write(created.roles);
  const ids = [await notes.put({ text: 'first' }), await notes.put({ text: 'second' })];
  for (let i = 0; i < 3; i++) await putSegment('owner', i, randomBytes(i === 2 ? 1000 : 1024 * 1024 + 16));
  return { words: created.recovery.words.join(' '), ids };
}

beforeEach(async () => {
  endSession();
  await deleteDatabase();
  await eraseKeyFile();
});
// Browser test files share one origin: leave no key file (whose byte 50 names the database) behind.
afterEach(async () => {
  endSession();
  await deleteDatabase();
  await eraseKeyFile();
});

describe('backup and restore in the browser', () => {
  it('restores into a staging database and switches to it: identical records and segments, the vault open', async () => {
    const { words, ids } = await newVaultWithContent();
    const before = await snapshot();
    const file = await collect(await makeBackup());
    expect(file.size).toBeGreaterThan(2 * 1024 * 1024);

    // Another phone: nothing there.
    endSession();
    await deleteDatabase();
    await eraseKeyFile();
    const opened = await openBackupFile(file, words);
    const { settings } = await restoreBackup(opened);
    expect(isUnlocked()).toBe(true);
    expect(settings?.language).toBe('en');
    expect(await notes.get(ids[0] as string)).toEqual({ text: 'first' });

    const keyFile = await readKeyFile();
    const generation = keyFile?.[DB_GENERATION_OFFSET] ?? 0;
    expect(generation).toBe(1);
    const after = await snapshot();
    expect(Object.keys(after)).toEqual(['calc-1']);
    expect(after['calc-1']).toEqual(before.calc);
  });

  it('forgets a second PIN: the backup carries none of its slots, so Settings must not claim one', async () => {
    const { words } = await newVaultWithContent();
    const roles = await slotRolesRecord.read();
    const free = [0, 1, 2, 3, 4, 5, 6, 7].filter((i) => i !== roles?.secret && i !== roles?.recovery);
    await slotRolesRecord.write({ ...roles!, duress: { secret: free[0]!, recovery: free[1]! } });
    const file = await collect(await makeBackup());
    endSession();
    await deleteDatabase();
    await eraseKeyFile();
    await restoreBackup(await openBackupFile(file, words));
    expect(await slotRolesRecord.read()).toEqual({ secret: roles?.secret, recovery: roles?.recovery });
  });

  it('over an existing vault: the old database goes, the backup is the vault', async () => {
    const first = await newVaultWithContent();
    const file = await collect(await makeBackup());
    const backedUp = await snapshot();
    endSession();
    await deleteDatabase();
    await eraseKeyFile();
    await newVaultWithContent();
    await restoreBackup(await openBackupFile(file, first.words));
    const after = await snapshot();
    expect(Object.keys(after)).toEqual(['calc-1']);
    expect(after['calc-1']).toEqual(backedUp.calc);
    expect(await notes.get(first.ids[1] as string)).toEqual({ text: 'second' });
  });

  it('a restore stopped at any point leaves the live database and key file byte for byte as they were', async () => {
    const { words } = await newVaultWithContent();
    const file = await collect(await makeBackup());
    const keyFileBefore = await readKeyFile();
    const before = await snapshot();
    const total = file.size - BACKUP_HEADER_BYTES;
    for (const stopAt of [1, 1024 * 1024, 2 * 1024 * 1024 + 100, total - 1]) {
      const abort = new AbortController();
      const opened = await openBackupFile(file, words);
      await expect(restoreBackup(opened, { signal: abort.signal, onProgress: (done) => done >= stopAt && abort.abort() })).rejects.toMatchObject({ code: 'aborted' });
      expect(await readKeyFile()).toEqual(keyFileBefore);
      expect(await snapshot()).toEqual(before);
    }
    // A damaged file, likewise: refused by name, nothing changed, no staging database left.
    const cut = new File([file.slice(0, file.size - 10)], 'data.bin');
    await expect(restoreBackup(await openBackupFile(cut, words))).rejects.toMatchObject({ code: 'backup_damaged' });
    expect(await readKeyFile()).toEqual(keyFileBefore);
    expect(await snapshot()).toEqual(before);
    await expect(openBackupFile(file, 'abandon '.repeat(11) + 'about')).rejects.toMatchObject({ code: 'wrong_recovery_code' });
    await expect(openBackupFile(file, 'abandon '.repeat(12))).rejects.toMatchObject({ code: 'recovery_code_invalid' });
    expect(parseRecoveryCode(words)).toHaveLength(16);
  });

  it('sweeps away a database the key file does not point at (a restore cut off before its switch)', async () => {
    await newVaultWithContent();
    const leftover = await openDB('calc-1', 2, { upgrade: (db) => void db.createObjectStore('r', { keyPath: 'id' }) });
    leftover.close();
    await sweepLeftoverDatabases();
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual(['calc']);
  });
});

describe('the switch (key file install)', () => {
  it('finishes an install a closed tab left after its commit point, on the next read', async () => {
    const old = new Uint8Array(544).fill(1);
    const next = new Uint8Array(544).fill(2);
    await createKeyFile(old);
    // As a tab closed right after the rename would leave it: the new file waiting under its name.
    const root = await navigator.storage.getDirectory();
    const writable = await (await root.getFileHandle('calc.new', { create: true })).createWritable();
    await writable.write(next);
    await writable.close();
    expect(await readKeyFile()).toEqual(next);
    await expect(root.getFileHandle('calc.new')).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  async function leave(name: string, bytes: Uint8Array): Promise<void> {
    const root = await navigator.storage.getDirectory();
    const writable = await (await root.getFileHandle(name, { create: true })).createWritable();
    await writable.write(new Uint8Array(bytes));
    await writable.close();
  }
  const files = async () => {
    const names: string[] = [];
    for await (const name of (await navigator.storage.getDirectory()).keys()) names.push(name);
    return names.sort();
  };

  it('a finished copy cut off while being erased (random bytes) is erased, never copied over the key file', async () => {
    const current = new Uint8Array(544).fill(3);
    await createKeyFile(current);
    await leave('calc.old', randomBytes(544));
    expect(await readKeyFile()).toEqual(current);
    expect(await files()).toEqual(['calc.dat']);
  });

  it('with both the waiting file and an unfinished erase left behind, the waiting file wins', async () => {
    await createKeyFile(new Uint8Array(544).fill(1));
    const next = new Uint8Array(544).fill(2);
    await leave('calc.new', next);
    await leave('calc.old', randomBytes(544));
    expect(await readKeyFile()).toEqual(next);
    expect(await files()).toEqual(['calc.dat']);
  });

  it('a temporary file a crash left behind is overwritten before it is reused', async () => {
    await leave('calc.tmp', new Uint8Array(544).fill(9));
    await createKeyFile(new Uint8Array(544).fill(4));
    expect(await readKeyFile()).toEqual(new Uint8Array(544).fill(4));
    expect(await files()).toEqual(['calc.dat']);
  });
});
