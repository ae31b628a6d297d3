// Reading and writing the key file in the origin-private file system. Reads happen on the page;
// writes go through a worker (see keyFile.worker.ts for why).

import { StoreError, storageFailure } from './errors';
import type { KeyFileRequest, KeyFileResponse } from './keyFileProtocol';
import { STORAGE_NAMES } from './names';

type Op = { op: 'create'; bytes: Uint8Array } | { op: 'patch'; offset: number; bytes: Uint8Array } | { op: 'erase' };

let worker: Worker | null = null;
let nextId = 1;

function send(op: Op): Promise<void> {
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
  try {
    const handle = await dir.getFileHandle(STORAGE_NAMES.keyFile);
    return new Uint8Array(await (await handle.getFile()).arrayBuffer());
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError') return null;
    throw storageFailure(error);
  }
}

export async function keyFileExists(): Promise<boolean> {
  return (await readKeyFile().catch(() => null)) !== null;
}

/** Writes a new key file so that it appears whole or not at all. */
export function createKeyFile(bytes: Uint8Array): Promise<void> {
  return send({ op: 'create', bytes });
}

/** Overwrites part of the key file in place (a slot, or the failure counter). */
export function patchKeyFile(offset: number, bytes: Uint8Array): Promise<void> {
  return send({ op: 'patch', offset, bytes });
}

/** Overwrites the key file with random bytes, then removes it. What ciphertext lingers has no key. */
export function eraseKeyFile(): Promise<void> {
  return send({ op: 'erase' });
}
