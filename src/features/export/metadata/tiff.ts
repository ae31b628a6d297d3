// Exif is a small TIFF: a byte-order mark, then IFDs (tables of 12-byte entries) linked by offsets.
// IFD0 describes the camera and the picture; its pointers lead to the Exif sub-IFD (dates, serial
// numbers, lens) and the GPS IFD. We only need to know which tags are present, and Orientation,
// so values are never decoded except that one SHORT. Offsets are relative to the TIFF header and
// may point anywhere, including back at an IFD already read: each IFD is visited once.
import { Findings, MetadataMalformed, u16be, u16le, u32be, u32le } from './bytes';
import type { MetadataFinding } from './types';

const POINTER_EXIF = 0x8769;
const POINTER_GPS = 0x8825;
const POINTER_INTEROP = 0xa005;
const ORIENTATION = 0x0112;
const MAX_IFDS = 8;
const MAX_ENTRIES = 1024;

/** What each tag says about her; tags not listed (resolution, exposure, colour) say nothing. */
const TAGS = new Map<number, MetadataFinding>([
  [0x010e, 'other'], // ImageDescription
  [0x010f, 'device'], // Make
  [0x0110, 'device'], // Model
  [0x0131, 'software'], // Software
  [0x0132, 'timestamp'], // DateTime
  [0x013b, 'author'], // Artist
  [0x8298, 'author'], // Copyright
  [0x9003, 'timestamp'], // DateTimeOriginal
  [0x9004, 'timestamp'], // DateTimeDigitized
  [0x9010, 'timestamp'], // OffsetTime
  [0x9011, 'timestamp'], // OffsetTimeOriginal
  [0x9012, 'timestamp'], // OffsetTimeDigitized
  [0x927c, 'device'], // MakerNote: the maker's own block, often with serial numbers
  [0x9286, 'other'], // UserComment
  [0x9c9b, 'other'], // XPTitle
  [0x9c9c, 'other'], // XPComment
  [0x9c9d, 'author'], // XPAuthor
  [0x9c9e, 'other'], // XPKeywords
  [0xa420, 'other'], // ImageUniqueID
  [0xa430, 'author'], // CameraOwnerName
  [0xa431, 'device'], // BodySerialNumber
  [0xa433, 'device'], // LensMake
  [0xa434, 'device'], // LensModel
  [0xa435, 'device'], // LensSerialNumber
  [0xc614, 'device'], // UniqueCameraModel (DNG)
]);

export interface TiffSummary {
  /** IFD0's Orientation (1–8), or null when absent or not a plain SHORT. */
  orientation: number | null;
}

/** Reads the tags of an Exif TIFF block into `findings`; MetadataMalformed when its structure is broken. */
export function readTiff(tiff: Uint8Array, findings: Findings): TiffSummary {
  if (tiff.length < 8) throw new MetadataMalformed('truncated');
  const order = String.fromCharCode(tiff[0] ?? 0, tiff[1] ?? 0);
  if (order !== 'II' && order !== 'MM') throw new MetadataMalformed('bad_structure');
  const le = order === 'II';
  const u16 = (at: number) => (le ? u16le(tiff, at) : u16be(tiff, at));
  const u32 = (at: number) => (le ? u32le(tiff, at) : u32be(tiff, at));
  if (u16(2) !== 42) throw new MetadataMalformed('bad_structure');

  const summary: TiffSummary = { orientation: null };
  const visited = new Set<number>();
  type Kind = 'ifd0' | 'ifd1' | 'exif' | 'gps' | 'interop';
  const queue: Array<{ offset: number; kind: Kind }> = [{ offset: u32(4), kind: 'ifd0' }];

  while (queue.length) {
    const { offset, kind } = queue.shift()!;
    if (offset === 0) continue;
    if (visited.has(offset)) continue; // a loop of offsets, or two pointers at one IFD
    if (visited.size >= MAX_IFDS) throw new MetadataMalformed('too_many');
    visited.add(offset);
    if (offset + 2 > tiff.length) throw new MetadataMalformed('out_of_range');
    const count = u16(offset);
    if (count > MAX_ENTRIES) throw new MetadataMalformed('too_many');
    if (offset + 2 + count * 12 > tiff.length) throw new MetadataMalformed('truncated');
    if (kind === 'gps' && count > 0) findings.add('location');

    for (let i = 0; i < count; i++) {
      const entry = offset + 2 + i * 12;
      const tag = u16(entry);
      const type = u16(entry + 2);
      const n = u32(entry + 4);
      if (kind === 'gps' || kind === 'interop') continue;
      const finding = TAGS.get(tag);
      if (finding) findings.add(finding);
      if (tag === POINTER_EXIF) queue.push({ offset: u32(entry + 8), kind: 'exif' });
      else if (tag === POINTER_GPS) queue.push({ offset: u32(entry + 8), kind: 'gps' });
      else if (tag === POINTER_INTEROP) queue.push({ offset: u32(entry + 8), kind: 'interop' });
      else if (tag === ORIENTATION && kind === 'ifd0' && type === 3 && n === 1) {
        const value = u16(entry + 8);
        if (value >= 1 && value <= 8) summary.orientation = value;
      }
    }
    // IFD1 describes the embedded thumbnail; anything after it is not Exif. Some writers leave out
    // the last next-IFD offset, so its absence is not damage.
    const next = offset + 2 + count * 12;
    if (kind === 'ifd0' && next + 4 <= tiff.length) queue.push({ offset: u32(next), kind: 'ifd1' });
  }
  return summary;
}

/** A TIFF block with only IFD0's Orientation: what a copy keeps so the photo is not shown sideways. */
export function orientationOnlyTiff(orientation: number): Uint8Array {
  // II*\0, IFD0 at 8; one entry (0x0112, SHORT, 1, value); no next IFD.
  const b = new Uint8Array(8 + 2 + 12 + 4);
  b.set([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01, 0x00, 0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00]);
  b[18] = orientation & 0xff;
  b[19] = orientation >> 8;
  return b;
}
