// Writes the key file through a synchronous access handle, which writes in place. Chromium's
// createWritable() writes a swap copy and renames it over the original, leaving the old key slots
// in freed blocks on disk; in place, a PIN change or a wipe overwrites the very bytes that held them.

import type { KeyFileRequest, KeyFileResponse } from './keyFileProtocol';
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

async function create(bytes: Uint8Array): Promise<void> {
  const root = await navigator.storage.getDirectory();
  // Written whole under a temporary name, then renamed: a crash mid-write never leaves a half key
  // file under the real name, and the real name's existence is what says "a vault exists".
  await withHandle(STORAGE_NAMES.keyFileTemp, true, (handle) => {
    handle.truncate(0);
    handle.write(bytes, { at: 0 });
  });
  const temp = await root.getFileHandle(STORAGE_NAMES.keyFileTemp);
  await (temp as FileSystemFileHandle & { move(name: string): Promise<void> }).move(STORAGE_NAMES.keyFile);
}

async function patch(offset: number, bytes: Uint8Array): Promise<void> {
  await withHandle(STORAGE_NAMES.keyFile, false, (handle) => {
    if (offset + bytes.length > handle.getSize()) throw new DOMException('patch beyond the end', 'InvalidStateError');
    handle.write(bytes, { at: offset });
  });
}

async function erase(): Promise<void> {
  const root = await navigator.storage.getDirectory();
  for (const name of [STORAGE_NAMES.keyFile, STORAGE_NAMES.keyFileTemp]) {
    try {
      await withHandle(name, false, (handle) => {
        const noise = new Uint8Array(handle.getSize());
        crypto.getRandomValues(noise);
        handle.write(noise, { at: 0 });
      });
      await root.removeEntry(name);
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
    }
  }
}

scope.addEventListener('message', (event: MessageEvent<KeyFileRequest>) => {
  const request = event.data;
  // One writer at a time across tabs: sync access handles are exclusive, and a PIN change must not
  // interleave with another tab's failure-counter write.
  void navigator.locks
    .request(STORAGE_NAMES.keyFileLock, async () => {
      if (request.op === 'create') await create(request.bytes);
      else if (request.op === 'patch') await patch(request.offset, request.bytes);
      else await erase();
    })
    .then(
      () => scope.postMessage({ id: request.id, ok: true } satisfies KeyFileResponse),
      (error: unknown) => scope.postMessage({ id: request.id, ok: false, name: error instanceof Error ? error.name : 'Error' } satisfies KeyFileResponse),
    );
});
