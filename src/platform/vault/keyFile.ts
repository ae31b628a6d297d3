// The key file: one fixed-size binary file holding the vault header and the key slots.
//
// Layout (little-endian), 64-byte header then `slotCount` slots of `slotBytes` each:
//   0  magic "calc"        4  format version (u8)   5  KDF id (u8, 1 = Argon2id v1.3)   6  reserved
//   8  memory KiB (u32)   12  iterations (u32)     16  parallelism (u32)             20  salt (16)
//  36  failed unlock attempts (u32)   40  time of the last failure, ms since 1970 (f64)
//  48  auto-wipe threshold (u16, 0 = off)   50  database generation (u8)   51  reserved
// Bytes 0..36 never change after set-up and are bound into every slot as AAD; the failure counter
// changes on every wrong attempt, so it sits outside the AAD. The auto-wipe threshold must be read
// before any unlock (it decides when failures erase everything), so it too is plaintext, outside
// the AAD. The file never grows or shrinks: a PIN change overwrites one slot in place, and unused
// slots hold random bytes, so the file does not say how many ways there are to open it.

import { type Bytes, concat, copyBytes, randomBytes, utf8 } from './bytes';
import { KEY_FILE_BYTES, LABELS, VAULT } from './constants';
import { VaultError } from './errors';

const MAGIC = [0x63, 0x61, 0x6c, 0x63] as const;
const KDF_ARGON2ID = 1;
const IMMUTABLE_BYTES = 36;

export interface KdfParams {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export interface VaultHeader {
  formatVersion: number;
  kdf: KdfParams;
  salt: Bytes;
  failures: number;
  lastFailureAt: number;
  /** Unlock-shaped failures that erase everything; 0 = off (the default). */
  autoWipeAfter: number;
  /**
   * Which IndexedDB database holds this vault's records (platform/store names it). A restore stages
   * a new database and switches to it by rewriting the key file: one atomic write. Outside the AAD.
   */
  dbGeneration: number;
}

export interface KeyFile {
  header: VaultHeader;
  slots: Bytes[];
}

/** Refuses KDF parameters outside the bounds of DESIGN §4 before anyone spends memory or time on them. */
export function checkKdfBounds(kdf: KdfParams): void {
  const k = VAULT.kdf;
  const ok =
    Number.isInteger(kdf.memoryKiB) &&
    Number.isInteger(kdf.iterations) &&
    kdf.memoryKiB >= k.floorMemoryKiB &&
    kdf.memoryKiB <= k.maxMemoryKiB &&
    kdf.iterations >= k.floorIterations &&
    kdf.iterations <= k.maxIterations &&
    kdf.parallelism === k.parallelism;
  if (!ok) throw new VaultError('header_bounds', 'KDF parameters out of bounds');
}

export function newHeader(kdf: KdfParams): VaultHeader {
  checkKdfBounds(kdf);
  return { formatVersion: VAULT.formatVersion, kdf: { ...kdf }, salt: randomBytes(VAULT.kdf.saltBytes), failures: 0, lastFailureAt: 0, autoWipeAfter: 0, dbGeneration: 0 };
}

export function encodeHeader(header: VaultHeader): Bytes {
  const out = new Uint8Array(VAULT.keyFile.headerBytes);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  out[4] = header.formatVersion;
  out[5] = KDF_ARGON2ID;
  view.setUint32(8, header.kdf.memoryKiB, true);
  view.setUint32(12, header.kdf.iterations, true);
  view.setUint32(16, header.kdf.parallelism, true);
  out.set(header.salt, 20);
  view.setUint32(36, header.failures, true);
  view.setFloat64(40, header.lastFailureAt, true);
  view.setUint16(AUTO_WIPE_FIELD.offset, header.autoWipeAfter, true);
  out[DB_GENERATION_OFFSET] = header.dbGeneration & 0xff;
  return out;
}

/** Parses and bounds-checks a header. Throws a VaultError before any expensive work could start. */
export function parseHeader(bytes: Uint8Array): VaultHeader {
  if (bytes.length < VAULT.keyFile.headerBytes || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new VaultError('key_file_malformed', 'not a key file');
  }
  if (bytes[4] !== VAULT.formatVersion || bytes[5] !== KDF_ARGON2ID) {
    throw new VaultError('header_version', 'unknown key file version');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, VAULT.keyFile.headerBytes);
  const kdf: KdfParams = {
    memoryKiB: view.getUint32(8, true),
    iterations: view.getUint32(12, true),
    parallelism: view.getUint32(16, true),
  };
  checkKdfBounds(kdf);
  const lastFailureAt = view.getFloat64(40, true);
  return {
    formatVersion: VAULT.formatVersion,
    kdf,
    salt: copyBytes(bytes.subarray(20, 20 + VAULT.kdf.saltBytes)),
    failures: view.getUint32(36, true),
    lastFailureAt: Number.isFinite(lastFailureAt) && lastFailureAt > 0 ? lastFailureAt : 0,
    autoWipeAfter: view.getUint16(AUTO_WIPE_FIELD.offset, true),
    dbGeneration: bytes[DB_GENERATION_OFFSET] ?? 0,
  };
}

/** The AAD that ties a slot to its position and to the header's KDF parameters and salt. */
export function slotAad(header: VaultHeader, index: number): Bytes {
  const fixed = encodeHeader(header).subarray(0, IMMUTABLE_BYTES);
  return concat(utf8(LABELS.slotAad), fixed, Uint8Array.of(index));
}

export function encodeKeyFile(file: KeyFile): Bytes {
  if (file.slots.length !== VAULT.keyFile.slotCount || file.slots.some((s) => s.length !== VAULT.keyFile.slotBytes)) {
    throw new VaultError('key_file_malformed', 'wrong slot layout');
  }
  return concat(encodeHeader(file.header), ...file.slots);
}

export function parseKeyFile(bytes: Uint8Array): KeyFile {
  if (bytes.length !== KEY_FILE_BYTES) throw new VaultError('key_file_malformed', 'wrong key file size');
  const header = parseHeader(bytes);
  const slots: Bytes[] = [];
  for (let i = 0; i < VAULT.keyFile.slotCount; i++) {
    const at = VAULT.keyFile.headerBytes + i * VAULT.keyFile.slotBytes;
    slots.push(copyBytes(bytes.subarray(at, at + VAULT.keyFile.slotBytes)));
  }
  return { header, slots };
}

/** Where the mutable failure fields sit: a u32 count, then an f64 time, little-endian. */
export const FAILURE_FIELDS = { offset: 36, length: 12 } as const;

/** The failure fields as bytes (tests and tools; the app increments them in place, atomically). */
export function failureFields(failures: number, lastFailureAt: number): { offset: number; bytes: Bytes } {
  const bytes = new Uint8Array(FAILURE_FIELDS.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, Math.min(failures, 0xffffffff), true);
  view.setFloat64(4, lastFailureAt, true);
  return { offset: FAILURE_FIELDS.offset, bytes };
}

/** Where the auto-wipe threshold sits: a u16, little-endian, 0 = off. */
export const AUTO_WIPE_FIELD = { offset: 48, length: 2 } as const;

/** The key file with a new auto-wipe threshold and every other byte unchanged (written in place). */
export function withAutoWipe(keyFileBytes: Uint8Array, threshold: number): Bytes {
  if (!Number.isInteger(threshold) || threshold < 0 || threshold > 0xffff) throw new VaultError('key_file_malformed', 'auto-wipe threshold out of range');
  parseKeyFile(keyFileBytes);
  const out = copyBytes(keyFileBytes);
  new DataView(out.buffer, out.byteOffset, out.length).setUint16(AUTO_WIPE_FIELD.offset, threshold, true);
  return out;
}

/** Where the database generation sits: one byte (see VaultHeader.dbGeneration). */
export const DB_GENERATION_OFFSET = 50;

/** Random bytes the size of a slot: an unused slot is indistinguishable from a used one. */
export function emptySlot(): Bytes {
  return randomBytes(VAULT.keyFile.slotBytes);
}
