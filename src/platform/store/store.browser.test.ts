// Runs in real Chromium: real IndexedDB, OPFS, workers and WebCrypto.
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createVault, endSession, unlockWithSecret } from '../vault';
import { FAST_KDF, inlineDeriver } from '../vault/testing';
import { DB_VERSION, databaseExists, deleteDatabase } from './db';
import { clearFailedAttempts, countFailedAttempt, createKeyFile, eraseKeyFile, readKeyFile, replaceKeyFile } from './keyFileStore';
import { STORAGE_NAMES } from './names';
import { commitWrites, createRepository, createSingleton } from './repository';
import { StoreError, storageFailure } from './errors';
import { countSegments, deleteSegments, getSegment, putSegment, segmentOwners } from './segments';

const Note = z.object({ text: z.string().min(1) });
const notes = createRepository({ kind: 'note', schema: Note, schemaVersion: 1 });

async function rawRecords() {
  const db = await openDB(STORAGE_NAMES.database);
  const all = await db.getAll(STORAGE_NAMES.recordStore);
  db.close();
  return all as { id: string; t: string; v: number; c: Uint8Array }[];
}

async function alterCiphertext(id: string) {
  const db = await openDB(STORAGE_NAMES.database);
  const record = await db.get(STORAGE_NAMES.recordStore, id);
  record.c[record.c.length - 5] ^= 1;
  await db.put(STORAGE_NAMES.recordStore, record);
  db.close();
}

beforeEach(async () => {
  await deleteDatabase();
  await eraseKeyFile();
});

afterEach(() => endSession());

describe('encrypted repository', () => {
  it('does not create the database until something is stored', async () => {
    expect(await databaseExists()).toBe(false);
    await createVault('123456', FAST_KDF, inlineDeriver);
    await notes.put({ text: 'hello' });
    expect(await databaseExists()).toBe(true);
  });

  it('round-trips values and stores only ciphertext under opaque names', async () => {
    await createVault('123456', FAST_KDF, inlineDeriver);
    const canary = 'CANARY-repo-7f3a';
    const id = await notes.put({ text: canary });
    expect(await notes.get(id)).toEqual({ text: canary });
    const [stored] = await rawRecords();
    expect(stored?.id).toBe(id);
    expect(stored?.t).not.toContain('note');
    const asText = new TextDecoder('latin1').decode(stored?.c);
    expect(asText).not.toContain(canary);
    expect(JSON.stringify(stored)).not.toContain('note');
  });

  it('refuses a value that fails its schema and stores nothing', async () => {
    await createVault('123456', FAST_KDF, inlineDeriver);
    await expect(notes.put({ text: '' })).rejects.toMatchObject({ code: 'invalid' });
    expect(await databaseExists()).toBe(false);
  });

  it('marks an altered record as damaged and still opens every other', async () => {
    await createVault('123456', FAST_KDF, inlineDeriver);
    const good = await notes.put({ text: 'one' });
    const bad = await notes.put({ text: 'two' });
    await alterCiphertext(bad);
    await expect(notes.get(bad)).rejects.toMatchObject({ code: 'damaged' });
    expect(await notes.get(good)).toEqual({ text: 'one' });
    const listed = await notes.list();
    expect(listed).toHaveLength(2);
    expect(listed.find((l) => l.id === bad)).toEqual({ id: bad, damaged: true });
    expect(listed.find((l) => l.id === good)).toEqual({ id: good, value: { text: 'one' } });
  });

  it('lists by kind without mixing kinds', async () => {
    await createVault('123456', FAST_KDF, inlineDeriver);
    const other = createRepository({ kind: 'other', schema: Note, schemaVersion: 1 });
    await notes.put({ text: 'a' });
    await other.put({ text: 'b' });
    expect((await notes.list()).map((l) => (l.damaged ? null : l.value.text))).toEqual(['a']);
    expect((await other.list()).map((l) => (l.damaged ? null : l.value.text))).toEqual(['b']);
  });

  it('keeps a singleton under a stable opaque id', async () => {
    const created = await createVault('123456', FAST_KDF, inlineDeriver);
    const settings = createSingleton({ kind: 'prefs', schema: z.object({ n: z.number() }), schemaVersion: 1 });
    expect(await settings.read()).toBeUndefined();
    await settings.write({ n: 1 });
    await settings.write({ n: 2 });
    endSession();
    await unlockWithSecret(created.keyFile, '123456', inlineDeriver);
    expect(await settings.read()).toEqual({ n: 2 });
    expect(await rawRecords()).toHaveLength(1);
  });

  it('cannot read anything once the session has ended', async () => {
    await createVault('123456', FAST_KDF, inlineDeriver);
    const id = await notes.put({ text: 'x' });
    endSession();
    await expect(notes.get(id)).rejects.toMatchObject({ code: 'locked' });
  });

  it('finishes a put started synchronously just before the session ends (how drafts survive a lock)', async () => {
    const created = await createVault('123456', FAST_KDF, inlineDeriver);
    const saving = notes.put({ text: 'half-written' });
    endSession();
    const id = await saving;
    await unlockWithSecret(created.keyFile, '123456', inlineDeriver);
    expect(await notes.get(id)).toEqual({ text: 'half-written' });
  });

  it('writes several records all together, or none of them', async () => {
    await createVault('123456', FAST_KDF, inlineDeriver);
    const keep = await notes.put({ text: 'kept' });
    await commitWrites([await notes.prepare({ text: 'a' }, 'id-a'), await notes.prepare({ text: 'b' }, 'id-b')], [keep]);
    expect((await notes.list()).map((l) => l.id).sort()).toEqual(['id-a', 'id-b']);
    // A write that fails part way (a record with an id of the wrong type) leaves everything as it was.
    const broken = { record: { ...(await notes.prepare({ text: 'c' }, 'id-c')).record, id: undefined as unknown as string } };
    await expect(commitWrites([await notes.prepare({ text: 'd' }, 'id-d'), broken])).rejects.toBeDefined();
    expect((await notes.list()).map((l) => l.id).sort()).toEqual(['id-a', 'id-b']);
  });

  it('finishes a singleton write started just before the session ends (a draft saved on lock)', async () => {
    const created = await createVault('123456', FAST_KDF, inlineDeriver);
    const draft = createSingleton({ kind: 'draft', schema: Note, schemaVersion: 1 });
    const saving = draft.write({ text: 'half a sentence' });
    endSession();
    await saving;
    await unlockWithSecret(created.keyFile, '123456', inlineDeriver);
    expect(await draft.read()).toEqual({ text: 'half a sentence' });
  });

  it('upgrades a version 1 database without losing what it holds', async () => {
    const created = await createVault('123456', FAST_KDF, inlineDeriver);
    // A database as version 1 made it, holding one record.
    const sealed = await notes.prepare({ text: 'from version one' }, 'old-id');
    const v1 = await openDB(STORAGE_NAMES.database, 1, {
      upgrade(db) {
        db.createObjectStore(STORAGE_NAMES.recordStore, { keyPath: 'id' }).createIndex(STORAGE_NAMES.tagIndex, 't');
      },
    });
    await v1.put(STORAGE_NAMES.recordStore, sealed.record);
    v1.close();
    endSession();
    await unlockWithSecret(created.keyFile, '123456', inlineDeriver);
    expect(await notes.get('old-id')).toEqual({ text: 'from version one' });
    const db = await openDB(STORAGE_NAMES.database);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain(STORAGE_NAMES.segmentStore);
    db.close();
  });

  it('creates the current schema through its migrations', async () => {
    await createVault('123456', FAST_KDF, inlineDeriver);
    await notes.put({ text: 'x' });
    const db = await openDB(STORAGE_NAMES.database);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([STORAGE_NAMES.recordStore, STORAGE_NAMES.segmentStore].sort());
    expect([...db.transaction(STORAGE_NAMES.recordStore).store.indexNames]).toEqual([STORAGE_NAMES.tagIndex]);
    db.close();
  });
});

describe('key file in OPFS', () => {
  it('is absent until created, appears whole, changes in place and erases', async () => {
    expect(await readKeyFile()).toBeNull();
    const bytes = new Uint8Array(544).map((_, i) => i % 251);
    await createKeyFile(bytes);
    expect(await readKeyFile()).toEqual(bytes);
    const next = bytes.slice();
    next.set([9, 9, 9], 100);
    await replaceKeyFile(bytes, next);
    const patched = await readKeyFile();
    expect(patched?.length).toBe(544);
    expect(Array.from(patched?.subarray(99, 104) ?? [])).toEqual([99, 9, 9, 9, 103]);
    const root = await navigator.storage.getDirectory();
    const names: string[] = [];
    for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    expect(names).toEqual([STORAGE_NAMES.keyFile]);
    await eraseKeyFile();
    expect(await readKeyFile()).toBeNull();
  });

  it('never creates over an existing key file', async () => {
    await createKeyFile(new Uint8Array(544).fill(1));
    await expect(createKeyFile(new Uint8Array(544).fill(2))).rejects.toMatchObject({ code: 'exists' });
    expect((await readKeyFile())?.[0]).toBe(1);
  });

  it('refuses a change when the bytes were changed meanwhile (another tab), and writes nothing', async () => {
    const original = new Uint8Array(544).fill(1);
    await createKeyFile(original);
    const mine = original.slice();
    mine.set([5, 5], 200);
    const theirs = original.slice();
    theirs.set([7, 7], 200);
    await replaceKeyFile(original, theirs);
    await expect(replaceKeyFile(original, mine)).rejects.toMatchObject({ code: 'conflict' });
    expect((await readKeyFile())?.[200]).toBe(7);
  });

  it('counts every failed attempt, even when many are counted at once', async () => {
    await createKeyFile(new Uint8Array(544));
    await Promise.all(Array.from({ length: 10 }, (_, i) => countFailedAttempt(1000 + i)));
    const view = new DataView(((await readKeyFile()) as Uint8Array).buffer);
    expect(view.getUint32(36, true)).toBe(10);
    await clearFailedAttempts();
    expect(new DataView(((await readKeyFile()) as Uint8Array).buffer).getUint32(36, true)).toBe(0);
  });

  it('fails a change that would run past the end of the file', async () => {
    await createKeyFile(new Uint8Array(544));
    await expect(replaceKeyFile(new Uint8Array(544), new Uint8Array(545))).rejects.toBeInstanceOf(StoreError);
    expect((await readKeyFile())?.length).toBe(544);
  });
});

describe('attachment segments', () => {
  it('keeps segments by owner and index, lists owners, and removes one owner without touching another', async () => {
    await putSegment('owner-a', 0, Uint8Array.of(1, 2, 3));
    await putSegment('owner-a', 1, Uint8Array.of(4));
    await putSegment('owner-b', 0, Uint8Array.of(9));
    expect(await getSegment('owner-a', 1)).toEqual(Uint8Array.of(4));
    expect(await countSegments('owner-a')).toBe(2);
    expect((await segmentOwners()).sort()).toEqual(['owner-a', 'owner-b']);
    await deleteSegments('owner-a');
    expect(await countSegments('owner-a')).toBe(0);
    expect(await getSegment('owner-b', 0)).toEqual(Uint8Array.of(9));
    expect(await segmentOwners()).toEqual(['owner-b']);
  });
});

describe('storage failures', () => {
  it('names a full disk and an unavailable store plainly', () => {
    expect(storageFailure(new DOMException('x', 'QuotaExceededError')).code).toBe('storage_full');
    expect(storageFailure(new DOMException('x', 'InvalidStateError')).code).toBe('storage_unavailable');
  });
});
