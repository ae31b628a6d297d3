import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE_BYTES } from './constants';
import { parseKeyFile } from './keyFile';
import { changeSecret, createVault, replaceRecoveryCode, resetSecretWithRecovery, unlockWithRecovery, unlockWithSecret } from './lifecycle';
import { parseRecoveryCode } from './recovery';
import { endSession, isUnlocked, newId, openRecord, sealRecord } from './session';
import { FAST_KDF, inlineDeriver } from './testing';

afterEach(() => endSession());

async function sealedSample() {
  const ctx = { kind: 'note', id: newId(), schemaVersion: 1 };
  return { ctx, sealed: await sealRecord(ctx, { text: 'kept' }) };
}

describe('vault lifecycle', () => {
  it('creates a vault that opens with its PIN and with its recovery code, and no other', async () => {
    const created = await createVault('246810', FAST_KDF, inlineDeriver);
    expect(created.keyFile.length).toBe(KEY_FILE_BYTES);
    expect(created.recovery.words).toHaveLength(12);
    expect(created.roles.secret).not.toBe(created.roles.recovery);
    const { ctx, sealed } = await sealedSample();
    endSession();
    expect(isUnlocked()).toBe(false);
    await expect(openRecord(ctx, sealed)).rejects.toMatchObject({ code: 'locked' });

    await expect(unlockWithSecret(created.keyFile, '246811', inlineDeriver)).rejects.toMatchObject({ code: 'no_matching_slot' });
    expect(isUnlocked()).toBe(false);

    expect(await unlockWithSecret(created.keyFile, '246810', inlineDeriver)).toEqual({ slot: created.roles.secret });
    expect(await openRecord(ctx, sealed)).toEqual({ text: 'kept' });
    endSession();

    const entropy = parseRecoveryCode(created.recovery.words.join(' '));
    expect(await unlockWithRecovery(created.keyFile, entropy)).toEqual({ slot: created.roles.recovery });
    expect(await openRecord(ctx, sealed)).toEqual({ text: 'kept' });
  });

  it('normalises a passphrase the same way at set-up and unlock', async () => {
    const created = await createVault('  کینری   پاس فریز ', FAST_KDF, inlineDeriver);
    endSession();
    await unlockWithSecret(created.keyFile, 'کینری پاس فریز', inlineDeriver);
    expect(isUnlocked()).toBe(true);
  });

  it('changes the PIN by re-wrapping: old PIN fails, new PIN opens the same data', async () => {
    const created = await createVault('111111', FAST_KDF, inlineDeriver);
    const { ctx, sealed } = await sealedSample();
    const changed = await changeSecret(created.keyFile, '111111', '222222', inlineDeriver);
    expect(changed.slot).toBe(created.roles.secret);
    // Only the one slot changed: the file is overwritten in place, not rebuilt.
    const before = parseKeyFile(created.keyFile);
    const after = parseKeyFile(changed.keyFile);
    after.slots.forEach((slot, i) => (i === created.roles.secret ? expect(slot).not.toEqual(before.slots[i]) : expect(slot).toEqual(before.slots[i])));
    endSession();
    await expect(unlockWithSecret(changed.keyFile, '111111', inlineDeriver)).rejects.toMatchObject({ code: 'no_matching_slot' });
    await unlockWithSecret(changed.keyFile, '222222', inlineDeriver);
    expect(await openRecord(ctx, sealed)).toEqual({ text: 'kept' });
  });

  it('refuses to change the PIN without the current one', async () => {
    const created = await createVault('111111', FAST_KDF, inlineDeriver);
    await expect(changeSecret(created.keyFile, '999999', '222222', inlineDeriver)).rejects.toMatchObject({ code: 'no_matching_slot' });
  });

  it('replaces the recovery code: the old one stops working, the new one works', async () => {
    const created = await createVault('111111', FAST_KDF, inlineDeriver);
    const replaced = await replaceRecoveryCode(created.keyFile, '111111', created.roles, inlineDeriver);
    endSession();
    const oldEntropy = parseRecoveryCode(created.recovery.words.join(' '));
    await expect(unlockWithRecovery(replaced.keyFile, oldEntropy)).rejects.toMatchObject({ code: 'no_matching_slot' });
    await unlockWithRecovery(replaced.keyFile, parseRecoveryCode(replaced.recovery.words.join(' ')));
    expect(isUnlocked()).toBe(true);
  });

  it('sets a new PIN after a recovery-code unlock', async () => {
    const created = await createVault('111111', FAST_KDF, inlineDeriver);
    const entropy = parseRecoveryCode(created.recovery.words.join(' '));
    const keyFile = await resetSecretWithRecovery(created.keyFile, entropy, '333333', created.roles, inlineDeriver);
    endSession();
    await expect(unlockWithSecret(keyFile, '111111', inlineDeriver)).rejects.toMatchObject({ code: 'no_matching_slot' });
    await unlockWithSecret(keyFile, '333333', inlineDeriver);
    expect(isUnlocked()).toBe(true);
  });

  it('does not open a slot whose header parameters were altered', async () => {
    const created = await createVault('111111', FAST_KDF, inlineDeriver);
    endSession();
    const altered = created.keyFile.slice();
    // Same bounds-valid memory, different salt byte: the AAD and the derived key both change.
    altered[20] = (altered[20] ?? 0) ^ 0xff;
    await expect(unlockWithSecret(altered, '111111', inlineDeriver)).rejects.toMatchObject({ code: 'no_matching_slot' });
  });

  it('does not open a slot moved to another position', async () => {
    const created = await createVault('111111', FAST_KDF, inlineDeriver);
    endSession();
    const file = parseKeyFile(created.keyFile);
    const bytes = created.keyFile.slice();
    const from = created.roles.secret;
    const to = (from + 1) % 8 === created.roles.recovery ? (from + 2) % 8 : (from + 1) % 8;
    bytes.set(file.slots[from] as Uint8Array, 64 + to * 60);
    bytes.set(file.slots[to] as Uint8Array, 64 + from * 60);
    await expect(unlockWithSecret(bytes, '111111', inlineDeriver)).rejects.toMatchObject({ code: 'no_matching_slot' });
  });

  it('does not keep keys when a lock happens while unlocking (Exit pressed during Argon2id)', async () => {
    const created = await createVault('111111', FAST_KDF, inlineDeriver);
    endSession();
    const attempt = unlockWithSecret(created.keyFile, '111111', inlineDeriver);
    endSession();
    await expect(attempt).rejects.toMatchObject({ code: 'aborted' });
    expect(isUnlocked()).toBe(false);
    const creating = createVault('222222', FAST_KDF, inlineDeriver);
    endSession();
    await expect(creating).rejects.toMatchObject({ code: 'aborted' });
    expect(isUnlocked()).toBe(false);
  });

  it('stops before unlocking when the attempt is abandoned', async () => {
    const created = await createVault('111111', FAST_KDF, inlineDeriver);
    endSession();
    const controller = new AbortController();
    const attempt = unlockWithSecret(created.keyFile, '111111', inlineDeriver, controller.signal);
    controller.abort();
    await expect(attempt).rejects.toMatchObject({ code: 'aborted' });
    expect(isUnlocked()).toBe(false);
  });
});
