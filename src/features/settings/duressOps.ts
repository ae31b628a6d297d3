// Setting and removing the duress PIN (DESIGN §2, A2). The vault does the key work (platform/vault
// duress.ts); this writes the results: the records first, then the key file in place. Each step is
// proven by the current PIN or passphrase.
import { commitWrites, replaceKeyFile } from '../../platform/store';
import { createDuress, getBrowserDeriver, removeDuress } from '../../platform/vault';
import { prepareForVault, slotRolesRecord } from './repository';
import { type Settings, defaultSettings } from './schema';
import { currentKeyFile, currentRoles } from './secretOps';

/** Whether the open vault has a duress vault. */
export async function hasDuress(): Promise<boolean> {
  return Boolean((await currentRoles()).duress);
}

/**
 * What the duress vault starts with: her language, region, kind of secret and how the app locks and
 * exits, so it looks like hers; nothing she has written, no backup, and the never-sync mark.
 */
export function duressSettings(mine: Settings): Settings {
  return { ...defaultSettings(mine.language), region: mine.region, secretKind: mine.secretKind, lockOnHide: mine.lockOnHide, exitTo: mine.exitTo, noSync: true };
}

export async function setDuressSecret(current: string, duress: string, mine: Settings): Promise<void> {
  const deriver = getBrowserDeriver();
  try {
    const previous = await currentKeyFile();
    const roles = await currentRoles();
    const created = await createDuress(previous, current, duress, roles, deriver);
    // Records first: if the key file write then fails, the open vault's roles are put back and what
    // was sealed for the duress vault is ciphertext no slot opens.
    await commitWrites([await slotRolesRecord.prepare(created.roles), ...(await prepareForVault(created.decoy.session, duressSettings(mine), created.decoy.roles))]);
    try {
      await replaceKeyFile(previous, created.keyFile);
    } catch (error) {
      await slotRolesRecord.write(roles).catch(() => undefined);
      throw error;
    }
  } finally {
    deriver.retire();
  }
}

/** Overwrites the duress vault's two slots with random bytes, in place. Its records stay as ciphertext with no key. */
export async function removeDuressSecret(current: string): Promise<void> {
  const deriver = getBrowserDeriver();
  try {
    const previous = await currentKeyFile();
    const removed = await removeDuress(previous, current, await currentRoles(), deriver);
    await replaceKeyFile(previous, removed.keyFile);
    await slotRolesRecord.write(removed.roles);
  } finally {
    deriver.retire();
  }
}
