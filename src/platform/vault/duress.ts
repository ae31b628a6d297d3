// The duress vault (DESIGN §2, A2): a second PIN that opens a vault of its own, empty and plausible.
//
// How it works. Both vaults share the one key file and the one database. The duress PIN wraps a NEW
// random vault key in a free slot; a second free slot wraps the same key under a recovery code that
// is made and thrown away at once, so the duress vault has a recovery slot of its own (its own "new
// recovery code" then re-wraps that slot and never needs one of the real vault's). Records are
// tagged by an HMAC under each vault's own key and have random ids, so the two sets sit side by side
// in the store without anything on disk telling them apart or counting them. Unlocking already
// tries every slot, so the duress PIN opens the duress vault with no change to unlock.
//
// Slot ownership lives in each vault's encrypted SlotRoles: the real vault lists its duress vault's
// slots (`duress`), and the duress vault lists the slots it must never overwrite (`keep`): those of
// the vault it sits beside, and that vault's own `keep`. Every operation writes only to slots its
// vault owns, or to slots no vault in its view owns (see `freeSlots`).

import { type Bytes, randomBytes, utf8, zero } from './bytes';
import { VAULT } from './constants';
import { sealEnvelope } from './envelope';
import { VaultError } from './errors';
import type { KekDeriver } from './kdfClient';
import { type KeyFile, emptySlot, encodeKeyFile, parseKeyFile } from './keyFile';
import { deriveKeyring, tagFor } from './keyring';
import { type SlotRoles, deriveSecretKek, refuseSecretInUse } from './lifecycle';
import { newRecoveryCode, recoveryKek } from './recovery';
import type { SessionCapture } from './session';
import { importMaster, openSlotRaw, sealSlot } from './slots';

/** Every slot a vault with these roles must never overwrite except through its own operations. */
export function ownedOrKept(roles: SlotRoles): Set<number> {
  const out = new Set<number>([roles.secret, roles.recovery, ...(roles.keep ?? [])]);
  if (roles.duress) {
    out.add(roles.duress.secret);
    out.add(roles.duress.recovery);
  }
  return out;
}

/** Slots no vault known to `roles` uses: the only places a new duress vault may go. */
export function freeSlots(roles: SlotRoles): number[] {
  const taken = ownedOrKept(roles);
  return Array.from({ length: VAULT.keyFile.slotCount }, (_, i) => i).filter((i) => !taken.has(i));
}

function pickTwo(from: number[]): [number, number] {
  if (from.length < 2) throw new VaultError('no_free_slot');
  const pool = [...from];
  const take = () => pool.splice((randomBytes(1)[0] ?? 0) % pool.length, 1)[0] as number;
  return [take(), take()];
}

/** Proves `secret` is this vault's own PIN or passphrase (another vault's is a wrong one here). */
async function proveOwnSecret(file: KeyFile, secret: string, roles: SlotRoles, deriver: KekDeriver): Promise<void> {
  const { index, raw } = await openSlotRaw(await deriveSecretKek(deriver, file, secret), file);
  zero(raw);
  if (index !== roles.secret) throw new VaultError('no_matching_slot');
}

/**
 * Seals records for a vault other than the open one (the new duress vault's first records), without
 * opening a session on it. The keys live only as long as the returned object.
 */
async function detachedCapture(raw: Bytes): Promise<SessionCapture> {
  const ring = await deriveKeyring(await importMaster(raw));
  return {
    kindTag: (kind) => tagFor(ring, kind),
    seal: (ctx, value) => sealEnvelope(ring.records, ctx, utf8(JSON.stringify(value))),
  };
}

export interface CreatedDuress {
  /** The key file with the two new slots. Nothing is written: the caller persists it (after the records). */
  keyFile: Bytes;
  /** The open vault's roles, now listing its duress vault. */
  roles: SlotRoles;
  /** The duress vault's roles and a way to seal its first records (settings, roles). */
  decoy: { roles: SlotRoles; session: SessionCapture };
}

/**
 * Adds a duress vault beside the open one. Proven by the current PIN or passphrase; refuses a duress
 * secret that already opens any slot (the real PIN itself, or another vault's).
 */
export async function createDuress(keyFileBytes: Uint8Array, currentSecret: string, duressSecret: string, roles: SlotRoles, deriver: KekDeriver): Promise<CreatedDuress> {
  const file = parseKeyFile(keyFileBytes);
  if (roles.duress) throw new VaultError('no_free_slot', 'a duress vault exists already');
  await proveOwnSecret(file, currentSecret, roles, deriver);
  const duressKek = await deriveSecretKek(deriver, file, duressSecret);
  await refuseSecretInUse(duressKek, file, null);
  const [secret, recovery] = pickTwo(freeSlots(roles));
  const raw = randomBytes(VAULT.kdf.keyBytes);
  const code = newRecoveryCode();
  try {
    const slots = [...file.slots];
    slots[secret] = await sealSlot(duressKek, file, secret, raw);
    slots[recovery] = await sealSlot(await recoveryKek(code.entropy, file.header.salt), file, recovery, raw);
    const keyFile = encodeKeyFile({ ...file, slots });
    const decoyRoles: SlotRoles = { secret, recovery, keep: [...ownedOrKept(roles)].sort((a, b) => a - b) };
    // importMaster zeroes `raw`; the slots were sealed above.
    const session = await detachedCapture(raw);
    return { keyFile, roles: { ...roles, duress: { secret, recovery } }, decoy: { roles: decoyRoles, session } };
  } finally {
    zero(raw);
    zero(code.entropy);
  }
}

/** Removes the duress vault: its two slots are overwritten with random bytes (in place, by the caller). */
export async function removeDuress(keyFileBytes: Uint8Array, currentSecret: string, roles: SlotRoles, deriver: KekDeriver): Promise<{ keyFile: Bytes; roles: SlotRoles }> {
  const file = parseKeyFile(keyFileBytes);
  const duress = roles.duress;
  if (!duress) throw new VaultError('key_file_malformed', 'no duress vault');
  await proveOwnSecret(file, currentSecret, roles, deriver);
  const slots = [...file.slots];
  slots[duress.secret] = emptySlot();
  slots[duress.recovery] = emptySlot();
  const rest: SlotRoles = { ...roles };
  delete rest.duress;
  return { keyFile: encodeKeyFile({ ...file, slots }), roles: rest };
}
