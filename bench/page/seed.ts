// Benchmark-only page (built with `vite build --mode bench`, never in dist/): drives the app's own
// modules in the same origin as the app, to seed a large vault and time its operations.
import { blankContent } from '../../src/features/evidence/content';
import { createEntry } from '../../src/features/evidence/entries';
import { importAttachment } from '../../src/features/evidence/attachments';
import { filterEntries, NO_FILTER } from '../../src/features/evidence/filter';
import { loadIndex } from '../../src/features/evidence/logStore';
import { IndexShard } from '../../src/features/evidence/schema';
import { endSession } from '../../src/platform/vault';
import type { EntryContent } from '../../src/features/evidence/schema';
import { putSegment, readKeyFile } from '../../src/platform/store';
import { SegmentWriter, createSha256Stream, getBrowserDeriver, newFileKey, newStreamParams, segmentKey, unlockWithSecret } from '../../src/platform/vault';

const WORDS = ['door', 'text', 'car', 'park', 'phone', 'sister', 'school', 'gate', 'street', 'night', 'message', 'window', 'shouting', 'followed', 'threat', 'camera'];
const KINDS = ['text', 'call', 'at_home', 'followed', 'threat', 'damage', 'violence'] as const;

function content(i: number): EntryContent {
  const at = new Date(Date.UTC(2025, 0, 1) + i * 37 * 60_000).toISOString().slice(0, 19) + '+00:00';
  const words = Array.from({ length: 30 }, (_, j) => WORDS[(i * 7 + j * 3) % WORDS.length]).join(' ');
  return blankContent(at, { approximate: i % 5 === 0, kinds: [KINDS[i % KINDS.length] as (typeof KINDS)[number]], what: `Entry ${i}: ${words}`, where: i % 3 ? 'At home' : 'Outside the school' });
}

function stream(size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  const chunk = new Uint8Array(256 * 1024);
  for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 131) % 251;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      const n = Math.min(chunk.length, size - sent);
      controller.enqueue(chunk.slice(0, n));
      sent += n;
    },
  });
}

/**
 * Each stage of an import on its own and in pairs (MB/s), to see where the time goes. Random bytes
 * cost IndexedDB far more than zeros: Chromium spends milliseconds of the calling thread on each
 * 1 MiB value, which is why the pure store figure flatters.
 */
async function stages(mb: number): Promise<Record<string, number>> {
  const size = mb * 1024 * 1024;
  const time = async (work: () => Promise<void>) => {
    const t0 = performance.now();
    await work();
    return mb / ((performance.now() - t0) / 1000);
  };
  const drain = async (each: (chunk: Uint8Array) => Promise<void> | void) => {
    const reader = stream(size).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      await each(value);
    }
  };
  const params = newStreamParams();
  const key = await segmentKey(newFileKey(), params, 'stage-test');
  const hasher = await createSha256Stream();
  return {
    read_MBps: await time(() => drain(() => undefined)),
    hash_MBps: await time(() => drain((c) => hasher.update(c))),
    encrypt_MBps: await time(async () => {
      const writer = new SegmentWriter(key, params, async () => undefined);
      await drain((c) => writer.write(c));
      await writer.close();
    }),
    store_MBps: await time(async () => {
      const segment = new Uint8Array(1024 * 1024 + 16);
      for (let i = 0; i < mb; i++) await putSegment('stage-test', i, segment);
    }),
    store_random_MBps: await time(async () => {
      const segment = new Uint8Array(1024 * 1024 + 16);
      for (let at = 0; at < segment.length; at += 65536) crypto.getRandomValues(segment.subarray(at, at + 65536));
      for (let i = 0; i < mb; i++) await putSegment('stage-test', i, segment);
    }),
    put_random_main_thread_ms_per_MB: await (async () => {
      const segment = new Uint8Array(1024 * 1024 + 16);
      for (let at = 0; at < segment.length; at += 65536) crypto.getRandomValues(segment.subarray(at, at + 65536));
      const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open('calc'); r.onsuccess = () => resolve(r.result); });
      let sync = 0;
      for (let i = 0; i < mb; i++) {
        const tx = db.transaction('s', 'readwrite', { durability: 'relaxed' });
        const t0 = performance.now();
        tx.objectStore('s').put({ a: 'stage-test', i, c: segment });
        sync += performance.now() - t0;
        await new Promise((resolve) => (tx.oncomplete = resolve));
      }
      db.close();
      return sync / mb;
    })(),
    hash_encrypt_MBps: await time(async () => {
      const writer = new SegmentWriter(key, params, async () => undefined);
      await drain(async (c) => {
        hasher.update(c);
        await writer.write(c);
      });
      await writer.close();
    }),
    encrypt_store_MBps: await time(async () => {
      const writer = new SegmentWriter(key, params, (i, sealed) => putSegment('stage-test', i, sealed));
      await drain((c) => writer.write(c));
      await writer.close();
    }),
    all_MBps: await time(async () => {
      const writer = new SegmentWriter(key, params, (i, sealed) => putSegment('stage-test', i, sealed));
      await drain(async (c) => {
        hasher.update(c);
        await writer.write(c);
      });
      await writer.close();
    }),
  };
}

/** Where the timeline's first load goes: reading the index, validating it, sorting it. */
async function indexCost(pin: string): Promise<Record<string, number>> {
  endSession();
  await bench.unlock(pin);
  let t = performance.now();
  const entries = await loadIndex();
  const load = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < entries.length; i += 256) IndexShard.parse({ n: 0, entries: entries.slice(i, i + 256) });
  const parse = performance.now() - t;
  t = performance.now();
  filterEntries(entries, NO_FILTER);
  const sort = performance.now() - t;
  return { entries: entries.length, loadMs: load, zodParseMs: parse, sortMs: sort, jsonKB: JSON.stringify(entries).length / 1000 };
}

const bench = {
  stages,
  indexCost,
  async unlock(pin: string) {
    const keyFile = await readKeyFile();
    if (!keyFile) throw new Error('no vault');
    await unlockWithSecret(keyFile, pin, getBrowserDeriver());
  },
  async seed(from: number, to: number) {
    const ids: string[] = [];
    for (let i = from; i < to; i++) ids.push(await createEntry(content(i)));
    return ids;
  },
  async timeSaves(n: number) {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      await createEntry(content(100_000 + i));
      times.push(performance.now() - started);
    }
    return times;
  },
  async timeSearch(terms: string[]) {
    const times: number[] = [];
    for (const text of terms) {
      const started = performance.now();
      const found = filterEntries(await loadIndex(), { ...NO_FILTER, text });
      times.push(performance.now() - started);
      if (found.length < 0) throw new Error('unreachable');
    }
    return times;
  },
  async attach(entryIds: string[], bytes: number) {
    for (const [i, entryId] of entryIds.entries()) {
      await importAttachment(entryId, { stream: stream(bytes), size: bytes, name: `f${i}.bin`, type: 'application/octet-stream', lastModified: null, source: 'file', capture: null });
    }
  },
  /** Import throughput against plain AES-GCM over the same bytes, in the same page. */
  async throughput(entryId: string, mb: number) {
    const size = mb * 1024 * 1024;
    let started = performance.now();
    await importAttachment(entryId, { stream: stream(size), size, name: 'big.bin', type: 'application/octet-stream', lastModified: null, source: 'file', capture: null });
    const importMs = performance.now() - started;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
    const reader = stream(size).getReader();
    const buffer = new Uint8Array(1024 * 1024);
    let filled = 0;
    started = performance.now();
    for (;;) {
      const { done, value } = await reader.read();
      if (value) {
        let at = 0;
        while (at < value.length) {
          const take = Math.min(value.length - at, buffer.length - filled);
          buffer.set(value.subarray(at, at + take), filled);
          filled += take;
          at += take;
          if (filled === buffer.length) {
            await crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, key, buffer);
            filled = 0;
          }
        }
      }
      if (done) break;
    }
    const rawMs = performance.now() - started;
    return { importMBps: mb / (importMs / 1000), rawMBps: mb / (rawMs / 1000) };
  },
};

(window as unknown as { __bench: typeof bench }).__bench = bench;
document.title = 'ready';
