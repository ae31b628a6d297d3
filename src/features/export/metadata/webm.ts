// WebM/Matroska (what MediaRecorder makes): EBML elements (variable-length ID and size). Recorded
// clips carry no location; other writers may put it in Tags (e.g. a RECORDING_LOCATION tag), or
// attach whole files (Attachments). We walk the Segment's children to its end; a cluster of unknown
// size (MediaRecorder's) is walked into, its blocks skipped one by one, since it ends only where the
// next top-level element begins and Tags may come after it. Blocks spend a budget of their own
// (a ten-minute recording has ~50,000), so only a file past it, or broken, stops the walk early;
// that throws, so the report says "may contain" and offers no copy. A copy
// overwrites each Tags and Attachments element in place with a Void element of the same size, so
// nothing moves (Cues hold absolute positions).
import { Findings, LIMITS, MetadataMalformed, type Reader, latin1 } from './bytes';
import { makePlan } from './plan';
import type { ByteEdit, StripPlan } from './types';

const SEGMENT = 0x18538067;
const TAGS = 0x1254c367;
const CLUSTER = 0x1f43b675;
const ATTACHMENTS = 0x1941a469;
const VOID = 0xec;
/** What a cluster holds: Timecode, SilentTracks, Position, PrevSize, SimpleBlock, BlockGroup, EncryptedBlock, Void, CRC-32. */
const CLUSTER_CHILDREN = new Set([0xe7, 0x5854, 0xa7, 0xab, 0xa3, 0xa0, 0xaf, VOID, 0xbf]);
/** Cluster children skipped in one file; each costs one small read, and the walk advances ≥ 2 bytes per element. */
const MAX_BLOCKS = 1_000_000;
const LOCATION = /location|gps|latitude|longitude|iso6709/i;

interface Element {
  id: number;
  at: number;
  headerLength: number;
  /** null = unknown size (runs to the end of its parent). */
  size: number | null;
}

async function readElement(r: Reader, at: number): Promise<Element> {
  const head = await r.readUpTo(at, 12);
  const first = head[0] ?? 0;
  const idLength = Math.clz32(first) - 23;
  if (idLength < 1 || idLength > 4 || head.length < idLength + 1) throw new MetadataMalformed('bad_structure');
  let id = 0;
  for (let i = 0; i < idLength; i++) id = id * 256 + head[i]!;
  const lead = head[idLength]!;
  const sizeLength = Math.clz32(lead) - 23;
  if (sizeLength < 1 || sizeLength > 8 || head.length < idLength + sizeLength) throw new MetadataMalformed('bad_structure');
  let size = lead & (0xff >> sizeLength);
  let allOnes = size === 0xff >> sizeLength;
  for (let i = 1; i < sizeLength; i++) {
    const b = head[idLength + i]!;
    allOnes &&= b === 0xff;
    size = size * 256 + b;
  }
  if (allOnes) return { id, at, headerLength: idLength + sizeLength, size: null };
  if (!Number.isSafeInteger(size)) throw new MetadataMalformed('out_of_range');
  return { id, at, headerLength: idLength + sizeLength, size };
}

/** A Void element exactly `total` bytes long (total ≥ 2). */
function voidElement(total: number): Uint8Array[] {
  const sizeLength = Math.min(8, total - 1);
  const header = new Uint8Array(1 + sizeLength);
  header[0] = VOID;
  let value = total - 1 - sizeLength;
  for (let i = sizeLength; i >= 1; i--) {
    header[i] = value % 256;
    value = Math.floor(value / 256);
  }
  header[1]! |= 0x80 >> (sizeLength - 1);
  return [header, new Uint8Array(total - header.length)];
}

export async function inspectWebm(r: Reader, findings: Findings): Promise<{ plan: StripPlan | null }> {
  const edits: ByteEdit[] = [];
  const header = await readElement(r, 0);
  let pos = header.at + header.headerLength + (header.size ?? 0);
  const segment = await readElement(r, pos);
  if (segment.id !== SEGMENT) throw new MetadataMalformed('bad_structure');
  const end = segment.size === null ? r.size : segment.at + segment.headerLength + segment.size;
  if (end > r.size) throw new MetadataMalformed('truncated');
  let blocks = 0;
  for (pos = segment.at + segment.headerLength; pos < end; ) {
    const element = await readElement(r, pos);
    if (!CLUSTER_CHILDREN.has(element.id)) r.step();
    else if (++blocks > MAX_BLOCKS) throw new MetadataMalformed('too_many');
    if (element.size === null) {
      if (element.id !== CLUSTER) throw new MetadataMalformed('bad_structure');
      // Its children (blocks) have sizes; walk them as if they were the Segment's.
      pos += element.headerLength;
      continue;
    }
    const total = element.headerLength + element.size;
    if (pos + total > end) throw new MetadataMalformed('truncated');
    if (element.id === TAGS || element.id === ATTACHMENTS) {
      if (element.size > LIMITS.blockBytes) throw new MetadataMalformed('too_large');
      const text = latin1(await r.read(pos + element.headerLength, element.size));
      findings.add(LOCATION.test(text) ? 'location' : 'other');
      if (element.id === ATTACHMENTS) findings.add('other');
      const [voidHeader, zeros] = voidElement(total);
      edits.push({ offset: pos, remove: voidHeader!.length, insert: voidHeader! });
      if (zeros!.length) edits.push({ offset: pos + voidHeader!.length, remove: zeros!.length, insert: zeros! });
    }
    pos += total;
  }
  return { plan: edits.length ? makePlan(edits, findings.set, r.size) : null };
}
