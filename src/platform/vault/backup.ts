// One encrypted file holding the whole vault (DESIGN §4, "Backups"). How it works:
//
// Making one: the header (backupHeader.ts) carries the recovery slot, and a passphrase slot only
// for a strong passphrase, copied from the key file; never a PIN slot. The body is the frames of
// backupFrames.ts, sealed as one segmented stream AEAD (streamAead.ts: 1 MiB segments, nonce =
// random prefix ‖ counter ‖ last-segment flag) under a key derived from the vault key with a random
// per-backup salt. The outer layer hides ids, tags, sizes and how many records there are. Memory stays
// flat: frames go in, sealed segments come out, one at a time.
//
// Opening one: parse the header (bounds and checksum first), unwrap the vault key from its recovery
// (or passphrase) slot, check the header's seal, then decrypt segment by segment and hand each frame
// to the caller as it completes. The caller stages what it receives and commits only when
// `decryptBackup` resolves: a segment that fails, a missing last segment or a bad frame throws a
// BackupError first.
//
// A duress vault's records, if there is one, sit in the same database and travel along as
// ciphertext no key in the backup opens; its PIN slot, like every PIN slot, stays behind.

import { type Bytes, concat, copyBytes, randomBytes, zero } from './bytes';
import { VAULT } from './constants';
import { BackupError, isBackupError } from './backupErrors';
import { type BackupFrame, FrameReader, encodeEndFrame, frameParts } from './backupFrames';
import {
  BACKUP_HEADER_BYTES,
  type BackupHeader,
  type BackupKeys,
  STREAM_PREFIX_BYTES,
  STREAM_SALT_BYTES,
  deriveBackupKeys,
  encodeBackupHeader,
  headerSealHolds,
  openHeaderSlot,
  parseBackupHeader,
} from './backupHeader';
import type { KekDeriver } from './kdfClient';
import { emptySlot, encodeKeyFile, parseHeader, parseKeyFile } from './keyFile';
import { recoveryKek } from './recovery';
import { isStrongPassphrase, secretBytes } from './secret';
import { beginSession, sessionGeneration, sessionMaster } from './session';
import { SEGMENT_BYTES, SegmentWriter, type StreamParams, TAG_BYTES, openSegment } from './streamAead';
import { openSlots } from './slots';

export { BACKUP_HEADER_BYTES };
const SEALED_SEGMENT_BYTES = SEGMENT_BYTES + TAG_BYTES;

export interface BackupSlots {
  recovery: number;
  /** Her passphrase and its slot, to let it open the backup too; refused unless strong. */
  passphrase?: { index: number; text: string; deriver: KekDeriver };
}

/** Seals frames into the backup's body. `header` is written first; then whatever push/finish return, in order. */
export interface BackupSealer {
  readonly header: Bytes;
  /** Seals one frame; returns the sealed segments it completed (often none). */
  push(frame: BackupFrame): Promise<Bytes[]>;
  /** Seals the end frame and the last segment. */
  finish(): Promise<Bytes[]>;
}

/**
 * Starts a backup of the open vault. `keyFile` is the current key file; `slots.recovery` the index
 * of its recovery slot (from the vault's own slot roles).
 */
export async function startBackup(keyFile: Uint8Array, slots: BackupSlots): Promise<BackupSealer> {
  const file = parseKeyFile(keyFile);
  const master = sessionMaster();
  let passphrase: { index: number; slot: Bytes } | null = null;
  if (slots.passphrase) {
    const { index, text, deriver } = slots.passphrase;
    if (!isStrongPassphrase(text)) throw new BackupError('no_passphrase_slot', 'passphrase not strong enough to travel');
    const bytes = secretBytes(text);
    try {
      // Proves the passphrase opens this very slot, so the backup never carries a slot she cannot open.
      const opened = await openSlots(await deriver.derive(bytes, file.header.salt, file.header.kdf), file);
      if (opened.index !== index) throw new BackupError('wrong_recovery_code', 'passphrase opens another slot');
    } catch (error) {
      throw isBackupError(error) ? error : new BackupError('wrong_recovery_code', 'passphrase does not open the vault');
    } finally {
      zero(bytes);
    }
    passphrase = { index, slot: file.slots[index] as Bytes };
  }
  const salt = randomBytes(STREAM_SALT_BYTES);
  const params: StreamParams = { salt, noncePrefix: randomBytes(STREAM_PREFIX_BYTES) };
  const keys = await deriveBackupKeys(master, salt);
  const header = await encodeBackupHeader({ keyFile, recovery: { index: slots.recovery, slot: file.slots[slots.recovery] as Bytes }, passphrase, salt, noncePrefix: params.noncePrefix }, keys.seal);
  const out: Bytes[] = [];
  const writer = new SegmentWriter(keys.stream, params, async (_index, sealed) => void out.push(sealed));
  const counts = { records: 0, segments: 0 };
  const drain = () => out.splice(0, out.length);
  return {
    header,
    async push(frame) {
      if (frame.kind === 'record') counts.records += 1;
      else counts.segments += 1;
      const [head, body] = frameParts(frame);
      await writer.write(head);
      await writer.write(body);
      return drain();
    },
    async finish() {
      await writer.write(encodeEndFrame(counts));
      await writer.close();
      return drain();
    },
  };
}

/** How a backup is opened: the recovery code's entropy, or her passphrase (when the backup holds its slot). */
export type BackupProof = { kind: 'recovery'; entropy: Uint8Array } | { kind: 'passphrase'; text: string; deriver: KekDeriver; signal?: AbortSignal };

/** A backup whose header checked out and whose key is known. Holds the vault key until dropped. */
export interface OpenedBackup {
  header: BackupHeader;
  master: CryptoKey;
  keys: BackupKeys;
}

/** Parses the header and opens it with the proof: wrong_recovery_code before anything is written. */
export async function openBackup(headerBytes: Uint8Array, proof: BackupProof): Promise<OpenedBackup> {
  const header = await parseBackupHeader(headerBytes);
  let master: CryptoKey | null;
  if (proof.kind === 'recovery') {
    master = await openHeaderSlot(header, 'recovery', await recoveryKek(proof.entropy, header.vault.salt));
  } else {
    if (!header.passphrase) throw new BackupError('no_passphrase_slot');
    const bytes = secretBytes(proof.text);
    try {
      master = await openHeaderSlot(header, 'passphrase', await proof.deriver.derive(bytes, header.vault.salt, header.vault.kdf, proof.signal));
    } finally {
      zero(bytes);
    }
  }
  if (!master) throw new BackupError('wrong_recovery_code');
  const keys = await deriveBackupKeys(master, header.salt);
  if (!(await headerSealHolds(header, keys))) throw new BackupError('backup_altered');
  return { header, master, keys };
}

/**
 * Decrypts the body (the bytes after the header, in chunks of any size) and hands every frame to
 * `onFrame` as it completes. Resolves with the counts only when every segment authenticated, the
 * last segment was sealed as last, and the frames ended on a matching end frame.
 */
export async function decryptBackup(
  opened: OpenedBackup,
  body: AsyncIterable<Uint8Array>,
  onFrame: (frame: BackupFrame) => Promise<void>,
  signal?: AbortSignal,
): Promise<{ records: number; segments: number }> {
  const params: StreamParams = { salt: opened.header.salt, noncePrefix: opened.header.noncePrefix };
  const reader = new FrameReader(onFrame);
  const current = new Uint8Array(SEALED_SEGMENT_BYTES);
  let filled = 0;
  let index = 0;
  const check = () => {
    if (signal?.aborted) throw new BackupError('aborted');
  };
  const open = async (sealed: Bytes, last: boolean) => {
    check();
    let plain: Bytes;
    try {
      plain = await openSegment(opened.keys.stream, params, index, last, sealed);
    } catch {
      // A body cut exactly at a segment boundary: its final segment was sealed as not-last.
      if (last && (await openSegment(opened.keys.stream, params, index, false, sealed).then(() => true, () => false))) throw new BackupError('backup_truncated');
      throw new BackupError('backup_damaged', `segment ${index}`);
    }
    index += 1;
    await reader.push(plain);
  };
  for await (const chunk of body) {
    let at = 0;
    while (at < chunk.length) {
      // A full segment with more bytes after it cannot be the last.
      if (filled === SEALED_SEGMENT_BYTES) {
        await open(current, false);
        filled = 0;
      }
      const take = Math.min(SEALED_SEGMENT_BYTES - filled, chunk.length - at);
      current.set(chunk.subarray(at, at + take), filled);
      filled += take;
      at += take;
    }
    check();
  }
  if (filled < TAG_BYTES) throw new BackupError('backup_truncated', 'no last segment');
  await open(current.slice(0, filled), true);
  return reader.finish();
}

/**
 * The key file a restore installs: the backup's immutable header (which its slots are bound to),
 * fresh failure fields, auto-wipe off, the given database generation, the backup's slots in their
 * places and random bytes in every other. No raw key is involved: the slots are copied as they are.
 */
export function restoredKeyFile(opened: OpenedBackup, dbGeneration: number): Bytes {
  const vault = parseHeader(concat(opened.header.keyFileHeader, new Uint8Array(VAULT.keyFile.headerBytes - opened.header.keyFileHeader.length)));
  const slots = Array.from({ length: VAULT.keyFile.slotCount }, emptySlot);
  slots[opened.header.recovery.index] = copyBytes(opened.header.recovery.slot);
  if (opened.header.passphrase) slots[opened.header.passphrase.index] = copyBytes(opened.header.passphrase.slot);
  const bytes = encodeKeyFile({ header: { ...vault, failures: 0, lastFailureAt: 0, autoWipeAfter: 0, dbGeneration }, slots });
  // The bound bytes exactly as they were, whatever re-encoding would make of them.
  bytes.set(opened.header.keyFileHeader, 0);
  return bytes;
}

/** Opens a session on the restored vault (after the switch to it is committed). */
export async function beginRestoredSession(opened: OpenedBackup, startedAt: number = sessionGeneration()): Promise<void> {
  await beginSession(opened.master, startedAt);
}
