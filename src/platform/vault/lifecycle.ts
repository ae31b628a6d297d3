// Creating, opening and re-keying a vault. These functions are the only way a secret or recovery code
// turns into an unlocked session, and the only place the raw vault key ever exists in JavaScript
// (at creation and when a slot is re-wrapped; zeroed straight after).

import { type Bytes, randomBytes, zero } from './bytes';
import { VAULT } from './constants';
import { VaultError, isVaultError } from './errors';
import type { KekDeriver } from './kdfClient';
import { type KdfParams, type KeyFile, emptySlot, encodeKeyFile, newHeader, parseKeyFile } from './keyFile';
import { type RecoveryCode, newRecoveryCode, recoveryKek } from './recovery';
import { secretBytes } from './secret';
import { beginSession, sessionGeneration } from './session';
import { importMaster, openSlotRaw, openSlots, sealSlot } from './slots';

/**
 * Which slot holds what. Kept inside the vault (encrypted), never in the key file. A vault with a
 * duress vault lists that vault's slots; a duress vault lists the slots of the vault(s) it sits
 * beside. Neither may ever overwrite a slot the other needs (see duress.ts).
 */
export interface SlotRoles {
  secret: number;
  recovery: number;
  /** This vault's duress vault: its PIN slot and its recovery slot. */
  duress?: { secret: number; recovery: number };
  /** Slots that belong to another vault sharing the key file: never overwritten from this one. */
  keep?: number[];
}

function distinctSlots(): SlotRoles {
  const pick = () => (randomBytes(1)[0] ?? 0) % VAULT.keyFile.slotCount;
  const secret = pick();
  let recovery = pick();
  while (recovery === secret) recovery = pick();
  return { secret, recovery };
}

export async function deriveSecretKek(deriver: KekDeriver, file: KeyFile, secret: string, signal?: AbortSignal): Promise<CryptoKey> {
  const bytes = secretBytes(secret);
  try {
    return await deriver.derive(bytes, file.header.salt, file.header.kdf, signal);
  } finally {
    zero(bytes);
  }
}

export interface CreatedVault {
  keyFile: Bytes;
  recovery: RecoveryCode;
  roles: SlotRoles;
}

/** Creates a vault and opens a session on it. Nothing is written: the caller persists `keyFile`. */
export async function createVault(secret: string, kdf: KdfParams, deriver: KekDeriver): Promise<CreatedVault> {
  const startedAt = sessionGeneration();
  const file: KeyFile = { header: newHeader(kdf), slots: Array.from({ length: VAULT.keyFile.slotCount }, emptySlot) };
  const roles = distinctSlots();
  const raw = randomBytes(VAULT.kdf.keyBytes);
  const recovery = newRecoveryCode();
  try {
    const kek = await deriveSecretKek(deriver, file, secret);
    file.slots[roles.secret] = await sealSlot(kek, file, roles.secret, raw);
    file.slots[roles.recovery] = await sealSlot(await recoveryKek(recovery.entropy, file.header.salt), file, roles.recovery, raw);
    await beginSession(await importMaster(raw), startedAt);
  } finally {
    zero(raw);
  }
  return { keyFile: encodeKeyFile(file), recovery, roles };
}

/** Opens the vault with a PIN or passphrase. Throws no_matching_slot for a wrong one, header_* for a bad file. */
export async function unlockWithSecret(keyFileBytes: Uint8Array, secret: string, deriver: KekDeriver, signal?: AbortSignal): Promise<{ slot: number }> {
  const startedAt = sessionGeneration();
  const file = parseKeyFile(keyFileBytes);
  const kek = await deriveSecretKek(deriver, file, secret, signal);
  const { index, master } = await openSlots(kek, file);
  if (signal?.aborted) throw new VaultError('aborted');
  await beginSession(master, startedAt);
  return { slot: index };
}

export async function unlockWithRecovery(keyFileBytes: Uint8Array, entropy: Uint8Array): Promise<{ slot: number }> {
  const startedAt = sessionGeneration();
  const file = parseKeyFile(keyFileBytes);
  const { index, master } = await openSlots(await recoveryKek(entropy, file.header.salt), file);
  await beginSession(master, startedAt);
  return { slot: index };
}

/**
 * Refuses a new PIN or passphrase that already opens a slot other than `target`: one secret opening
 * two vaults would make unlocking ambiguous (a PIN changed to equal the duress PIN, or the reverse).
 */
export async function refuseSecretInUse(kek: CryptoKey, file: KeyFile, target: number | null): Promise<void> {
  const others = { ...file, slots: file.slots.map((slot, i) => (i === target ? emptySlot() : slot)) };
  let found: { raw: Bytes } | null = null;
  try {
    found = await openSlotRaw(kek, others);
  } catch (error) {
    if (isVaultError(error, 'no_matching_slot')) return;
    throw error;
  }
  zero(found.raw);
  throw new VaultError('secret_in_use');
}

async function replaceSlot(file: KeyFile, index: number, kek: CryptoKey, raw: Bytes): Promise<Bytes> {
  const slots = [...file.slots];
  slots[index] = await sealSlot(kek, file, index, raw);
  return encodeKeyFile({ ...file, slots });
}

/**
 * Proves a PIN or passphrase again without starting a new session or writing anything (before
 * something that copies data off the phone, such as linking an advocate). It must open this vault's
 * own slot: another vault's PIN is a wrong PIN here. Throws VaultError no_matching_slot otherwise.
 */
export async function proveSecret(keyFileBytes: Uint8Array, secret: string, deriver: KekDeriver, roles: SlotRoles): Promise<void> {
  const file = parseKeyFile(keyFileBytes);
  const { index, raw } = await openSlotRaw(await deriveSecretKek(deriver, file, secret), file);
  zero(raw);
  if (index !== roles.secret) throw new VaultError('no_matching_slot');
}

/**
 * Re-wraps the vault key under a new PIN or passphrase, proven by the current one. Data is never
 * re-encrypted. With `roles` (the open vault's), the current secret must be this vault's own: the
 * PIN of another vault in the same file is a wrong PIN here, and its slot is never touched.
 */
export async function changeSecret(keyFileBytes: Uint8Array, currentSecret: string, newSecret: string, deriver: KekDeriver, roles?: SlotRoles): Promise<{ keyFile: Bytes; slot: number }> {
  const file = parseKeyFile(keyFileBytes);
  const { index, raw } = await openSlotRaw(await deriveSecretKek(deriver, file, currentSecret), file);
  try {
    if (roles && index !== roles.secret) throw new VaultError('no_matching_slot');
    const kek = await deriveSecretKek(deriver, file, newSecret);
    await refuseSecretInUse(kek, file, index);
    const keyFile = await replaceSlot(file, index, kek, raw);
    return { keyFile, slot: index };
  } finally {
    zero(raw);
  }
}

/** After a recovery-code unlock: sets a new PIN or passphrase in the secret slot. */
export async function resetSecretWithRecovery(keyFileBytes: Uint8Array, entropy: Uint8Array, newSecret: string, roles: SlotRoles, deriver: KekDeriver): Promise<Bytes> {
  const file = parseKeyFile(keyFileBytes);
  const { index, raw } = await openSlotRaw(await recoveryKek(entropy, file.header.salt), file);
  try {
    if (index === roles.secret) throw new VaultError('key_file_malformed', 'slot roles disagree with the key file');
    const kek = await deriveSecretKek(deriver, file, newSecret);
    await refuseSecretInUse(kek, file, roles.secret);
    return await replaceSlot(file, roles.secret, kek, raw);
  } finally {
    zero(raw);
  }
}

/** Replaces the recovery code, proven by the current PIN or passphrase. The old code stops working. */
export async function replaceRecoveryCode(keyFileBytes: Uint8Array, currentSecret: string, roles: SlotRoles, deriver: KekDeriver): Promise<{ keyFile: Bytes; recovery: RecoveryCode }> {
  const file = parseKeyFile(keyFileBytes);
  const { index, raw } = await openSlotRaw(await deriveSecretKek(deriver, file, currentSecret), file);
  try {
    if (index === roles.recovery) throw new VaultError('key_file_malformed', 'slot roles disagree with the key file');
    // Another vault's PIN opens another vault's key: here it is simply the wrong PIN.
    if (index !== roles.secret) throw new VaultError('no_matching_slot');
    const recovery = newRecoveryCode();
    const keyFile = await replaceSlot(file, roles.recovery, await recoveryKek(recovery.entropy, file.header.salt), raw);
    return { keyFile, recovery };
  } finally {
    zero(raw);
  }
}
