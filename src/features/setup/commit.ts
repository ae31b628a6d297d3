// Writing a new vault at the end of set-up. Until this runs nothing is on disk, so a reload or an
// exit mid-set-up leaves a phone that looks exactly like one never set up.
//
// Order matters: records first, key file last. The key file's existence is what means "a vault
// exists"; it is created whole (temp file, then rename). A crash before it leaves only records no
// key can open, which the next set-up clears away.

import { createKeyFile, databaseExists, deleteDatabase, isStoreError, keyFileExists } from '../../platform/store';
import type { CreatedVault } from '../../platform/vault';
import { settingsRecord, slotRolesRecord } from '../settings/repository';
import type { Settings } from '../settings/schema';

export class AlreadySetUpError extends Error {
  constructor() {
    super('a vault already exists');
    this.name = 'AlreadySetUpError';
  }
}

export async function commitVault(created: CreatedVault, settings: Settings): Promise<void> {
  // One tab at a time: another may be finishing set-up too, and must not have its records cleared.
  await navigator.locks.request('calc-setup', async () => {
    // A key file that cannot be read throws here: it is never taken for "no vault" and written over.
    if (await keyFileExists()) throw new AlreadySetUpError();
    if (await databaseExists()) await deleteDatabase();
    await settingsRecord.write(settings);
    await slotRolesRecord.write(created.roles);
    try {
      await createKeyFile(created.keyFile);
    } catch (error) {
      throw isStoreError(error, 'exists') ? new AlreadySetUpError() : error;
    }
  });
}
