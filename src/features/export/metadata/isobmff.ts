// MP4 and QuickTime (ISO BMFF): a tree of boxes (32-bit size, type; size 1 = a 64-bit size
// follows; size 0 = to the end). Metadata lives in moov/udta (©xyz location, ©mak/©mod, ©swr,
// ©day, 3GPP loci), moov/meta (Apple's keys such as com.apple.quicktime.location.ISO6709), the same
// under each trak, and XMP in a uuid box. Only box headers and those boxes are read: mdat (the
// video, maybe a gigabyte) is skipped by its size.
//
// A copy must not move a single byte: the sample tables (stco/co64) hold absolute file offsets
// into mdat. So each metadata box is overwritten in place by a `free` box of the same size with a
// zeroed payload, and the copy is exactly as long as the original.
import { Findings, LIMITS, MetadataMalformed, type Reader, ascii, latin1, u32be } from './bytes';
import { makePlan } from './plan';
import { classifyKey, readXmp } from './text';
import type { ByteEdit, MetadataFinding, StripPlan } from './types';

/** The UUID of an XMP box (Adobe XMP spec part 3). */
const XMP_UUID = 'be7acfcb97a942e89c71999491e3afac';
const ZEROS = new Uint8Array(1024 * 1024);
const FREE = ascii('free');
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis']);
/** Handlers of timed-metadata tracks, whose samples (inside mdat) can carry a GPS track. */
const METADATA_HANDLERS = new Set(['meta', 'camm']);

/** User-data and item-list box types that say something about her. */
const ITEM_TYPES = new Map<string, MetadataFinding>([
  ['©xyz', 'location'],
  ['loci', 'location'],
  ['©mak', 'device'],
  ['©mod', 'device'],
  ['©swr', 'software'],
  ['©too', 'software'],
  ['©day', 'timestamp'],
  ['©ART', 'author'],
  ['©aut', 'author'],
  ['auth', 'author'],
  ['cprt', 'author'],
  ['©cpy', 'author'],
]);

export interface IsobmffResult {
  plan: StripPlan;
  unknown: boolean;
}

interface Box {
  type: string;
  at: number;
  size: number;
  headerLength: number;
}

/** Rough container type from ftyp's major brand: HEIF images are not videos. */
export async function isobmffKind(r: Reader): Promise<'mp4' | 'heic' | 'avif'> {
  const head = await r.readUpTo(0, 12);
  const brand = latin1(head, 8, 12);
  if (brand === 'avif' || brand === 'avis') return 'avif';
  return HEIF_BRANDS.has(brand) ? 'heic' : 'mp4';
}

/** Box type as text; © is byte 0xA9, which Latin-1 maps to ©. */
const typeOf = (b: Uint8Array, at: number) => latin1(b, at, at + 4);

async function readBoxes(r: Reader, start: number, end: number, visit: (box: Box) => Promise<void>): Promise<void> {
  for (let pos = start; pos < end; ) {
    r.step();
    const left = end - pos;
    if (left < 8) {
      // QuickTime may end a user-data list with a 32-bit zero.
      if (left === 4 && u32be(await r.read(pos, 4), 0) === 0) return;
      throw new MetadataMalformed('truncated');
    }
    const head = await r.read(pos, Math.min(16, left));
    const size32 = u32be(head, 0);
    let size = size32;
    let headerLength = 8;
    if (size32 === 1) {
      if (head.length < 16) throw new MetadataMalformed('truncated');
      const high = u32be(head, 8);
      if (high >= 0x200000) throw new MetadataMalformed('out_of_range'); // beyond 2^53
      size = high * 2 ** 32 + u32be(head, 12);
      headerLength = 16;
    } else if (size32 === 0) size = left;
    if (size < headerLength || size > left) throw new MetadataMalformed('truncated');
    await visit({ type: typeOf(head, 4), at: pos, size, headerLength });
    pos += size;
  }
}

export async function inspectIsobmff(r: Reader, findings: Findings): Promise<IsobmffResult> {
  const edits: ByteEdit[] = [];
  let unknown = false;

  /** Overwrites a box with a free box of the same size: its header keeps its size, the rest is zero. */
  async function wipe(box: Box): Promise<void> {
    const header = (await r.read(box.at, box.headerLength)).slice();
    header.set(FREE, 4);
    edits.push({ offset: box.at, remove: box.headerLength, insert: header });
    for (let at = box.at + box.headerLength; at < box.at + box.size; at += ZEROS.length) {
      const length = Math.min(ZEROS.length, box.at + box.size - at);
      edits.push({ offset: at, remove: length, insert: ZEROS.subarray(0, length) });
    }
  }

  async function payload(box: Box): Promise<Uint8Array> {
    return r.read(box.at + box.headerLength, box.size - box.headerLength);
  }

  async function xmpBox(box: Box, skip: number): Promise<void> {
    if (box.size - box.headerLength > LIMITS.blockBytes) {
      findings.add('other');
      unknown = true;
    } else readXmp(latin1(await payload(box), skip), findings);
  }

  async function isXmpUuid(box: Box): Promise<boolean> {
    if (box.size - box.headerLength < 16) return false;
    const id = await r.read(box.at + box.headerLength, 16);
    return Array.from(id, (b) => b.toString(16).padStart(2, '0')).join('') === XMP_UUID;
  }

  /** A meta box: a full box in MP4, a plain container in QuickTime; tell them apart by what follows. */
  async function meta(box: Box, depth: number): Promise<void> {
    let start = box.at + box.headerLength;
    const peek = await r.readUpTo(start, 8);
    if (peek.length === 8 && !['hdlr', 'keys', 'ilst'].includes(typeOf(peek, 4))) start += 4;
    await readBoxes(r, start, box.at + box.size, async (child) => {
      if (depth + 1 > LIMITS.depth) throw new MetadataMalformed('too_deep');
      if (child.type === 'keys') {
        // version/flags, count, then (size, namespace, name) per key.
        const data = await payload(child);
        const count = u32be(data, 4);
        let at = 8;
        for (let i = 0; i < count && at + 8 <= data.length; i++) {
          r.step();
          const size = u32be(data, at);
          if (size < 8 || at + size > data.length) throw new MetadataMalformed('bad_structure');
          findings.add(classifyKey(latin1(data, at + 8, at + size)));
          at += size;
        }
      } else if (child.type === 'ilst') {
        await readBoxes(r, child.at + child.headerLength, child.at + child.size, async (item) => {
          // Items named by type (©xyz …) or, with a keys box, by index (already classified above).
          const named = ITEM_TYPES.get(item.type);
          if (named) findings.add(named);
          else if (!/^\0/.test(item.type)) findings.add('other');
        });
      } else if (child.type === 'xml ' || child.type === 'XMP_') {
        await xmpBox(child, child.type === 'xml ' ? 4 : 0);
      } else if (child.type !== 'hdlr' && child.type !== 'free') {
        findings.add('other');
      }
    });
    findings.add('other');
  }

  async function userData(box: Box, depth: number): Promise<void> {
    await readBoxes(r, box.at + box.headerLength, box.at + box.size, async (child) => {
      if (depth + 1 > LIMITS.depth) throw new MetadataMalformed('too_deep');
      if (child.type === 'meta') await meta(child, depth + 1);
      else if (child.type === 'XMP_') await xmpBox(child, 0);
      else findings.add(ITEM_TYPES.get(child.type) ?? 'other');
    });
  }

  /** Children of the top level, moov, trak and mdia. */
  async function container(start: number, end: number, parent: string, depth: number): Promise<void> {
    if (depth > LIMITS.depth) throw new MetadataMalformed('too_deep');
    await readBoxes(r, start, end, async (box) => {
      const inner = box.at + box.headerLength;
      const boxEnd = box.at + box.size;
      if (box.type === 'udta') {
        await userData(box, depth + 1);
        await wipe(box);
      } else if (box.type === 'meta' && parent !== 'mdia') {
        await meta(box, depth + 1);
        await wipe(box);
      } else if (box.type === 'uuid' && (await isXmpUuid(box))) {
        await xmpBox(box, 16);
        await wipe(box);
      } else if (box.type === 'gps ' && parent === '') {
        findings.add('location'); // dash cameras' GPS index
        await wipe(box);
      } else if ((box.type === 'moov' && parent === '') || (box.type === 'trak' && parent === 'moov') || (box.type === 'mdia' && parent === 'trak')) {
        await container(inner, boxEnd, box.type, depth + 1);
      } else if (box.type === 'hdlr' && parent === 'mdia') {
        const data = await r.readUpTo(inner, 12);
        if (METADATA_HANDLERS.has(latin1(data, 8, 12))) unknown = true;
      }
    });
  }

  await container(0, r.size, '', 0);
  return { plan: makePlan(edits, findings.set, r.size), unknown };
}
