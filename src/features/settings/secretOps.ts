// Changing how the vault opens. Each operation proves itself with the current PIN, passphrase or
// recovery code, re-wraps the vault key (data is never re-encrypted) and overwrites only the changed
// slot of the key file, in place, and only if no other tab changed it meanwhile. With a duress vault
// beside this one, the slot roles make sure only this vault's own slots are ever written.
import { StoreError, readKeyFile, replaceKeyFile } from '../../platform/store';
import { type Bytes, changeSecret, getBrowserDeriver, replaceRecoveryCode, resetSecretWithRecovery } from '../../platform/vault';
import { slotRolesRecord } from './repository';

export async function currentKeyFile(): Promise<Uint8Array> {
  const bytes = await readKeyFile();
  if (!bytes) throw new StoreError('damaged', 'key file missing');
  return bytes;
}

export async function currentRoles() {
  const found = await slotRolesRecord.read();
  if (!found) throw new StoreError('damaged', 'slot roles missing');
  return found;
}

export async function changeUnlockSecret(current: string, next: string): Promise<void> {
  const deriver = getBrowserDeriver();
  try {
    const previous = await currentKeyFile();
    const { keyFile } = await changeSecret(previous, current, next, deriver, await currentRoles());
    await replaceKeyFile(previous, keyFile);
  } finally {
    deriver.retire();
  }
}

/**
 * Makes a new recovery code but writes nothing until `save`, so abandoning half way keeps the old
 * code. If the key file changed in between (another tab), `save` fails with a conflict, never
 * overwriting that change.
 */
export async function prepareRecoveryCode(current: string): Promise<{ words: string[]; save: () => Promise<void> }> {
  const deriver = getBrowserDeriver();
  try {
    const previous = await currentKeyFile();
    const { keyFile, recovery } = await replaceRecoveryCode(previous, current, await currentRoles(), deriver);
    recovery.entropy.fill(0);
    return { words: recovery.words, save: () => replaceKeyFile(previous, keyFile) };
  } finally {
    deriver.retire();
  }
}

export async function resetSecretAfterRecovery(entropy: Bytes, next: string): Promise<void> {
  const deriver = getBrowserDeriver();
  try {
    const previous = await currentKeyFile();
    await replaceKeyFile(previous, await resetSecretWithRecovery(previous, entropy, next, await currentRoles(), deriver));
  } finally {
    deriver.retire();
  }
}
