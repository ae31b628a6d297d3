// Which database generation the key file points at (its byte 50; see db.ts). Read straight from the
// file, with no worker and nothing from platform/vault's index: the service worker opens the
// database too (to stream attachments) and bundles this module.
import { DB_GENERATION_OFFSET } from '../vault/keyFile';
import { storageFailure } from './errors';
import { STORAGE_NAMES } from './names';

async function readHead(root: FileSystemDirectoryHandle, name: string): Promise<Uint8Array | null> {
  try {
    const file = await (await root.getFileHandle(name)).getFile();
    return new Uint8Array(await file.slice(0, DB_GENERATION_OFFSET + 1).arrayBuffer());
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError') return null;
    throw storageFailure(error);
  }
}

/**
 * The generation in use; 0 with no key file (set-up writes records before it exists) or no file
 * storage at all. A restore's new key file waiting to be copied in place (past its commit point)
 * already counts.
 */
export async function currentGeneration(): Promise<number> {
  if (!navigator.storage?.getDirectory) return 0;
  const root = await navigator.storage.getDirectory().catch(() => null);
  if (!root) return 0;
  const head = (await readHead(root, STORAGE_NAMES.keyFileNext)) ?? (await readHead(root, STORAGE_NAMES.keyFile));
  return head?.[DB_GENERATION_OFFSET] ?? 0;
}
