// The backup file's header: what is needed to open the rest, and nothing that says what the file is.
//
// Layout (240 bytes), then the body as a segmented stream AEAD (backup.ts):
//    0  "calc" (the key file's neutral magic)   4  kind (2 = backup)   5  backup format version (1)
//    6  flags (bit 0: a passphrase slot is present)   7  reserved (0)
//    8  the key file's immutable header (36 bytes: version, KDF parameters, salt), which the slots'
//       AAD binds, so the slots below open only together with it
//   44  recovery slot index   45  passphrase slot index (0 when absent)   46  reserved (2)
//   48  recovery slot (60)   108  passphrase slot (60; random bytes when absent)
//  168  stream salt (16)     184  stream nonce prefix (7)   191  reserved (1)
//  192  checksum: SHA-256 of bytes 0..192, first 16 bytes: catches a corrupted header before any
//       key work, so damage is named as damage, not as a wrong recovery code
//  208  seal: HMAC-SHA256 of bytes 0..208 under a key derived from the vault key and the stream salt:
//       a header changed on purpose (checksum recomputed) fails by name once the key is known
//
// Never a PIN slot: a 6-digit PIN falls to an offline search, and a backup file can be copied.

import { type Bytes, concat, copyBytes, equalBytes, utf8 } from './bytes';
import { VAULT } from './constants';
import { BackupError } from './backupErrors';
import { type VaultHeader, parseHeader, slotAad } from './keyFile';

export const BACKUP_HEADER_BYTES = 240;
const MAGIC = [0x63, 0x61, 0x6c, 0x63] as const;
const KIND_BACKUP = 2;
export const BACKUP_FORMAT_VERSION = 1;
const IMMUTABLE_BYTES = 36;
const SLOT = VAULT.keyFile.slotBytes;
const AT = { flags: 6, keyFile: 8, recoveryIndex: 44, passphraseIndex: 45, recoverySlot: 48, passphraseSlot: 108, salt: 168, prefix: 184, checksum: 192, seal: 208 } as const;
export const STREAM_SALT_BYTES = 16;
export const STREAM_PREFIX_BYTES = 7;

export const BACKUP_LABELS = {
  stream: 'waymark/v1/backup/stream',
  seal: 'waymark/v1/backup/header',
} as const;

export interface BackupHeader {
  /** The key file's first 36 bytes, exactly as the slots' AAD bound them. */
  keyFileHeader: Bytes;
  /** The same, parsed and bounds-checked. */
  vault: VaultHeader;
  recovery: { index: number; slot: Bytes };
  passphrase: { index: number; slot: Bytes } | null;
  salt: Bytes;
  noncePrefix: Bytes;
  /** Bytes 0..208, which the seal covers. */
  sealed: Bytes;
  seal: Bytes;
}

export interface BackupKeys {
  stream: CryptoKey;
  seal: CryptoKey;
}

async function checksum(bytes: Uint8Array): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', copyBytes(bytes))).slice(0, 16);
}

/** The backup's stream and seal keys, from the vault key (non-extractable HKDF) and the backup's salt. */
export async function deriveBackupKeys(master: CryptoKey, salt: Uint8Array): Promise<BackupKeys> {
  const params = (info: string): HkdfParams => ({ name: 'HKDF', hash: 'SHA-256', salt: copyBytes(salt), info: utf8(info) });
  const [stream, seal] = await Promise.all([
    crypto.subtle.deriveKey(params(BACKUP_LABELS.stream), master, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
    crypto.subtle.deriveKey(params(BACKUP_LABELS.seal), master, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign', 'verify']),
  ]);
  return { stream, seal };
}

export interface HeaderInput {
  keyFile: Uint8Array;
  recovery: { index: number; slot: Uint8Array };
  passphrase: { index: number; slot: Uint8Array } | null;
  salt: Uint8Array;
  noncePrefix: Uint8Array;
}

/** Builds and seals a header. `keyFile` is the whole key file; only its immutable part is copied. */
export async function encodeBackupHeader(input: HeaderInput, sealKey: CryptoKey): Promise<Bytes> {
  const out = new Uint8Array(BACKUP_HEADER_BYTES);
  out.set(MAGIC, 0);
  out[4] = KIND_BACKUP;
  out[5] = BACKUP_FORMAT_VERSION;
  out[AT.flags] = input.passphrase ? 1 : 0;
  out.set(input.keyFile.subarray(0, IMMUTABLE_BYTES), AT.keyFile);
  out[AT.recoveryIndex] = input.recovery.index;
  out.set(input.recovery.slot, AT.recoverySlot);
  if (input.passphrase) {
    out[AT.passphraseIndex] = input.passphrase.index;
    out.set(input.passphrase.slot, AT.passphraseSlot);
  } else {
    crypto.getRandomValues(out.subarray(AT.passphraseSlot, AT.passphraseSlot + SLOT));
  }
  out.set(input.salt, AT.salt);
  out.set(input.noncePrefix, AT.prefix);
  out.set(await checksum(out.subarray(0, AT.checksum)), AT.checksum);
  out.set(new Uint8Array(await crypto.subtle.sign('HMAC', sealKey, out.slice(0, AT.seal))), AT.seal);
  return out;
}

/**
 * Parses and bounds-checks a header without any key: magic, version, checksum, slot indices, KDF
 * parameters. Throws a BackupError naming what is wrong before any work is spent on the file.
 */
export async function parseBackupHeader(bytes: Uint8Array): Promise<BackupHeader> {
  const prefix = [...MAGIC, KIND_BACKUP];
  const seen = Math.min(bytes.length, prefix.length);
  if (bytes.length === 0 || prefix.slice(0, seen).some((b, i) => bytes[i] !== b)) throw new BackupError('not_a_backup');
  if (bytes.length > 5 && bytes[5] !== BACKUP_FORMAT_VERSION) throw new BackupError('backup_version');
  if (bytes.length < BACKUP_HEADER_BYTES) throw new BackupError('backup_truncated', 'header cut short');
  const head = copyBytes(bytes.subarray(0, BACKUP_HEADER_BYTES));
  if (!equalBytes(await checksum(head.subarray(0, AT.checksum)), head.subarray(AT.checksum, AT.seal))) throw new BackupError('backup_damaged', 'header checksum');
  const flags = head[AT.flags] ?? 0;
  const recoveryIndex = head[AT.recoveryIndex] ?? 0;
  const passphraseIndex = head[AT.passphraseIndex] ?? 0;
  const slots = VAULT.keyFile.slotCount;
  const reservedClear = head[7] === 0 && head[46] === 0 && head[47] === 0 && head[191] === 0;
  const shapeOk = (flags === 0 || flags === 1) && recoveryIndex < slots && (flags === 0 ? passphraseIndex === 0 : passphraseIndex < slots && passphraseIndex !== recoveryIndex);
  if (!shapeOk || !reservedClear) throw new BackupError('backup_damaged', 'header fields out of range');
  const keyFileHeader = head.slice(AT.keyFile, AT.keyFile + IMMUTABLE_BYTES);
  let vault: VaultHeader;
  try {
    // The key file's own checks: magic, version, and KDF parameters within DESIGN §4's bounds.
    vault = parseHeader(concat(keyFileHeader, new Uint8Array(VAULT.keyFile.headerBytes - IMMUTABLE_BYTES)));
  } catch {
    throw new BackupError('backup_damaged', 'vault header out of bounds');
  }
  return {
    keyFileHeader,
    vault,
    recovery: { index: recoveryIndex, slot: head.slice(AT.recoverySlot, AT.recoverySlot + SLOT) },
    passphrase: flags === 1 ? { index: passphraseIndex, slot: head.slice(AT.passphraseSlot, AT.passphraseSlot + SLOT) } : null,
    salt: head.slice(AT.salt, AT.salt + STREAM_SALT_BYTES),
    noncePrefix: head.slice(AT.prefix, AT.prefix + STREAM_PREFIX_BYTES),
    sealed: head.slice(0, AT.seal),
    seal: head.slice(AT.seal, BACKUP_HEADER_BYTES),
  };
}

/** Unwraps the vault key from one slot of the header (as a non-extractable HKDF key), or null. */
export async function openHeaderSlot(header: BackupHeader, which: 'recovery' | 'passphrase', kek: CryptoKey): Promise<CryptoKey | null> {
  const slot = which === 'recovery' ? header.recovery : header.passphrase;
  if (!slot) return null;
  const iv = slot.slot.slice(0, VAULT.record.ivBytes);
  const body = slot.slot.slice(VAULT.record.ivBytes);
  try {
    return await crypto.subtle.unwrapKey('raw', body, kek, { name: 'AES-GCM', iv, additionalData: slotAad(header.vault, slot.index) }, 'HKDF', false, ['deriveKey', 'deriveBits']);
  } catch {
    return null;
  }
}

/** Checks the header's seal under the backup's keys: false if anything in it was changed. */
export async function headerSealHolds(header: BackupHeader, keys: BackupKeys): Promise<boolean> {
  return crypto.subtle.verify('HMAC', keys.seal, header.seal, header.sealed);
}
