// Reading and writing the key file in the origin-private file system. Reads happen on the page;
// writes go through a worker (see keyFile.worker.ts for why).

import { FAILURE_FIELDS } from '../vault';
import { StoreError, storageFailure } from './errors';
import type { KeyFileOp, KeyFileRequest, KeyFileResponse } from './keyFileProtocol';
import { STORAGE_NAMES } from './names';

let worker: Worker | null = null;
let nextId = 1;

function send(op: KeyFileOp): Promise<void> {
  worker ??= new Worker(new URL('./keyFile.worker.ts', import.meta.url), { type: 'module' });
  const target = worker;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const done = () => {
      target.removeEventListener('message', onMessage);
      target.removeEventListener('error', onError);
    };
    const onMessage = (event: MessageEvent<KeyFileResponse>) => {
      if (event.data.id !== id) return;
      done();
      if (event.data.ok) resolve();
      else reject(storageFailure(new DOMException('key file write failed', event.data.name)));
    };
    // A worker that cannot start (or dies) must fail the write, never leave it waiting forever.
    const onError = () => {
      done();
      if (worker === target) worker = null;
      target.terminate();
      reject(new StoreError('storage_unavailable', 'key file worker failed'));
    };
    target.addEventListener('message', onMessage);
    target.addEventListener('error', onError);
    target.postMessage({ id, ...op } as KeyFileRequest);
  });
}

async function root(): Promise<FileSystemDirectoryHandle> {
  if (!navigator.storage?.getDirectory) throw new StoreError('storage_unavailable', 'no origin-private file system');
  try {
    return await navigator.storage.getDirectory();
  } catch (error) {
    throw storageFailure(error);
  }
}

/** The key file's bytes, or null when no vault has been set up (or it was wiped). */
export async function readKeyFile(): Promise<Uint8Array<ArrayBuffer> | null> {
  const dir = await root();
  await settlePending(dir);
  try {
    const handle = await dir.getFileHandle(STORAGE_NAMES.keyFile);
    return new Uint8Array(await (await handle.getFile()).arrayBuffer());
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError') return null;
    // Storage works but this file would not read: a vault may well be there. Never "no vault".
    throw new StoreError('damaged', 'key file unreadable', { cause: error });
  }
}

/**
 * A restore cut off after its commit point left the new key file waiting (finish copying it first),
 * or left the finished copy not yet erased (erase it: it holds slots a later PIN change would not).
 */
async function settlePending(dir: FileSystemDirectoryHandle): Promise<void> {
  for (const name of [STORAGE_NAMES.keyFileNext, STORAGE_NAMES.keyFileDone]) {
    try {
      await dir.getFileHandle(name);
    } catch {
      continue;
    }
    return send({ op: 'settle' });
  }
}

/**
 * Whether a vault exists. A read error is thrown, never taken for "no": mistaking a vault that
 * could not be read for none would offer set-up over it. Throws 'storage_unavailable' when this
 * browser offers no file storage at all (then no vault can exist here either).
 */
export async function keyFileExists(): Promise<boolean> {
  return (await readKeyFile()) !== null;
}

/** Writes a new key file so that it appears whole or not at all; StoreError 'exists' if there is one. */
export function createKeyFile(bytes: Uint8Array): Promise<void> {
  return send({ op: 'create', bytes });
}

/**
 * Writes a changed key file (a re-wrapped slot) in place: only the bytes that differ, and only if
 * they are still what `previous` says (StoreError 'conflict' if another tab changed them).
 */
export function replaceKeyFile(previous: Uint8Array, next: Uint8Array): Promise<void> {
  if (previous.length !== next.length) return Promise.reject(new StoreError('invalid', 'key file size changed'));
  let start = 0;
  while (start < next.length && previous[start] === next[start]) start++;
  if (start === next.length) return Promise.resolve();
  let end = next.length;
  while (previous[end - 1] === next[end - 1]) end--;
  return send({ op: 'replace', offset: start, expected: previous.slice(start, end), bytes: next.slice(start, end) });
}

/** Counts one unlock-shaped attempt, atomically across tabs. */
export function countFailedAttempt(at: number = Date.now()): Promise<void> {
  return send({ op: 'count', offset: FAILURE_FIELDS.offset, at });
}

export function clearFailedAttempts(): Promise<void> {
  return send({ op: 'clear', offset: FAILURE_FIELDS.offset, length: FAILURE_FIELDS.length });
}

/** Overwrites the key file with random bytes, then removes it. What ciphertext lingers has no key. */
export function eraseKeyFile(): Promise<void> {
  return send({ op: 'erase' });
}

/**
 * Replaces the whole key file (a restore) atomically: the new file is in place, or the old one is
 * untouched. `previous` null means no vault exists here (StoreError 'exists' if one appeared);
 * otherwise StoreError 'conflict' unless the file is still exactly `previous`.
 */
export function installKeyFile(previous: Uint8Array | null, next: Uint8Array): Promise<void> {
  return send({ op: 'install', bytes: next, expected: previous });
}
