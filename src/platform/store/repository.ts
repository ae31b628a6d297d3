// The encrypted repository: the one way features keep data. put/get/list/delete by kind; every value
// is validated with its zod schema before sealing and again after opening, and encryption happens
// before the IndexedDB transaction opens (awaiting crypto inside one would let it auto-commit).

import type { z } from 'zod';
import { type RecordContext, type SessionCapture, captureSession, isVaultError, kindTag, newId, openRecord } from '../vault';
import { type StoredRecord, openDatabase } from './db';
import { StoreError, storageFailure } from './errors';
import { STORAGE_NAMES } from './names';

export type Listed<T> = { id: string; value: T; damaged?: false } | { id: string; damaged: true };

/** A record sealed and ready to write; several are written together by `commitWrites`. */
export interface PreparedWrite {
  readonly record: StoredRecord;
}

export interface Repository<T> {
  put(value: T, id?: string): Promise<string>;
  /** Validates and seals a value without writing it, for an atomic write of several records. */
  prepare(value: T, id?: string, session?: SessionCapture): Promise<PreparedWrite>;
  get(id: string): Promise<T | undefined>;
  list(): Promise<Listed<T>[]>;
  delete(id: string): Promise<void>;
}

export interface RepositoryOptions<S extends z.ZodType> {
  kind: string;
  schema: S;
  schemaVersion: number;
}

export function createRepository<S extends z.ZodType>({ kind, schema, schemaVersion }: RepositoryOptions<S>): Repository<z.infer<S>> {
  type T = z.infer<S>;

  async function open(id: string, v: number, sealed: Uint8Array): Promise<T> {
    const ctx: RecordContext = { kind, id, schemaVersion: v };
    let plain: unknown;
    try {
      plain = await openRecord(ctx, sealed);
    } catch (error) {
      if (isVaultError(error, 'record_damaged') || isVaultError(error, 'record_version')) throw new StoreError('damaged', `${kind} record damaged`, { cause: error });
      throw error;
    }
    const parsed = schema.safeParse(plain);
    if (!parsed.success) throw new StoreError('damaged', `${kind} record failed validation`);
    return parsed.data;
  }

  // Keys are captured synchronously, before the first await: a put started inside a lock handler
  // finishes after the lock (see features/exit/teardown.ts).
  function prepare(value: T, id: string = newId(), session: SessionCapture = captureSession()): Promise<PreparedWrite> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return Promise.reject(new StoreError('invalid', `${kind} value failed validation`));
    return Promise.all([session.kindTag(kind), session.seal({ kind, id, schemaVersion }, parsed.data)]).then(([t, c]) => ({ record: { id, t, v: schemaVersion, c } }));
  }

  return {
    prepare,
    async put(value, id = newId()) {
      await commitWrites([await prepare(value, id)]);
      return id;
    },

    async get(id) {
      const db = await openDatabase();
      const stored = await db.get(STORAGE_NAMES.recordStore, id).catch((error: unknown) => {
        throw storageFailure(error);
      });
      if (!stored) return undefined;
      if (stored.t !== (await kindTag(kind))) throw new StoreError('damaged', `${kind} record has another kind`);
      return open(id, stored.v, stored.c);
    },

    async list() {
      const tag = await kindTag(kind);
      const db = await openDatabase();
      const all = await db.getAllFromIndex(STORAGE_NAMES.recordStore, STORAGE_NAMES.tagIndex, tag).catch((error: unknown) => {
        throw storageFailure(error);
      });
      // A damaged record is reported as such, never dropped: she must know something is wrong.
      return Promise.all(
        all.map(async (stored): Promise<Listed<T>> => {
          try {
            return { id: stored.id, value: await open(stored.id, stored.v, stored.c) };
          } catch (error) {
            if (error instanceof StoreError && error.code === 'damaged') return { id: stored.id, damaged: true };
            throw error;
          }
        }),
      );
    },

    async delete(id) {
      const db = await openDatabase();
      await db.delete(STORAGE_NAMES.recordStore, id).catch((error: unknown) => {
        throw storageFailure(error);
      });
    },
  };
}

/**
 * Writes sealed records (and deletes ids) in one IndexedDB transaction: all of them or none. Every
 * record was encrypted before this opens the transaction, so nothing but IndexedDB is awaited in it.
 */
export async function commitWrites(writes: readonly PreparedWrite[], deletes: readonly string[] = []): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction(STORAGE_NAMES.recordStore, 'readwrite');
  // When one request fails the transaction aborts and every other request rejects too: each is
  // handled here (the first failure is the one reported), so none surfaces as an unhandled rejection.
  const requests: Promise<unknown>[] = [tx.done];
  try {
    try {
      for (const w of writes) requests.push(tx.store.put(w.record));
      for (const id of deletes) requests.push(tx.store.delete(id));
    } finally {
      for (const request of requests) request.catch(() => undefined);
    }
    await Promise.all(requests);
  } catch (error) {
    // A request that throws synchronously does not abort the transaction by itself: without this,
    // the writes queued before it would commit.
    try {
      tx.abort();
    } catch {
      // already finished
    }
    throw storageFailure(error);
  }
}

/**
 * A repository holding one value (settings, slot roles). Its id is the kind's tag, so it can be
 * found again without a name on disk and without listing.
 */
export interface Singleton<T> {
  read(): Promise<T | undefined>;
  write(value: T): Promise<void>;
  prepare(value: T): Promise<PreparedWrite>;
  remove(): Promise<void>;
}

export function createSingleton<S extends z.ZodType>(options: RepositoryOptions<S>): Singleton<z.infer<S>> {
  const repo = createRepository(options);
  return {
    read: async () => repo.get(await kindTag(options.kind)),
    write: (value) => {
      const session = captureSession();
      return session.kindTag(options.kind).then(async (id) => commitWrites([await repo.prepare(value, id, session)]));
    },
    prepare: (value) => {
      const session = captureSession();
      return session.kindTag(options.kind).then((id) => repo.prepare(value, id, session));
    },
    remove: async () => repo.delete(await kindTag(options.kind)),
  };
}
