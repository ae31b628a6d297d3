// WebM/Matroska (what MediaRecorder makes): EBML elements (variable-length ID and size). Recorded
// clips carry no location; other writers may put it in Tags (e.g. a RECORDING_LOCATION tag). We walk
// the Segment's children up to the first cluster of unknown size (MediaRecorder's clusters, which
// can't be skipped without parsing them) and read any Tags. A copy overwrites each Tags element in
// place with a Void element of the same size, so nothing moves (Cues hold absolute positions).
import { Findings, LIMITS, MetadataMalformed, type Reader, latin1 } from './bytes';
import { makePlan } from './plan';
import type { ByteEdit, StripPlan } from './types';

const SEGMENT = 0x18538067;
const TAGS = 0x1254c367;
const CLUSTER = 0x1f43b675;
const VOID = 0xec;
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
  for (pos = segment.at + segment.headerLength; pos < end; ) {
    r.step();
    const element = await readElement(r, pos);
    if (element.size === null) {
      if (element.id === CLUSTER) break;
      throw new MetadataMalformed('bad_structure');
    }
    const total = element.headerLength + element.size;
    if (pos + total > end) throw new MetadataMalformed('truncated');
    if (element.id === TAGS) {
      if (element.size > LIMITS.blockBytes) throw new MetadataMalformed('too_large');
      const text = latin1(await r.read(pos + element.headerLength, element.size));
      findings.add(LOCATION.test(text) ? 'location' : 'other');
      const [voidHeader, zeros] = voidElement(total);
      edits.push({ offset: pos, remove: voidHeader!.length, insert: voidHeader! });
      if (zeros!.length) edits.push({ offset: pos + voidHeader!.length, remove: zeros!.length, insert: zeros! });
    }
    pos += total;
  }
  return { plan: edits.length ? makePlan(edits, findings.set, r.size) : null };
}
