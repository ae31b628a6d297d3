// Where the log's index lives while unlocked, and how changes to it are made safely. Every change
// runs under one Web Lock (so two tabs never fork the chain or lose an index line), re-reads the
// manifest and shard from storage inside the lock, and writes everything it changes in one
// IndexedDB transaction. Other tabs hear of it and drop their cached index.
//
// The decrypted index is cached in memory for speed and dropped the moment the session ends.
import { type PreparedWrite, StoreError, commitWrites } from '../../platform/store';
import { newId, onSessionEnd } from '../../platform/vault';
import { manifest, shards } from './repository';
import { type IndexEntry, type IndexShard, type LogManifest, SHARD_SIZE } from './schema';

const LOCK = 'calc-log';
const EMPTY: LogManifest = { head: null, count: 0, shards: [] };

interface Cache {
  manifest: LogManifest;
  shards: Map<number, IndexShard>;
}

let cache: Cache | null = null;
let loading: Promise<Cache> | null = null;
const listeners = new Set<() => void>();

function forget(): void {
  cache = null;
  loading = null;
}

onSessionEnd(forget);

const channel = 'BroadcastChannel' in globalThis ? new BroadcastChannel('calc-log') : null;
channel?.addEventListener('message', () => {
  forget();
  for (const listener of listeners) listener();
});

/** Called when the log changes (here or in another tab). */
export function onLogChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function readManifest(): Promise<LogManifest> {
  return (await manifest.read()) ?? EMPTY;
}

async function readShard(from: LogManifest, n: number): Promise<IndexShard> {
  const ref = from.shards.find((s) => s.n === n);
  if (!ref) return { n, entries: [] };
  const shard = await shards.get(ref.id);
  if (!shard) throw new StoreError('damaged', 'index shard missing');
  return shard;
}

async function load(): Promise<Cache> {
  const m = await readManifest();
  const all = await Promise.all(m.shards.map((ref) => readShard(m, ref.n)));
  return { manifest: m, shards: new Map(all.map((s) => [s.n, s])) };
}

/** Every index line, in the order entries were first saved. */
export async function loadIndex(): Promise<IndexEntry[]> {
  if (!cache) {
    const pending = (loading ??= load());
    const loaded = await pending;
    // A lock while loading has forgotten this load: do not bring it back.
    if (loading === pending) cache = loaded;
  }
  return [...(cache?.shards.values() ?? [])].sort((a, b) => a.n - b.n).flatMap((s) => s.entries);
}

export async function currentHead(): Promise<LogManifest['head']> {
  return (await readManifest()).head;
}

/** What a change sees: the manifest and a way to read any shard, both fresh from storage. */
export interface LogTransaction {
  manifest: LogManifest;
  shard(n: number): Promise<IndexShard>;
  /** The shard an entry lives in, or -1. */
  shardOf(entryId: string): Promise<number>;
}

export interface LogChange {
  manifest: LogManifest;
  shards: IndexShard[];
  writes: PreparedWrite[];
}

/** Runs a change under the log's lock and commits it atomically. */
export async function changeLog<T>(work: (tx: LogTransaction) => Promise<{ change: LogChange; result: T }>): Promise<T> {
  return navigator.locks.request(LOCK, async () => {
    const m = await readManifest();
    const read = new Map<number, IndexShard>();
    const tx: LogTransaction = {
      manifest: m,
      async shard(n) {
        if (!read.has(n)) read.set(n, await readShard(m, n));
        return read.get(n) as IndexShard;
      },
      async shardOf(entryId) {
        for (const ref of m.shards) if ((await tx.shard(ref.n)).entries.some((e) => e.id === entryId)) return ref.n;
        return -1;
      },
    };
    const { change, result } = await work(tx);
    const refs = [...change.manifest.shards];
    const shardWrites = await Promise.all(
      change.shards.map((shard) => {
        let ref = refs.find((r) => r.n === shard.n);
        if (!ref) refs.push((ref = { n: shard.n, id: newId() }));
        return shards.prepare(shard, ref.id);
      }),
    );
    const nextManifest = { ...change.manifest, shards: refs.sort((a, b) => a.n - b.n) };
    await commitWrites([...change.writes, ...shardWrites, await manifest.prepare(nextManifest)]);
    if (cache) {
      cache.manifest = nextManifest;
      for (const shard of change.shards) cache.shards.set(shard.n, shard);
    }
    channel?.postMessage('changed');
    for (const listener of listeners) listener();
    return result;
  });
}

export function shardForNewEntry(m: LogManifest): number {
  return Math.floor(m.count / SHARD_SIZE);
}
