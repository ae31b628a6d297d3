// Reading a pack's zip by random access: the central directory first, then each file's bytes on
// demand, in chunks, so a 200 MB pack is never held whole (in the app it is the File she chose; on
// the command line, a file handle). fflate inflates; this module only finds the bytes.
//
// Packs are written only by Waymark (fflate's streaming Zip), so the reader is strict: every field
// of every header is checked against its copy elsewhere (local header, central directory, data
// descriptor) or against the one value the app writes, files must lie end to end with nothing
// between them, and each file's CRC-32 is recomputed. A flipped bit in the zip's own structure is
// therefore reported, not just one in a file's contents.
import { Inflate } from 'fflate';

/** Random access to the pack's bytes. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export class ZipProblem extends Error {
  constructor(
    readonly code: 'not_a_zip' | 'damaged',
    /** The file whose headers or bytes are wrong, when it is known. */
    readonly path: string | null = null,
  ) {
    super(path ? `${code}: ${path}` : code);
    this.name = 'ZipProblem';
  }
}

export interface ZipEntry {
  path: string;
  method: 0 | 8;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the file's (compressed) bytes start. */
  dataOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const EOCD_BYTES = 22;
const CENTRAL_BYTES = 46;
const LOCAL_BYTES = 30;
const DESCRIPTOR_BYTES = 16;
const VERSION = 20;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const CHUNK = 1024 * 1024;
/** Compressed bytes handed to the inflater at a time (see readEntry). */
const INFLATE_SLICE = 64 * 1024;
/** A pack's central directory is small; a claim of more than this is damage, not a pack. */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

async function readExact(source: ByteSource, offset: number, length: number, path: string | null): Promise<Uint8Array> {
  if (offset < 0 || length < 0 || offset + length > source.size) throw new ZipProblem('damaged', path);
  const bytes = await source.read(offset, length);
  if (bytes.length !== length) throw new ZipProblem('damaged', path);
  return bytes;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
function decodeName(bytes: Uint8Array, flags: number): string | null {
  try {
    return flags & FLAG_UTF8 ? utf8.decode(bytes) : String.fromCharCode(...bytes);
  } catch {
    return null;
  }
}

interface CentralRecord extends ZipEntry {
  flags: number;
  time: number;
  date: number;
  nameBytes: Uint8Array;
  localOffset: number;
}

function parseCentral(dir: Uint8Array, count: number): CentralRecord[] {
  const records: CentralRecord[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_BYTES > dir.length || u32(dir, at) !== CENTRAL) throw new ZipProblem('damaged');
    const nameLength = u16(dir, at + 28);
    const nameBytes = dir.subarray(at + CENTRAL_BYTES, at + CENTRAL_BYTES + nameLength);
    const flags = u16(dir, at + 8);
    const path = decodeName(nameBytes, flags);
    if (path === null || nameBytes.length !== nameLength) throw new ZipProblem('damaged');
    const method = u16(dir, at + 10);
    const record: CentralRecord = {
      path,
      flags,
      method: method === 8 ? 8 : 0,
      time: u16(dir, at + 12),
      date: u16(dir, at + 14),
      crc: u32(dir, at + 16),
      compressedSize: u32(dir, at + 20),
      size: u32(dir, at + 24),
      nameBytes,
      localOffset: u32(dir, at + 42),
      dataOffset: 0,
    };
    // Exactly what the app writes: version 20 made on "MS-DOS" (0), no extra field, no comment,
    // disk 0, no attributes, only the descriptor and UTF-8 flags, stored or deflated.
    const fixed =
      u16(dir, at + 4) === VERSION &&
      u16(dir, at + 6) === VERSION &&
      (flags & ~(FLAG_DESCRIPTOR | FLAG_UTF8)) === 0 &&
      (method === 0 || method === 8) &&
      u16(dir, at + 30) === 0 &&
      u16(dir, at + 32) === 0 &&
      u16(dir, at + 34) === 0 &&
      u16(dir, at + 36) === 0 &&
      u32(dir, at + 38) === 0 &&
      (method === 8 || record.compressedSize === record.size);
    if (!fixed) throw new ZipProblem('damaged', path);
    records.push(record);
    at += CENTRAL_BYTES + nameLength;
  }
  if (at !== dir.length) throw new ZipProblem('damaged');
  return records;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Reads and cross-checks the zip's directory and every local header. Throws ZipProblem. */
export async function readZip(source: ByteSource): Promise<ZipEntry[]> {
  if (source.size < EOCD_BYTES) throw new ZipProblem('not_a_zip');
  const end = await readExact(source, source.size - EOCD_BYTES, EOCD_BYTES, null);
  if (u32(end, 0) !== EOCD) throw new ZipProblem('not_a_zip');
  const count = u16(end, 10);
  const dirSize = u32(end, 12);
  const dirOffset = u32(end, 16);
  const ok = u16(end, 4) === 0 && u16(end, 6) === 0 && u16(end, 8) === count && u16(end, 20) === 0 && dirSize <= MAX_DIRECTORY_BYTES && dirOffset + dirSize === source.size - EOCD_BYTES;
  if (!ok) throw new ZipProblem('damaged');
  const records = parseCentral(await readExact(source, dirOffset, dirSize, null), count);
  const seen = new Set<string>();
  // Files lie end to end from byte 0 to the directory, in directory order.
  let expected = 0;
  for (const record of records) {
    if (seen.has(record.path) || record.localOffset !== expected) throw new ZipProblem('damaged', record.path);
    seen.add(record.path);
    const local = await readExact(source, record.localOffset, LOCAL_BYTES, record.path);
    const descriptor = (record.flags & FLAG_DESCRIPTOR) !== 0;
    const nameLength = u16(local, 26);
    const headerOk =
      u32(local, 0) === LOCAL &&
      u16(local, 4) === VERSION &&
      u16(local, 6) === record.flags &&
      u16(local, 8) === record.method &&
      u16(local, 10) === record.time &&
      u16(local, 12) === record.date &&
      (descriptor ? u32(local, 14) === 0 && u32(local, 18) === 0 && u32(local, 22) === 0 : u32(local, 14) === record.crc && u32(local, 18) === record.compressedSize && u32(local, 22) === record.size) &&
      nameLength === record.nameBytes.length &&
      u16(local, 28) === 0;
    if (!headerOk) throw new ZipProblem('damaged', record.path);
    const name = await readExact(source, record.localOffset + LOCAL_BYTES, nameLength, record.path);
    if (!sameBytes(name, record.nameBytes)) throw new ZipProblem('damaged', record.path);
    record.dataOffset = record.localOffset + LOCAL_BYTES + nameLength;
    expected = record.dataOffset + record.compressedSize;
    if (descriptor) {
      const d = await readExact(source, expected, DESCRIPTOR_BYTES, record.path);
      if (u32(d, 0) !== DESCRIPTOR || u32(d, 4) !== record.crc || u32(d, 8) !== record.compressedSize || u32(d, 12) !== record.size) throw new ZipProblem('damaged', record.path);
      expected += DESCRIPTOR_BYTES;
    }
  }
  if (expected !== dirOffset) throw new ZipProblem('damaged');
  return records.map(({ path, method, crc, compressedSize, size, dataOffset }) => ({ path, method, crc, compressedSize, size, dataOffset }));
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 as zip uses it, incrementally: pass the previous value (start with 0). */
export function crc32(previous: number, bytes: Uint8Array): number {
  let c = ~previous;
  for (let i = 0; i < bytes.length; i++) c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * Whether a finished deflate stream ends cleanly: no bytes after it, and the unused bits of its last
 * byte zero, as every writer leaves them. Inflating ignores those bits, so without this check a
 * flipped padding bit would pass unnoticed. Reads fflate's internal state (the unconsumed input and
 * the bit offset into it); should a later fflate rename those, the check is skipped, never failed.
 */
function tidyEnd(inflate: Inflate): boolean {
  const state = inflate as unknown as { p?: unknown; s?: { p?: unknown } };
  if (!(state.p instanceof Uint8Array) || typeof state.s?.p !== 'number') return true;
  const bit = state.s.p & 7;
  const rest = state.p;
  return bit === 0 ? rest.length === 0 : rest.length === 1 && (rest[0] as number) >> bit === 0;
}

/**
 * Streams one file's uncompressed bytes to `onData` and says whether they match the CRC-32 and size
 * the zip records (false: the contents were changed). Throws ZipProblem('damaged', path) when the
 * bytes cannot be read or inflated at all, or as soon as they run past the recorded size.
 */
export async function readEntry(source: ByteSource, entry: ZipEntry, onData: (bytes: Uint8Array) => void, signal?: AbortSignal): Promise<boolean> {
  let crc = 0;
  let size = 0;
  const take = (bytes: Uint8Array) => {
    // More bytes than recorded: changed contents, or a decompression bomb. Stop at once rather than
    // inflate to the end (thrown from inside fflate's callback, it unwinds through push()).
    if (size + bytes.length > entry.size) throw new ZipProblem('damaged', entry.path);
    crc = crc32(crc, bytes);
    size += bytes.length;
    onData(bytes);
  };
  let ended = entry.method === 0;
  const inflate =
    entry.method === 8
      ? new Inflate((chunk, final) => {
          if (chunk.length) take(chunk);
          if (final) ended = true;
        })
      : null;
  try {
    for (let at = 0; ; at += CHUNK) {
      signal?.throwIfAborted();
      const length = Math.min(CHUNK, entry.compressedSize - at);
      const bytes = await readExact(source, entry.dataOffset + at, length, entry.path);
      const last = at + length >= entry.compressedSize;
      if (inflate) {
        // fflate inflates all it is given before handing anything on, and deflate expands up to
        // ~1032:1, so feed it in small slices: at most ~64 MB is ever produced past the recorded size.
        let from = 0;
        do {
          const end = Math.min(bytes.length, from + INFLATE_SLICE);
          inflate.push(bytes.subarray(from, end), last && end === bytes.length);
          from = end;
        } while (from < bytes.length);
      } else take(bytes);
      if (last) break;
    }
  } catch (error) {
    if (error instanceof ZipProblem || signal?.aborted) throw error;
    throw new ZipProblem('damaged', entry.path);
  }
  if (!ended || (inflate && !tidyEnd(inflate))) throw new ZipProblem('damaged', entry.path);
  return size === entry.size && crc === entry.crc;
}

/** A ByteSource over bytes already in memory (tests, small packs). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}
