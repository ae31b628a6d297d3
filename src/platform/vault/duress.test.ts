import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type Bytes, concat, utf8 } from './bytes';
import { createDuress, freeSlots, removeDuress } from './duress';
import type { KekDeriver } from './kdfClient';
import { parseKeyFile } from './keyFile';
import { type SlotRoles, changeSecret, createVault, replaceRecoveryCode, unlockWithRecovery, unlockWithSecret } from './lifecycle';
import { endSession, kindTag } from './session';
import { FAST_KDF, inlineDeriver } from './testing';

afterEach(() => endSession());

/**
 * A stand-in for Argon2id that costs nothing, for the property test: what is under test is which
 * slot each operation writes, not the KDF. (The example tests below use the real one.)
 */
const quickDeriver: KekDeriver = {
  async derive(secret, salt) {
    const raw = await crypto.subtle.digest('SHA-256', concat(utf8('test-kek|'), secret, salt));
    return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt', 'unwrapKey']);
  },
  warm: () => {},
  retire: () => {},
};

/** Which vault a session is: its tag for a fixed kind, stable for one vault key and different for another. */
async function identity(): Promise<string> {
  return kindTag('identity');
}

describe('duress vault', () => {
  it('opens its own empty vault with the duress PIN, refuses the real PIN as a duress PIN, and is removed by overwriting its slots', async () => {
    const created = await createVault('111111', FAST_KDF, inlineDeriver);
    const real = await identity();
    await expect(createDuress(created.keyFile, '111111', '111111', created.roles, inlineDeriver)).rejects.toMatchObject({ code: 'secret_in_use' });
    await expect(createDuress(created.keyFile, '999999', '222222', created.roles, inlineDeriver)).rejects.toMatchObject({ code: 'no_matching_slot' });

    const duress = await createDuress(created.keyFile, '111111', '222222', created.roles, inlineDeriver);
    const decoyTag = await duress.decoy.session.kindTag('identity');
    expect(decoyTag).not.toBe(real);
    // Only the two free slots it took changed; the real vault's slots are untouched.
    const before = parseKeyFile(created.keyFile);
    const after = parseKeyFile(duress.keyFile);
    const taken = [duress.decoy.roles.secret, duress.decoy.roles.recovery];
    after.slots.forEach((slot, i) => (taken.includes(i) ? expect(slot).not.toEqual(before.slots[i]) : expect(slot).toEqual(before.slots[i])));
    expect(taken).not.toContain(created.roles.secret);
    expect(taken).not.toContain(created.roles.recovery);
    expect(duress.decoy.roles.keep).toEqual([created.roles.secret, created.roles.recovery].sort((a, b) => a - b));

    endSession();
    expect(await unlockWithSecret(duress.keyFile, '222222', inlineDeriver)).toEqual({ slot: duress.decoy.roles.secret });
    expect(await identity()).toBe(decoyTag);
    // Inside the duress vault, the real PIN is just a wrong PIN: its slot cannot be changed from here.
    await expect(changeSecret(duress.keyFile, '111111', '333333', inlineDeriver, duress.decoy.roles)).rejects.toMatchObject({ code: 'no_matching_slot' });
    // And the real vault cannot take the duress PIN as its own.
    await expect(changeSecret(duress.keyFile, '111111', '222222', inlineDeriver, duress.roles)).rejects.toMatchObject({ code: 'secret_in_use' });

    endSession();
    await unlockWithSecret(duress.keyFile, '111111', inlineDeriver);
    expect(await identity()).toBe(real);

    const removed = await removeDuress(duress.keyFile, '111111', duress.roles, inlineDeriver);
    expect(removed.roles).toEqual(created.roles);
    const wiped = parseKeyFile(removed.keyFile);
    for (const i of taken) expect(wiped.slots[i]).not.toEqual(after.slots[i]);
    endSession();
    await expect(unlockWithSecret(removed.keyFile, '222222', inlineDeriver)).rejects.toMatchObject({ code: 'no_matching_slot' });
    await unlockWithSecret(removed.keyFile, '111111', inlineDeriver);
    expect(await identity()).toBe(real);
  });

  interface Vault {
    id: string;
    secret: string;
    /** Known for the first vault and for any vault whose recovery code was regenerated. */
    recovery: Bytes | null;
    roles: SlotRoles;
    parent: number | null;
    alive: boolean;
  }
  type Op = { op: 'create-duress' | 'change-secret' | 'new-recovery' | 'remove-duress' | 'wrong-vault-change'; who: number };

  it('never lets an operation in one vault overwrite a slot another live vault needs (any sequence)', async () => {
    const op = fc.record({ op: fc.constantFrom<Op['op']>('create-duress', 'change-secret', 'new-recovery', 'remove-duress', 'wrong-vault-change'), who: fc.nat(7) });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        let pins = 100_000;
        const nextPin = () => String(pins++);
        const first = nextPin();
        const created = await createVault(first, FAST_KDF, quickDeriver);
        const vaults: Vault[] = [{ id: await identity(), secret: first, recovery: created.recovery.entropy, roles: created.roles, parent: null, alive: true }];
        let file: Bytes = created.keyFile;
        endSession();

        for (const { op, who } of ops) {
          const live = vaults.filter((v) => v.alive);
          const vault = live[who % live.length] as Vault;
          if (op === 'create-duress') {
            if (vault.roles.duress || freeSlots(vault.roles).length < 2) continue;
            const secret = nextPin();
            const made = await createDuress(file, vault.secret, secret, vault.roles, quickDeriver);
            file = made.keyFile;
            vault.roles = made.roles;
            vaults.push({ id: await made.decoy.session.kindTag('identity'), secret, recovery: null, roles: made.decoy.roles, parent: vaults.indexOf(vault), alive: true });
          } else if (op === 'change-secret') {
            const secret = nextPin();
            file = (await changeSecret(file, vault.secret, secret, quickDeriver, vault.roles)).keyFile;
            vault.secret = secret;
          } else if (op === 'new-recovery') {
            const replaced = await replaceRecoveryCode(file, vault.secret, vault.roles, quickDeriver);
            file = replaced.keyFile;
            vault.recovery = replaced.recovery.entropy;
          } else if (op === 'remove-duress') {
            if (!vault.roles.duress) continue;
            const child = vaults.findIndex((v) => v.alive && v.parent === vaults.indexOf(vault));
            const removed = await removeDuress(file, vault.secret, vault.roles, quickDeriver);
            file = removed.keyFile;
            vault.roles = removed.roles;
            // The duress vault and any it made in turn are gone (children always come after parents).
            const dead = new Set<number>([child]);
            vaults.forEach((v, i) => v.parent !== null && dead.has(v.parent) && dead.add(i));
            for (const i of dead) (vaults[i] as Vault).alive = false;
          } else {
            // Another live vault's PIN, offered as this vault's current PIN: refused, nothing written.
            const other = live.find((v) => v !== vault);
            if (!other) continue;
            await expect(changeSecret(file, other.secret, nextPin(), quickDeriver, vault.roles)).rejects.toMatchObject({ code: 'no_matching_slot' });
          }
          endSession();

          // Every live vault still opens with its current secret and recovery code, to itself.
          const stillLive = vaults.filter((v) => v.alive);
          for (const v of stillLive) {
            await unlockWithSecret(file, v.secret, quickDeriver);
            expect(await identity()).toBe(v.id);
            endSession();
            if (v.recovery) {
              await unlockWithRecovery(file, v.recovery);
              expect(await identity()).toBe(v.id);
              endSession();
            }
          }
          // And no two live vaults claim the same slot.
          const claimed = stillLive.flatMap((v) => [v.roles.secret, v.roles.recovery]);
          expect(new Set(claimed).size).toBe(claimed.length);
        }
      }),
      { numRuns: 40 },
    );
  });
});
