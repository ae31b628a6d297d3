// JPEG: a run of marker segments (FF xx, length) up to the first scan (SOS), then entropy-coded
// data to EOI. Metadata lives in segments: APP1 (Exif or XMP), APP13 (Photoshop/IPTC), COM, and
// APP2 "MPF" which says more pictures follow EOI (phones put a second JPEG there, with its own
// Exif, or a depth map, or a motion-photo video). Other APPn carry more: APP11 holds C2PA manifests
// (which can embed Exif with GPS), APP6 GoPro's telemetry. A copy keeps only APP0/JFIF, APP2/ICC
// (colour) and APP14/Adobe (colour transform) and the image data; every other APPn and COM is
// dropped and reported, and so is everything after the first picture's EOI.
//
// The entropy data is always scanned in chunks for the real EOI (and for segments between the scans
// of a progressive JPEG): a file that merely ends in FF D9 may be a clean picture followed by a
// second one with GPS, and no MPF segment is needed to put it there.
import { concat } from '../../../platform/vault/bytes';
import { Findings, LIMITS, MetadataMalformed, type Reader, ascii, equalBytes, latin1, u16be } from './bytes';
import { makePlan } from './plan';
import { readIptc, readXmp } from './text';
import { orientationOnlyTiff, readTiff } from './tiff';
import type { ByteEdit, StripPlan } from './types';

const EXIF = ascii('Exif\0');
const XMP = ascii('http://ns.adobe.com/xap/1.0/\0');
const XMP_EXTENSION = ascii('http://ns.adobe.com/xmp/extension/\0');
const MPF = ascii('MPF\0');
const JFIF = ascii('JFIF\0');
const ICC = ascii('ICC_PROFILE\0');
const ADOBE = ascii('Adobe');
const SCAN_CHUNK = 64 * 1024;

const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP13 = 0xed;
const APP14 = 0xee;
const APP15 = 0xef;
const COM = 0xfe;
const SOS = 0xda;
const EOI = 0xd9;

export interface JpegResult {
  plan: StripPlan;
  /** Something is there that we could not read (a damaged Exif block, a trailer we don't know). */
  unknown: boolean;
}

interface Walk {
  findings: Findings;
  edits: ByteEdit[];
  orientation: number | null;
  exifSeen: boolean;
  mpf: boolean;
  unknown: boolean;
}

/** A minimal APP1 Exif segment carrying only Orientation. */
export function orientationSegment(orientation: number): Uint8Array {
  const tiff = orientationOnlyTiff(orientation);
  const length = 2 + 6 + tiff.length;
  return concat(new Uint8Array([0xff, APP1, length >> 8, length & 0xff]), ascii('Exif\0\0'), tiff);
}

/** Looks at one segment; metadata segments are marked for removal. */
async function segment(r: Reader, walk: Walk, marker: number, at: number, length: number): Promise<void> {
  const payloadAt = at + 4;
  const payloadLength = length - 2;
  const remove = (insert: Uint8Array = new Uint8Array(0)) => walk.edits.push({ offset: at, remove: 2 + length, insert });
  if (marker === APP1) {
    const payload = await r.read(payloadAt, payloadLength);
    if (equalBytes(payload, 0, EXIF)) {
      const first = !walk.exifSeen;
      walk.exifSeen = true;
      try {
        const { orientation } = readTiff(payload.subarray(6), walk.findings);
        if (first) walk.orientation = orientation;
      } catch (error) {
        if (!(error instanceof MetadataMalformed)) throw error;
        // The segment's bounds are sound, so it can still be removed whole; what it held is unknown.
        walk.findings.add('other');
        walk.unknown = true;
      }
      const keep = first && walk.orientation !== null && walk.orientation !== 1;
      remove(keep ? orientationSegment(walk.orientation!) : undefined);
    } else if (equalBytes(payload, 0, XMP) || equalBytes(payload, 0, XMP_EXTENSION)) {
      readXmp(latin1(payload), walk.findings);
      remove();
    } else {
      walk.findings.add('other');
      remove();
    }
  } else if (marker === APP13) {
    readIptc(await r.read(payloadAt, payloadLength), walk.findings);
    remove();
  } else if (marker === COM) {
    walk.findings.add('other');
    remove();
  } else if (marker === APP2 && payloadLength >= MPF.length && equalBytes(await r.read(payloadAt, MPF.length), 0, MPF)) {
    // Describes the pictures after EOI, which the copy drops.
    walk.mpf = true;
    walk.findings.add('other');
    remove();
  } else if (marker >= APP0 && marker <= APP15) {
    const head = await r.read(payloadAt, Math.min(payloadLength, ICC.length));
    const kept = (marker === APP0 && equalBytes(head, 0, JFIF)) || (marker === APP2 && equalBytes(head, 0, ICC)) || (marker === APP14 && equalBytes(head, 0, ADOBE));
    if (!kept) {
      // C2PA (APP11), GoPro (APP6), a maker's own block: what it says is looked for by name, and
      // it goes whatever it says.
      readXmp(latin1(await r.read(payloadAt, payloadLength)), walk.findings);
      remove();
    }
  }
}

/** Walks segments from `pos` to the first SOS; returns the SOS offset. */
async function walkHeader(r: Reader, pos: number, walk: Walk): Promise<number> {
  for (;;) {
    r.step();
    const h = await r.readUpTo(pos, 4);
    if (h.length < 2) throw new MetadataMalformed('truncated');
    if (h[0] !== 0xff) throw new MetadataMalformed('bad_structure');
    const marker = h[1]!;
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xd8) {
      pos += 2;
      continue;
    }
    if (marker === EOI) throw new MetadataMalformed('bad_structure'); // no picture at all
    if (h.length < 4) throw new MetadataMalformed('truncated');
    const length = u16be(h, 2);
    if (length < 2) throw new MetadataMalformed('bad_structure');
    if (pos + 2 + length > r.size) throw new MetadataMalformed('truncated');
    if (marker === SOS) return pos;
    await segment(r, walk, marker, pos, length);
    pos += 2 + length;
  }
}

/**
 * Scans from the first SOS for EOI: in entropy-coded data FF is followed by 00 (a stuffed FF) or a
 * restart marker; anything else is a marker, and between the scans of a progressive JPEG that is a
 * segment (tables, the next SOS, sometimes an APPn). Returns the offset just after EOI.
 */
async function findEnd(r: Reader, sosAt: number, walk: Walk): Promise<number> {
  let pos = sosAt + 2 + u16be(await r.read(sosAt + 2, 2), 0);
  for (;;) {
    r.step();
    const chunk = await r.readUpTo(pos, SCAN_CHUNK);
    if (chunk.length < 2) throw new MetadataMalformed('truncated');
    let i = chunk.indexOf(0xff);
    while (i !== -1 && i + 1 < chunk.length) {
      const next = chunk[i + 1]!;
      if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) {
        i = chunk.indexOf(0xff, i + 1);
        continue;
      }
      const at = pos + i;
      if (next === EOI) return at + 2;
      const header = await r.read(at, 4);
      const length = u16be(header, 2);
      if (length < 2 || at + 2 + length > r.size) throw new MetadataMalformed('truncated');
      r.step();
      if (next !== SOS) await segment(r, walk, next, at, length);
      pos = at + 2 + length;
      i = -2; // restart the scan at the new position
      break;
    }
    if (i === -2) continue;
    // No marker in this chunk: carry on, keeping a trailing FF for the next read.
    pos += i === -1 ? chunk.length : i;
    if (pos >= r.size) throw new MetadataMalformed('truncated');
  }
}

export async function inspectJpeg(r: Reader, findings: Findings): Promise<JpegResult> {
  const walk: Walk = { findings, edits: [], orientation: null, exifSeen: false, mpf: false, unknown: false };
  const sosAt = await walkHeader(r, 2, walk);
  const end = await findEnd(r, sosAt, walk);
  if (end < r.size) {
    // After the picture: another JPEG (MPF), a depth map, a video. Its headers are read for the
    // report; the copy leaves all of it out.
    findings.add('other');
    const next = await r.readUpTo(end, 2);
    if (next[0] === 0xff && next[1] === 0xd8) {
      const inner: Walk = { ...walk, edits: [], exifSeen: false };
      try {
        await walkHeader(r, end + 2, inner);
        walk.unknown ||= inner.unknown;
      } catch (error) {
        if (!(error instanceof MetadataMalformed)) throw error;
        walk.unknown = true;
      }
    } else walk.unknown = true;
    walk.edits.push({ offset: end, remove: r.size - end, insert: new Uint8Array(0) });
  }
  if (walk.edits.length > LIMITS.steps) throw new MetadataMalformed('too_many');
  return { plan: makePlan(walk.edits, findings.set, r.size), unknown: walk.unknown };
}
