// Bounded reading for the format walkers. Every read is checked against the file's size and every
// walker spends from one budget, so a hostile or damaged file (a size pointing past the end, a loop
// of offsets, boxes nested a thousand deep) ends the walk with MetadataMalformed instead of a hang,
// a huge allocation or a read out of range.
import type { ByteSource, MetadataFinding } from './types';

export const LIMITS = {
  /** Segments, chunks, boxes, IFD entries or elements visited in one file. */
  steps: 50_000,
  /** Container nesting (ISO BMFF boxes, EBML elements). */
  depth: 8,
  /** The most of one metadata block (an Exif segment, an XMP packet, a udta box) read into memory. */
  blockBytes: 4 * 1024 * 1024,
} as const;

export type MalformedReason = 'truncated' | 'out_of_range' | 'too_many' | 'too_deep' | 'too_large' | 'bad_structure';

/** The file is not what its structure claims; the walk stops and reports what it found so far. */
export class MetadataMalformed extends Error {
  constructor(readonly code: MalformedReason) {
    super(`metadata: ${code}`);
    this.name = 'MetadataMalformed';
  }
}

/** What a walker collects; kept on failure so the report can say what was found before it. */
export class Findings {
  readonly set = new Set<MetadataFinding>();
  add(finding: MetadataFinding): void {
    this.set.add(finding);
  }
  list(): MetadataFinding[] {
    return sortFindings(this.set);
  }
}

const ORDER: readonly MetadataFinding[] = ['location', 'device', 'timestamp', 'software', 'author', 'other'];

/** Findings in a fixed order, deduplicated. */
export function sortFindings(findings: Iterable<MetadataFinding>): MetadataFinding[] {
  const set = new Set(findings);
  return ORDER.filter((f) => set.has(f));
}

export class Reader {
  private steps = 0;
  constructor(readonly source: ByteSource) {}

  get size(): number {
    return this.source.size;
  }

  /** Exactly `length` bytes at `offset`, or MetadataMalformed when they are not all there. */
  async read(offset: number, length: number): Promise<Uint8Array> {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) throw new MetadataMalformed('out_of_range');
    if (offset + length > this.source.size) throw new MetadataMalformed('truncated');
    if (length > LIMITS.blockBytes) throw new MetadataMalformed('too_large');
    if (length === 0) return new Uint8Array(0);
    const bytes = await this.source.read(offset, length);
    if (bytes.length !== length) throw new MetadataMalformed('truncated');
    return bytes;
  }

  /** Up to `length` bytes at `offset` (fewer at the end of the file). */
  async readUpTo(offset: number, length: number): Promise<Uint8Array> {
    return this.read(offset, Math.max(0, Math.min(length, this.source.size - offset)));
  }

  /** Counts one unit of work; too many ends the walk. */
  step(): void {
    if (++this.steps > LIMITS.steps) throw new MetadataMalformed('too_many');
  }
}

export const u16be = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
export const u32be = (b: Uint8Array, at: number): number => ((u16be(b, at) << 16) | u16be(b, at + 2)) >>> 0;
export const u16le = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
export const u32le = (b: Uint8Array, at: number): number => (u16le(b, at) | (u16le(b, at + 2) << 16)) >>> 0;

/** Bytes as Latin-1 text: every byte is one character, so ASCII names are found in any encoding. */
export function latin1(b: Uint8Array, start = 0, end = b.length): string {
  let s = '';
  for (let i = start; i < end; i += 8192) s += String.fromCharCode(...b.subarray(i, Math.min(end, i + 8192)));
  return s;
}

export function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

export function equalBytes(a: Uint8Array, at: number, b: Uint8Array): boolean {
  if (at + b.length > a.length) return false;
  for (let i = 0; i < b.length; i++) if (a[at + i] !== b[i]) return false;
  return true;
}
