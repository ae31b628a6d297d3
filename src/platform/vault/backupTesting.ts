// Test helpers for the backup format (imported only by *.test.ts files): a small vault's worth of
// frames, sealed into a backup file in memory, and a restore that stages frames and commits only on
// success, the way platform/store does.
import { type Bytes, concat, equalBytes, randomBytes } from './bytes';
import { type BackupFrame } from './backupFrames';
import { type BackupSlots, type OpenedBackup, decryptBackup, openBackup, startBackup } from './backup';
import { createVault, type CreatedVault } from './lifecycle';
import { FAST_KDF, inlineDeriver } from './testing';

export function sampleFrames(segmentBytes: number[] = [1024 * 1024 + 16, 300_000]): BackupFrame[] {
  const frames: BackupFrame[] = [];
  for (let i = 0; i < 12; i++) frames.push({ kind: 'record', id: `r${i}-${i * 7}`, t: `tag${i % 3}`, v: 1 + (i % 2), c: randomBytes(40 + i * 97) });
  segmentBytes.forEach((size, i) => frames.push({ kind: 'segment', a: 'owner-a', i, c: randomBytes(size) }));
  return frames;
}

/** Seals `frames` into one file. The open session must be the vault's (createVault opens one). */
export async function sealBackup(keyFile: Uint8Array, slots: BackupSlots, frames: readonly BackupFrame[]): Promise<Bytes> {
  const sealer = await startBackup(keyFile, slots);
  const parts: Uint8Array[] = [sealer.header];
  for (const frame of frames) parts.push(...(await sealer.push(frame)));
  parts.push(...(await sealer.finish()));
  return concat(...parts);
}

export interface Fixture {
  vault: CreatedVault;
  frames: BackupFrame[];
  file: Bytes;
}

export async function makeFixture(pin = '135790'): Promise<Fixture> {
  const vault = await createVault(pin, FAST_KDF, inlineDeriver);
  const frames = sampleFrames();
  return { vault, frames, file: await sealBackup(vault.keyFile, { recovery: vault.roles.recovery }, frames) };
}

export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, Math.min(bytes.length, at + size));
}

/**
 * Restores `file` the way the app does: frames go to a staging list as they arrive, and replace the
 * live list only if the whole file checked out. Returns the live list afterwards and any error.
 */
export async function restoreInto(live: readonly BackupFrame[], file: Uint8Array, entropy: Uint8Array, chunk = 64 * 1024): Promise<{ live: readonly BackupFrame[]; error: unknown }> {
  const staged: BackupFrame[] = [];
  try {
    const opened: OpenedBackup = await openBackup(file.subarray(0, 240), { kind: 'recovery', entropy });
    await decryptBackup(opened, chunked(file.subarray(240), chunk), async (frame) => void staged.push(frame));
    return { live: staged, error: null };
  } catch (error) {
    return { live, error };
  }
}

/** Frame lists equal, byte for byte (vitest's deep equality is far too slow for megabytes). */
export function sameFrames(a: readonly BackupFrame[], b: readonly BackupFrame[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i] as BackupFrame;
      const { c: cx, ...hx } = x;
      const { c: cy, ...hy } = y;
      return JSON.stringify(hx) === JSON.stringify(hy) && equalBytes(cx, cy);
    })
  );
}
