// Test helpers for browser tests of features (imported only by *.browser.test.ts files).
import { afterEach, beforeEach } from 'vitest';
import { createVault, endSession, unlockWithSecret } from '../vault';
import { FAST_KDF, inlineDeriver } from '../vault/testing';
import { deleteDatabase } from './db';

const PIN = '123456';

/**
 * Each test starts from an empty database and a new vault, unlocked, and ends locked. Returns a way
 * to unlock that vault again after a test has locked it.
 */
export function freshVaultEachTest(): { unlockAgain(): Promise<void> } {
  let keyFile: Uint8Array | null = null;
  beforeEach(async () => {
    endSession();
    await deleteDatabase();
    keyFile = (await createVault(PIN, FAST_KDF, inlineDeriver)).keyFile;
  });
  afterEach(() => endSession());
  return {
    async unlockAgain() {
      if (!keyFile) throw new Error('no vault yet');
      await unlockWithSecret(keyFile, PIN, inlineDeriver);
    },
  };
}
