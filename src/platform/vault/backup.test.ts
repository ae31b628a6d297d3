import { beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_HEADER_BYTES, openBackup, restoredKeyFile } from './backup';
import { type Fixture, makeFixture, restoreInto, sameFrames, sampleFrames, sealBackup } from './backupTesting';
import { SEGMENT_BYTES, TAG_BYTES } from './streamAead';
import { FrameReader, encodeEndFrame, encodeFrame } from './backupFrames';
import { type Bytes, concat, equalBytes, randomBytes } from './bytes';
import { KEY_FILE_BYTES } from './constants';
import { DB_GENERATION_OFFSET, parseKeyFile } from './keyFile';
import { unlockWithRecovery, unlockWithSecret } from './lifecycle';
import { parseRecoveryCode } from './recovery';
import { isStrongPassphrase } from './secret';
import { endSession } from './session';
import { inlineDeriver } from './testing';

let fx: Fixture;
let entropy: Bytes;

beforeAll(async () => {
  fx = await makeFixture();
  // (Node's WebCrypto is slow on first use; the fixture warms it.)
  entropy = parseRecoveryCode(fx.vault.recovery.words.join(' '));
}, 60_000);

const codeOf = async (file: Uint8Array, key: Uint8Array = entropy) => ((await restoreInto([], file, key)).error as { code?: string } | null)?.code;

describe('backup file', { timeout: 60_000 }, () => {
  it('round-trips every frame exactly, whatever the chunk sizes it is read in', async () => {
    // Byte-sized chunks through a small file only: a check of the buffering, not of speed.
    const small = sampleFrames([10, 20]);
    const smallFile = await sealBackup(fx.vault.keyFile, { recovery: fx.vault.roles.recovery }, small);
    for (const chunk of [1, 7, 333]) expect(sameFrames((await restoreInto([], smallFile, entropy, chunk)).live, small)).toBe(true);
    for (const chunk of [4096, 1024 * 1024 + 16, 5 * 1024 * 1024]) {
      const { live, error } = await restoreInto([], fx.file, entropy, chunk);
      expect(error).toBeNull();
      expect(sameFrames(live, fx.frames)).toBe(true);
    }
  });

  it('round-trips an empty vault and one whose body ends exactly on a segment boundary', async () => {
    const records = sampleFrames([]);
    const used = records.reduce((n, f) => n + encodeFrame(f).length, 0) + encodeEndFrame({ records: 12, segments: 1 }).length;
    const probe = encodeFrame({ kind: 'segment', a: 'owner-a', i: 0, c: new Uint8Array(0) }).length;
    const exact = [...records, { kind: 'segment' as const, a: 'owner-a', i: 0, c: randomBytes(SEGMENT_BYTES - used - probe) }];
    for (const frames of [[], exact]) {
      const file = await sealBackup(fx.vault.keyFile, { recovery: fx.vault.roles.recovery }, frames);
      const { live, error } = await restoreInto([], file, entropy);
      expect(error).toBeNull();
      expect(sameFrames(live, frames)).toBe(true);
    }
    // Exactly one full segment: cut after it, nothing is left to be "last", so the cut is found.
    const file = await sealBackup(fx.vault.keyFile, { recovery: fx.vault.roles.recovery }, exact);
    expect(file.length).toBe(BACKUP_HEADER_BYTES + SEGMENT_BYTES + TAG_BYTES);
  });

  it('holds the recovery slot verbatim and no PIN slot', () => {
    const pinSlot = parseKeyFile(fx.vault.keyFile).slots[fx.vault.roles.secret] as Bytes;
    const recoverySlot = parseKeyFile(fx.vault.keyFile).slots[fx.vault.roles.recovery] as Bytes;
    const header = fx.file.subarray(0, BACKUP_HEADER_BYTES);
    expect(equalBytes(header.subarray(48, 108), recoverySlot)).toBe(true);
    expect(header[6]).toBe(0);
    const contains = (hay: Uint8Array, needle: Uint8Array) => {
      outer: for (let i = 0; i + needle.length <= hay.length; i++) {
        for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
        return true;
      }
      return false;
    };
    expect(contains(fx.file, pinSlot)).toBe(false);
    expect(contains(fx.file, recoverySlot)).toBe(true);
  });

  it('installs a key file that the recovery code opens, with the chosen database generation', async () => {
    const opened = await openBackup(fx.file.subarray(0, BACKUP_HEADER_BYTES), { kind: 'recovery', entropy });
    const keyFile = restoredKeyFile(opened, 7);
    expect(keyFile.length).toBe(KEY_FILE_BYTES);
    expect(keyFile[DB_GENERATION_OFFSET]).toBe(7);
    expect(parseKeyFile(keyFile).header.dbGeneration).toBe(7);
    expect(equalBytes(keyFile.subarray(0, 36), fx.vault.keyFile.subarray(0, 36))).toBe(true);
    await expect(unlockWithRecovery(keyFile, entropy)).resolves.toEqual({ slot: fx.vault.roles.recovery });
    // The PIN did not travel: it opens nothing in the restored key file.
    await expect(unlockWithSecret(keyFile, '135790', inlineDeriver)).rejects.toMatchObject({ code: 'no_matching_slot' });
    endSession();
  });

  it('names a wrong recovery code, before reading the body', async () => {
    const other = parseRecoveryCode((await makeFixture()).vault.recovery.words.join(' '));
    endSession();
    expect(await codeOf(fx.file, other)).toBe('wrong_recovery_code');
  });

  it('names a truncated, damaged, altered, foreign or newer file', async () => {
    expect(await codeOf(fx.file.subarray(0, 100))).toBe('backup_truncated');
    expect(await codeOf(fx.file.subarray(0, BACKUP_HEADER_BYTES))).toBe('backup_truncated');
    expect(await codeOf(fx.file.subarray(0, BACKUP_HEADER_BYTES + 1024 * 1024 + 16))).toBe('backup_truncated');
    expect(await codeOf(fx.file.subarray(0, fx.file.length - 1))).toBe('backup_damaged');
    const flipped = fx.file.slice();
    flipped[BACKUP_HEADER_BYTES + 5000] = (flipped[BACKUP_HEADER_BYTES + 5000] ?? 0) ^ 1;
    expect(await codeOf(flipped)).toBe('backup_damaged');
    expect(await codeOf(concat(fx.file, Uint8Array.of(0)))).toBe('backup_damaged');
    expect(await codeOf(randomBytes(5000))).toBe('not_a_backup');
    expect(await codeOf(fx.vault.keyFile)).toBe('not_a_backup');
    expect(await codeOf(new Uint8Array(0))).toBe('not_a_backup');
    const newer = fx.file.slice();
    newer[5] = 2;
    expect(await codeOf(newer)).toBe('backup_version');
  });

  it('names a header altered with its checksum recomputed as altered', async () => {
    const altered = fx.file.slice();
    altered[184] = (altered[184] ?? 0) ^ 0x40; // the nonce prefix
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', altered.slice(0, 192)));
    altered.set(digest.subarray(0, 16), 192);
    expect(await codeOf(altered)).toBe('backup_altered');
  });

  it('carries a passphrase slot only for a strong passphrase that opens the vault', async () => {
    const phrase = 'orange kettle under seven quiet hills';
    expect(isStrongPassphrase(phrase)).toBe(true);
    const { createVault } = await import('./lifecycle');
    const { FAST_KDF } = await import('./testing');
    const vault = await createVault(phrase, FAST_KDF, inlineDeriver);
    const slots = { recovery: vault.roles.recovery, passphrase: { index: vault.roles.secret, text: phrase, deriver: inlineDeriver } };
    const file = await sealBackup(vault.keyFile, slots, []);
    expect(file[6]).toBe(1);
    const opened = await openBackup(file.subarray(0, BACKUP_HEADER_BYTES), { kind: 'passphrase', text: phrase, deriver: inlineDeriver });
    expect(opened.header.passphrase?.index).toBe(vault.roles.secret);
    await expect(openBackup(file.subarray(0, BACKUP_HEADER_BYTES), { kind: 'passphrase', text: 'orange kettle under seven quiet hill', deriver: inlineDeriver })).rejects.toMatchObject({ code: 'wrong_recovery_code' });
    await expect(sealBackup(vault.keyFile, { ...slots, passphrase: { ...slots.passphrase, text: 'short words only' } }, [])).rejects.toMatchObject({ code: 'no_passphrase_slot' });
    await expect(sealBackup(vault.keyFile, { ...slots, passphrase: { ...slots.passphrase, text: 'another long phrase of five words' } }, [])).rejects.toMatchObject({ code: 'wrong_recovery_code' });
    await expect(openBackup(fx.file.subarray(0, BACKUP_HEADER_BYTES), { kind: 'passphrase', text: phrase, deriver: inlineDeriver })).rejects.toMatchObject({ code: 'no_passphrase_slot' });
    endSession();
  });

  it('judges passphrases: five words, or twenty varied characters; never digits', () => {
    expect(isStrongPassphrase('one two three four five')).toBe(true);
    expect(isStrongPassphrase('one two three four')).toBe(false);
    expect(isStrongPassphrase('Tr0ub4dor & 3 horses!')).toBe(true);
    expect(isStrongPassphrase('aaaaaaaaaaaaaaaaaaaaaaaaa1 ')).toBe(false);
    expect(isStrongPassphrase('12345678901234567890123')).toBe(false);
    expect(isStrongPassphrase('میں روز صبح چائے پیتی ہوں')).toBe(true);
  });
});

describe('backup frames', () => {
  it('refuse bad lengths, heads and counts by name', async () => {
    const reader = () => new FrameReader(async () => undefined);
    const prefix = (type: number, head: number, body: number) => {
      const out = new Uint8Array(7);
      out[0] = type;
      new DataView(out.buffer).setUint16(1, head, true);
      new DataView(out.buffer).setUint32(3, body, true);
      return out;
    };
    await expect(reader().push(prefix(9, 2, 0))).rejects.toMatchObject({ code: 'backup_damaged' });
    await expect(reader().push(prefix(1, 2, 2 ** 31))).rejects.toMatchObject({ code: 'backup_damaged' });
    await expect(reader().push(prefix(2, 600, 1))).rejects.toMatchObject({ code: 'backup_damaged' });
    await expect(reader().push(concat(prefix(1, 2, 0), new TextEncoder().encode('{}')))).rejects.toMatchObject({ code: 'backup_damaged' });
    const miscounted = reader();
    await expect(miscounted.push(concat(encodeFrame({ kind: 'record', id: 'a', t: 'b', v: 1, c: new Uint8Array(3) }), encodeEndFrame({ records: 2, segments: 0 })))).rejects.toMatchObject({ code: 'backup_damaged' });
    const unended = reader();
    await unended.push(encodeFrame({ kind: 'record', id: 'a', t: 'b', v: 1, c: new Uint8Array(3) }));
    expect(() => unended.finish()).toThrow(expect.objectContaining({ code: 'backup_damaged' }));
  });
});
