// Removes everything the app keeps in this browser. The key file is overwritten before it is
// removed, so ciphertext that IndexedDB leaves behind in its log files has no key left to open it.

import { endSession } from '../vault';
import { deleteDatabase } from './db';
import { eraseKeyFile } from './keyFileStore';

export async function wipeAll(): Promise<void> {
  endSession();
  await eraseKeyFile();
  await deleteDatabase();
}
