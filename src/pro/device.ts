// The advocate's device: its vault (PIN or passphrase, platform/vault) and its identity, kept inside
// the vault. Order on set-up, as in the survivor's app: records first, key file last, because the key
// file's existence is what means "a vault exists"; a crash before it leaves records no key opens.
import { createKeyFile, databaseExists, deleteDatabase, keyFileExists, readKeyFile } from '../platform/store';
import { DEFAULT_KDF, type DeviceIdentity, createIdentity, createVault, endSession, getBrowserDeriver, importIdentity, unlockWithSecret } from '../platform/vault';
import { identityRecord } from './repository';

/** The advocate's device is already set up, or set-up was attempted twice: named, never a bare string. */
export class DeviceError extends Error {
  readonly code: 'already_set_up' | 'no_identity';
  constructor(code: DeviceError['code']) {
    super(code);
    this.name = 'DeviceError';
    this.code = code;
  }
}

/** True when this device has an advocate vault. */
export function hasVault(): Promise<boolean> {
  return keyFileExists();
}

/**
 * Creates her vault under `secret`, creates her identity inside it and opens a session. Returns the
 * recovery words (shown once) and the identity for this session.
 */
export async function setUpDevice(secret: string): Promise<{ recoveryWords: string[]; identity: DeviceIdentity }> {
  return navigator.locks.request('wm-advocate-setup', async () => {
    if (await keyFileExists()) throw new DeviceError('already_set_up');
    const deriver = getBrowserDeriver();
    try {
      // A work laptop or phone: the full default cost, no calibration wait.
      const created = await createVault(secret, DEFAULT_KDF, deriver);
      if (await databaseExists()) await deleteDatabase();
      const { record, identity } = await createIdentity();
      await identityRecord.write(record);
      await createKeyFile(created.keyFile);
      const recoveryWords = [...created.recovery.words];
      created.recovery.entropy.fill(0);
      return { recoveryWords, identity };
    } catch (error) {
      endSession();
      throw error;
    } finally {
      deriver.retire();
    }
  });
}

/** Opens her vault and imports her identity (non-extractable). A wrong secret throws VaultError no_matching_slot. */
export async function unlockDevice(secret: string): Promise<DeviceIdentity> {
  const keyFile = await readKeyFile();
  if (!keyFile) throw new DeviceError('no_identity');
  const deriver = getBrowserDeriver();
  try {
    await unlockWithSecret(keyFile, secret, deriver);
  } finally {
    deriver.retire();
  }
  const record = await identityRecord.read();
  if (!record) {
    endSession();
    throw new DeviceError('no_identity');
  }
  return importIdentity(record);
}

/** Locks: drops the vault key from memory. */
export function lockDevice(): void {
  endSession();
}
