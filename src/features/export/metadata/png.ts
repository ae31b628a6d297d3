// PNG: the signature, then chunks (length, type, data, CRC) to IEND. Metadata chunks are eXIf
// (an Exif TIFF), tEXt/zTXt/iTXt (keyword + text; XMP lives in iTXt "XML:com.adobe.xmp") and tIME.
// Other ancillary chunks can carry as much (caBX holds a C2PA manifest, which can embed Exif with
// GPS), so a copy keeps only the critical chunks and the ancillary ones on an allowlist of image
// and colour data, byte for byte, CRC included; every other chunk is left out and reported, and so
// is anything after IEND. Only chunk headers are read, and the data of chunks that are left out.
import { Unzlib } from 'fflate';
import { Findings, LIMITS, MetadataMalformed, type Reader, latin1, u32be } from './bytes';
import { makePlan } from './plan';
import { classifyKey, readXmp } from './text';
import { readTiff } from './tiff';
import type { ByteEdit, StripPlan } from './types';

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const TEXT_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt']);
/** Ancillary chunks a copy keeps: transparency, colour, resolution, animation. They say nothing about her. */
const KEPT_ANCILLARY = new Set(['PLTE', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'pHYs', 'bKGD', 'acTL', 'fcTL', 'fdAT']);
/** A chunk is ancillary when the first letter of its type is lower case (PNG spec 5.4). */
const isAncillary = (type: string) => type[0] !== undefined && type[0] >= 'a' && type[0] <= 'z';
/** Decompressed text beyond this is not read (a small zTXt can inflate to gigabytes). */
const MAX_TEXT = 1024 * 1024;

/** Inflates zlib data, stopping at MAX_TEXT; null when it is not valid zlib. */
function inflateCapped(data: Uint8Array): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    const inflater = new Unzlib((chunk) => {
      parts.push(chunk);
      total += chunk.length;
    });
    // Small pushes, so one push can't produce more than a few MB before the cap is checked.
    for (let at = 0; at < data.length && total < MAX_TEXT; at += 1024) inflater.push(data.subarray(at, at + 1024), at + 1024 >= data.length);
  } catch {
    return null;
  }
  const out = new Uint8Array(Math.min(total, MAX_TEXT));
  let at = 0;
  for (const p of parts) {
    if (at >= out.length) break;
    out.set(p.subarray(0, out.length - at), at);
    at += p.length;
  }
  return out;
}

/** The text of a tEXt/zTXt/iTXt chunk after its keyword, inflated if need be; null if unreadable. */
function chunkText(type: string, data: Uint8Array, keywordEnd: number): string | null {
  if (type === 'tEXt') return latin1(data, keywordEnd + 1);
  if (type === 'zTXt') {
    const inflated = inflateCapped(data.subarray(keywordEnd + 2));
    return inflated && latin1(inflated);
  }
  // iTXt: keyword\0 flag method language\0 translated\0 text
  const compressed = data[keywordEnd + 1] === 1;
  let at = data.indexOf(0, keywordEnd + 3);
  if (at === -1) return null;
  at = data.indexOf(0, at + 1);
  if (at === -1) return null;
  const text = data.subarray(at + 1);
  if (!compressed) return latin1(text);
  const inflated = inflateCapped(text);
  return inflated && latin1(inflated);
}

export async function inspectPng(r: Reader, findings: Findings): Promise<{ plan: StripPlan; unknown: boolean }> {
  const edits: ByteEdit[] = [];
  let unknown = false;
  let pos = 8;
  for (;;) {
    r.step();
    const head = await r.read(pos, 8);
    const length = u32be(head, 0);
    const type = latin1(head, 4, 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new MetadataMalformed('bad_structure');
    const end = pos + 12 + length;
    if (end > r.size) throw new MetadataMalformed('truncated');
    const remove = () => edits.push({ offset: pos, remove: end - pos, insert: new Uint8Array(0) });
    if (type === 'IEND') {
      if (end < r.size) {
        // Bytes after IEND: another file appended, often by an editor or a phone. They go.
        findings.add('other');
        unknown = true;
        edits.push({ offset: end, remove: r.size - end, insert: new Uint8Array(0) });
      }
      break;
    }
    if (type === 'eXIf') {
      if (length > LIMITS.blockBytes) throw new MetadataMalformed('too_large');
      try {
        readTiff(await r.read(pos + 8, length), findings);
      } catch (error) {
        if (!(error instanceof MetadataMalformed)) throw error;
        findings.add('other');
        unknown = true;
      }
      remove();
    } else if (TEXT_CHUNKS.has(type)) {
      const data = await r.read(pos + 8, Math.min(length, LIMITS.blockBytes));
      const keywordEnd = data.indexOf(0);
      const keyword = latin1(data, 0, keywordEnd === -1 ? Math.min(data.length, 79) : keywordEnd);
      findings.add(classifyKey(keyword));
      const text = keywordEnd === -1 ? null : chunkText(type, data, keywordEnd);
      if (text === null) unknown = true;
      else if (/xmp/i.test(keyword) || /<x:xmpmeta|<rdf:RDF/.test(text)) readXmp(text, findings);
      remove();
    } else if (type === 'tIME') {
      findings.add('timestamp');
      remove();
    } else if (isAncillary(type) && !KEPT_ANCILLARY.has(type)) {
      // Unknown to us, so not trusted: its names are looked for, and it goes whatever it says.
      if (length > LIMITS.blockBytes) {
        findings.add('other');
        unknown = true;
      } else readXmp(latin1(await r.read(pos + 8, length)), findings);
      remove();
    }
    pos = end;
  }
  return { plan: makePlan(edits, findings.set, r.size), unknown };
}
