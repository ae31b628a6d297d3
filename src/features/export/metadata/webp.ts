// WebP is RIFF: "RIFF", size, "WEBP", then chunks (FourCC, little-endian size, data, a pad byte to
// even length). Extended files start with VP8X, whose flags announce EXIF and XMP chunks. A copy
// leaves those chunks out, and any chunk not known to be image data (a C2PA manifest can embed
// Exif with GPS), then writes the smaller RIFF size and clears the two flags. Anything
// after the RIFF's end (an appended file) is left out too.
import { Findings, MetadataMalformed, type Reader, ascii, equalBytes, latin1, u32le } from './bytes';
import { makePlan } from './plan';
import { readXmp } from './text';
import { readTiff } from './tiff';
import type { ByteEdit, StripPlan } from './types';

const FLAG_EXIF = 0x08;
const FLAG_XMP = 0x04;
const EXIF_PREFIX = ascii('Exif\0\0');
/** Chunks a copy keeps: the image, alpha, animation and colour profile. */
const KEPT = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);

const le32 = (n: number) => new Uint8Array([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]);

export async function inspectWebp(r: Reader, findings: Findings): Promise<{ plan: StripPlan; unknown: boolean }> {
  const header = await r.read(0, 12);
  const riffEnd = 8 + u32le(header, 4);
  if (riffEnd > r.size) throw new MetadataMalformed('truncated');
  const edits: ByteEdit[] = [];
  let unknown = false;
  let removed = 0;
  let vp8xAt = -1;
  for (let pos = 12; pos < riffEnd; ) {
    r.step();
    const head = await r.read(pos, 8);
    const type = latin1(head, 0, 4);
    const size = u32le(head, 4);
    const end = pos + 8 + size + (size & 1);
    if (end > riffEnd && pos + 8 + size !== riffEnd) throw new MetadataMalformed('truncated');
    const chunkEnd = Math.min(end, riffEnd);
    if (type === 'VP8X') {
      if (size < 10) throw new MetadataMalformed('bad_structure');
      vp8xAt = pos;
    }
    else if (type === 'EXIF' || type === 'XMP ') {
      const data = await r.read(pos + 8, size);
      if (type === 'XMP ') readXmp(latin1(data), findings);
      else {
        try {
          readTiff(equalBytes(data, 0, EXIF_PREFIX) ? data.subarray(6) : data, findings);
        } catch (error) {
          if (!(error instanceof MetadataMalformed)) throw error;
          findings.add('other');
          unknown = true;
        }
      }
      edits.push({ offset: pos, remove: chunkEnd - pos, insert: new Uint8Array(0) });
      removed += chunkEnd - pos;
    } else if (!KEPT.has(type)) {
      readXmp(latin1(await r.read(pos + 8, Math.min(size, chunkEnd - pos - 8))), findings);
      edits.push({ offset: pos, remove: chunkEnd - pos, insert: new Uint8Array(0) });
      removed += chunkEnd - pos;
    }
    pos = chunkEnd;
  }
  if (edits.length) {
    edits.push({ offset: 4, remove: 4, insert: le32(riffEnd - 8 - removed) });
    if (vp8xAt !== -1) {
      const flags = (await r.read(vp8xAt + 8, 1))[0]!;
      edits.push({ offset: vp8xAt + 8, remove: 1, insert: new Uint8Array([flags & ~(FLAG_EXIF | FLAG_XMP)]) });
    }
  }
  if (riffEnd < r.size) {
    findings.add('other');
    unknown = true;
    edits.push({ offset: riffEnd, remove: r.size - riffEnd, insert: new Uint8Array(0) });
  }
  return { plan: makePlan(edits, findings.set, r.size), unknown };
}
