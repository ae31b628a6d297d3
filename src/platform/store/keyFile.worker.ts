// Writes the key file through a synchronous access handle, which writes in place. Chromium's
// createWritable() writes a swap copy and renames it over the original, leaving the old key slots
// in freed blocks on disk; in place, a PIN change or a wipe overwrites the very bytes that held them.
// Every operation runs under one Web Lock, so tabs take turns, and each checks what it overwrites.

import type { KeyFileOp, KeyFileRequest, KeyFileResponse } from './keyFileProtocol';
import { STORAGE_NAMES } from './names';

const scope = self as unknown as DedicatedWorkerGlobalScope;

async function withHandle<T>(name: string, create: boolean, work: (handle: FileSystemSyncAccessHandle) => T): Promise<T> {
  const root = await navigator.storage.getDirectory();
  const file = await root.getFileHandle(name, { create });
  const handle = await file.createSyncAccessHandle();
  try {
    return work(handle);
  } finally {
    handle.flush();
    handle.close();
  }
}

async function exists(name: string): Promise<boolean> {
  try {
    await (await navigator.storage.getDirectory()).getFileHandle(name);
    return true;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError') return false;
    throw error;
  }
}

/** Overwrites a file's bytes with random ones in place: freeing blocks (truncate, remove) erases nothing. */
function overwrite(handle: FileSystemSyncAccessHandle): void {
  const size = handle.getSize();
  if (size === 0) return;
  const noise = new Uint8Array(size);
  crypto.getRandomValues(noise);
  handle.write(noise, { at: 0 });
  handle.flush();
}

/** Writes `bytes` as the whole of the temporary file, first overwriting whatever a crash left there. */
async function writeTemp(bytes: Uint8Array): Promise<void> {
  await withHandle(STORAGE_NAMES.keyFileTemp, true, (handle) => {
    overwrite(handle);
    handle.truncate(0);
    handle.write(bytes, { at: 0 });
  });
}

async function move(from: string, to: string): Promise<void> {
  const file = await (await navigator.storage.getDirectory()).getFileHandle(from);
  await (file as FileSystemFileHandle & { move(name: string): Promise<void> }).move(to);
}

/** Overwrites a file in place, then removes it; nothing when it is not there. */
async function eraseFile(name: string): Promise<void> {
  if (!(await exists(name))) return;
  await withHandle(name, false, overwrite);
  await (await navigator.storage.getDirectory()).removeEntry(name);
}

function read(handle: FileSystemSyncAccessHandle, offset: number, length: number): Uint8Array {
  if (offset < 0 || offset + length > handle.getSize()) throw new DOMException('outside the file', 'InvalidStateError');
  const bytes = new Uint8Array(length);
  handle.read(bytes, { at: offset });
  return bytes;
}

async function create(bytes: Uint8Array): Promise<void> {
  // A vault that exists is never replaced by a new one, whatever the caller believed.
  if (await exists(STORAGE_NAMES.keyFile)) throw new DOMException('a key file exists', 'AlreadyExists');
  // Written whole under a temporary name, then renamed: a crash mid-write never leaves a half key
  // file under the real name, and the real name's existence is what says "a vault exists".
  await writeTemp(bytes);
  await move(STORAGE_NAMES.keyFileTemp, STORAGE_NAMES.keyFile);
}

async function replace(offset: number, expected: Uint8Array, bytes: Uint8Array): Promise<void> {
  await withHandle(STORAGE_NAMES.keyFile, false, (handle) => {
    const current = read(handle, offset, expected.length);
    if (expected.length !== bytes.length || current.some((b, i) => b !== expected[i])) throw new DOMException('changed meanwhile', 'Conflict');
    handle.write(bytes, { at: offset });
  });
}

async function count(offset: number, at: number): Promise<void> {
  await withHandle(STORAGE_NAMES.keyFile, false, (handle) => {
    const fields = read(handle, offset, 12);
    const view = new DataView(fields.buffer);
    view.setUint32(0, Math.min(view.getUint32(0, true) + 1, 0xffffffff), true);
    view.setFloat64(4, at, true);
    handle.write(fields, { at: offset });
  });
}

async function clear(offset: number, length: number): Promise<void> {
  await withHandle(STORAGE_NAMES.keyFile, false, (handle) => {
    read(handle, offset, length);
    handle.write(new Uint8Array(length), { at: offset });
  });
}

async function erase(): Promise<void> {
  for (const name of [STORAGE_NAMES.keyFile, STORAGE_NAMES.keyFileTemp, STORAGE_NAMES.keyFileNext, STORAGE_NAMES.keyFileDone]) await eraseFile(name);
}

// Replacing the whole file (a restore) must be atomic and must still overwrite the old slots in
// place. So it is journalled:
//   1. the new bytes are written whole under a temporary name and renamed to `keyFileNext` — the
//      commit point (a rename happens or it does not);
//   2. `keyFileNext` is copied over the key file in place;
//   3. `keyFileNext` is renamed to `keyFileDone` — "copied" is itself one atomic step;
//   4. `keyFileDone` is overwritten and removed.
// `settle`, which every operation (and every read, from the page) runs first, finishes whatever a
// closed tab left: it copies `keyFileNext` again (copying twice is harmless), and only ever erases
// `keyFileDone`. Nothing is ever copied from a file being erased, so a crash mid-erase cannot put
// random bytes over the key file. `keyFileNext` only ever appears by a rename of a file written
// whole, so it is always complete.
async function install(bytes: Uint8Array, expected: Uint8Array | null): Promise<void> {
  if (!expected) return create(bytes);
  await withHandle(STORAGE_NAMES.keyFile, false, (handle) => {
    const current = read(handle, 0, handle.getSize());
    if (current.length !== expected.length || current.some((b, i) => b !== expected[i])) throw new DOMException('changed meanwhile', 'Conflict');
  });
  await writeTemp(bytes);
  await move(STORAGE_NAMES.keyFileTemp, STORAGE_NAMES.keyFileNext);
  await settle();
}

async function settle(): Promise<void> {
  if (await exists(STORAGE_NAMES.keyFileNext)) {
    // A finished copy whose erase was cut short: erase it first, so the rename below cannot collide.
    await eraseFile(STORAGE_NAMES.keyFileDone);
    const next = await withHandle(STORAGE_NAMES.keyFileNext, false, (handle) => read(handle, 0, handle.getSize()));
    await withHandle(STORAGE_NAMES.keyFile, true, (handle) => {
      if (handle.getSize() !== next.length) handle.truncate(next.length);
      handle.write(next, { at: 0 });
    });
    await move(STORAGE_NAMES.keyFileNext, STORAGE_NAMES.keyFileDone);
  }
  await eraseFile(STORAGE_NAMES.keyFileDone);
}

async function run(request: KeyFileOp): Promise<void> {
  await settle();
  switch (request.op) {
    case 'create':
      return create(request.bytes);
    case 'replace':
      return replace(request.offset, request.expected, request.bytes);
    case 'count':
      return count(request.offset, request.at);
    case 'clear':
      return clear(request.offset, request.length);
    case 'erase':
      return erase();
    case 'install':
      return install(request.bytes, request.expected);
    case 'settle':
      return;
  }
}

scope.addEventListener('message', (event: MessageEvent<KeyFileRequest>) => {
  const request = event.data;
  void navigator.locks.request(STORAGE_NAMES.keyFileLock, () => run(request)).then(
    () => scope.postMessage({ id: request.id, ok: true } satisfies KeyFileResponse),
    (error: unknown) => scope.postMessage({ id: request.id, ok: false, name: error instanceof Error ? error.name : 'Error' } satisfies KeyFileResponse),
  );
});
