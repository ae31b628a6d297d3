// Key slots: the vault key wrapped under each key-encryption key (PIN or passphrase, recovery code).
// Opening tries every slot, so nothing on disk says which slot belongs to what.

import { type Bytes, concat, copyBytes, zero } from './bytes';
import { VAULT } from './constants';
import { VaultError } from './errors';
import { type KeyFile, slotAad } from './keyFile';

const IV = VAULT.record.ivBytes;

/** Wraps the raw 32-byte vault key for slot `index`. */
export async function sealSlot(kek: CryptoKey, file: KeyFile, index: number, rawVaultKey: Uint8Array): Promise<Bytes> {
  const iv = crypto.getRandomValues(new Uint8Array(IV));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: slotAad(file.header, index) }, kek, copyBytes(rawVaultKey));
  return concat(iv, new Uint8Array(sealed));
}

function parts(slot: Bytes): { iv: Bytes; body: Bytes } {
  return { iv: slot.slice(0, IV), body: slot.slice(IV) };
}

/**
 * Finds the slot this key opens and returns the vault key as a non-extractable HKDF base key: the
 * raw bytes never appear in JavaScript on an ordinary unlock.
 */
export async function openSlots(kek: CryptoKey, file: KeyFile): Promise<{ index: number; master: CryptoKey }> {
  for (let index = 0; index < file.slots.length; index++) {
    const { iv, body } = parts(file.slots[index] as Bytes);
    try {
      const master = await crypto.subtle.unwrapKey('raw', body, kek, { name: 'AES-GCM', iv, additionalData: slotAad(file.header, index) }, 'HKDF', false, ['deriveKey', 'deriveBits']);
      return { index, master };
    } catch {
      // Not this slot: wrong key, a random filler or a damaged slot all look the same, on purpose.
    }
  }
  throw new VaultError('no_matching_slot');
}

/**
 * Returns the raw vault key for re-wrapping (PIN change, new recovery code). The caller must zero it.
 */
export async function openSlotRaw(kek: CryptoKey, file: KeyFile): Promise<{ index: number; raw: Bytes }> {
  for (let index = 0; index < file.slots.length; index++) {
    const { iv, body } = parts(file.slots[index] as Bytes);
    try {
      const raw = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: slotAad(file.header, index) }, kek, body);
      return { index, raw: new Uint8Array(raw) };
    } catch {
      // keep looking
    }
  }
  throw new VaultError('no_matching_slot');
}

/** Imports raw vault key bytes the way an unlock would produce them, then zeroes the bytes. */
export async function importMaster(raw: Bytes): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey', 'deriveBits']);
  } finally {
    zero(raw);
  }
}
