// Restoring a backup. Three steps, and nothing is written until the third has checked every byte:
//  1. open: read the header from the file, unwrap the vault key with the recovery code (or a strong
//     passphrase the backup carries). A wrong code fails here, before anything is written.
//  2. (the screen asks first when a vault exists: it will be replaced entirely)
//  3. restore: under the restore lock, decrypt the file segment by segment into a staging database;
//     only when every segment authenticated and the frames ended properly, switch to it with one
//     atomic key-file write (platform/store staging.ts). Then open a session on the restored vault.
// A failure or a closed tab before the switch leaves the old vault exactly as it was.
import { beginStaging, isStoreError, readKeyFile, withRestoreLock } from '../../../platform/store';
import {
  BACKUP_HEADER_BYTES,
  BackupError,
  isBackupError,
  isVaultError,
  type Bytes,
  type OpenedBackup,
  beginRestoredSession,
  decryptBackup,
  endSession,
  getBrowserDeriver,
  looksLikeRecoveryCode,
  openBackup,
  parseRecoveryCode,
  restoredKeyFile,
  sessionGeneration,
} from '../../../platform/vault';
import { lockOtherTabs } from '../../exit';
import { type Settings, settingsRecord, slotRolesRecord } from '../../settings';

export interface OpenedFile {
  file: File;
  opened: OpenedBackup;
  /** The recovery code's entropy (for choosing a new PIN next), or null when a passphrase opened it. */
  entropy: Bytes | null;
}

/** Reads a file's bytes in the chunks the browser gives, reporting how far it got. Never whole in memory. */
async function* chunksOf(blob: Blob, onBytes: (n: number) => void): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      onBytes(value.length);
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Step 1: the header, unlocked by the typed code. Throws BackupError or VaultError('recovery_code_invalid').
 * Twelve plain words may be her recovery code or a passphrase of twelve words: the code is tried
 * first, then (when the backup carries a passphrase slot) the same text as a passphrase.
 */
export async function openBackupFile(file: File, typed: string): Promise<OpenedFile> {
  const header = new Uint8Array(await file.slice(0, BACKUP_HEADER_BYTES).arrayBuffer());
  let asCode: unknown = null;
  if (looksLikeRecoveryCode(typed)) {
    try {
      // A typo in a word is caught by the code's checksum, before any key work.
      const entropy = parseRecoveryCode(typed);
      try {
        return { file, opened: await openBackup(header, { kind: 'recovery', entropy }), entropy };
      } catch (error) {
        entropy.fill(0);
        throw error;
      }
    } catch (error) {
      if (!isVaultError(error, 'recovery_code_invalid') && !isBackupError(error, 'wrong_recovery_code')) throw error;
      asCode = error;
    }
  }
  const deriver = getBrowserDeriver();
  try {
    return { file, opened: await openBackup(header, { kind: 'passphrase', text: typed, deriver }), entropy: null };
  } catch (error) {
    // Words that failed as a recovery code, in a backup with no passphrase slot: the code's own error.
    if (asCode && isBackupError(error, 'no_passphrase_slot')) throw asCode;
    throw error;
  } finally {
    deriver.retire();
  }
}

/**
 * The restore committed (the backup is now the vault on this phone), but the app locked before the
 * restored vault could open, or opening it failed. She opens it with her recovery code next time.
 */
export class RestoredButLocked extends Error {
  constructor() {
    super('restored, then locked');
    this.name = 'RestoredButLocked';
  }
}

export interface RestoreOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface Restored {
  settings: Settings | null;
}

/** Step 3: everything, or nothing. On success the session is the restored vault's. */
export async function restoreBackup({ file, opened }: OpenedFile, { signal, onProgress }: RestoreOptions = {}): Promise<Restored> {
  const total = Math.max(0, file.size - BACKUP_HEADER_BYTES);
  let done = 0;
  // A lock (quick exit, the page hidden) while this runs must not be followed by the restored vault
  // opening behind the calculator: the session's generation says whether one happened.
  const startedAt = sessionGeneration();
  lockOtherTabs();
  await withRestoreLock(async () => {
    const previous = await readKeyFile();
    const staging = await beginStaging();
    try {
      const body = chunksOf(file.slice(BACKUP_HEADER_BYTES), (n) => onProgress?.((done += n), total));
      const counts = await decryptBackup(
        opened,
        body,
        (frame) => staging.add(frame.kind === 'record' ? { kind: 'record', record: { id: frame.id, t: frame.t, v: frame.v, c: frame.c } } : { kind: 'segment', segment: { a: frame.a, i: frame.i, c: frame.c } }),
        signal,
      );
      try {
        await staging.finish(counts);
      } catch (error) {
        // The same key twice in one backup: it is not what was written.
        throw isStoreError(error, 'invalid') ? new BackupError('backup_damaged', 'repeated keys') : error;
      }
      if (signal?.aborted) throw new BackupError('aborted');
      await staging.commit(previous, restoredKeyFile(opened, staging.generation));
    } catch (error) {
      await staging.discard();
      throw error;
    }
  });
  // The old vault's keys, and whatever was decrypted under them, go; the restored vault's session opens,
  // unless the app locked meanwhile.
  const lockedMeanwhile = sessionGeneration() !== startedAt;
  endSession();
  if (lockedMeanwhile) throw new RestoredButLocked();
  try {
    await beginRestoredSession(opened, sessionGeneration());
  } catch {
    throw new RestoredButLocked();
  }
  // Best effort: if this one write fails, Settings may still name a second PIN that opens nothing.
  await forgetSecondPin().catch(() => undefined);
  return { settings: (await settingsRecord.read().catch(() => undefined)) ?? null };
}

/**
 * A backup carries no second-PIN slots, so after a restore the roles must not claim one: Settings
 * would say a second PIN is set that opens nothing, and she might rely on it under threat.
 */
async function forgetSecondPin(): Promise<void> {
  const roles = await slotRolesRecord.read().catch(() => undefined);
  if (!roles?.duress) return;
  const { duress: _gone, ...rest } = roles;
  await slotRolesRecord.write(rest);
}
