// Changing how the vault opens. Each operation proves itself with the current PIN, passphrase or
// recovery code, re-wraps the vault key (data is never re-encrypted) and overwrites the key file in
// place, so the old slot's bytes do not linger in a freed block.
import { StoreError, patchKeyFile, readKeyFile } from '../../platform/store';
import { type Bytes, changeSecret, getBrowserDeriver, replaceRecoveryCode, resetSecretWithRecovery } from '../../platform/vault';
import { slotRolesRecord } from './repository';

async function currentKeyFile(): Promise<Uint8Array> {
  const bytes = await readKeyFile();
  if (!bytes) throw new StoreError('damaged', 'key file missing');
  return bytes;
}

async function roles() {
  const found = await slotRolesRecord.read();
  if (!found) throw new StoreError('damaged', 'slot roles missing');
  return found;
}

export async function changeUnlockSecret(current: string, next: string): Promise<void> {
  const deriver = getBrowserDeriver();
  try {
    const { keyFile, slot } = await changeSecret(await currentKeyFile(), current, next, deriver);
    await patchKeyFile(0, keyFile);
    const known = await slotRolesRecord.read().catch(() => undefined);
    if (known && known.secret !== slot) await slotRolesRecord.write({ ...known, secret: slot });
  } finally {
    deriver.retire();
  }
}

/** Makes a new recovery code but writes nothing until `save`, so abandoning half way keeps the old code. */
export async function prepareRecoveryCode(current: string): Promise<{ words: string[]; save: () => Promise<void> }> {
  const deriver = getBrowserDeriver();
  try {
    const { keyFile, recovery } = await replaceRecoveryCode(await currentKeyFile(), current, await roles(), deriver);
    recovery.entropy.fill(0);
    return { words: recovery.words, save: () => patchKeyFile(0, keyFile) };
  } finally {
    deriver.retire();
  }
}

export async function resetSecretAfterRecovery(entropy: Bytes, next: string): Promise<void> {
  const deriver = getBrowserDeriver();
  try {
    await patchKeyFile(0, await resetSecretWithRecovery(await currentKeyFile(), entropy, next, await roles(), deriver));
  } finally {
    deriver.retire();
  }
}
