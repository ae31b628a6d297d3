// Metadata in the files she attaches, for the evidence pack's review: what a photo or video says
// about where it was taken and on whose phone, and a plan for a copy without it. The vault's
// original is never changed; a copy is the original's byte stream passed through applyEdits.
//
// How it works: the format is told from the file's first bytes (the MIME type only when they say
// nothing), then a walker for that format reads just the headers it needs through the ByteSource,
// classifies what it finds and lists byte edits that drop the metadata. Every walker is bounded
// (bytes.ts LIMITS); a file whose structure is broken gets what was found so far, no plan, and
// "may contain". Pure logic: no storage, no crypto, no UI. Exports: inspectMetadata, applyEdits,
// findAddressLike and their types. Imports: fflate only.
import { Findings, Reader, latin1 } from './bytes';
import { inspectIsobmff, isobmffKind } from './isobmff';
import { inspectJpeg } from './jpeg';
import { PNG_SIGNATURE, inspectPng } from './png';
import { inspectWebm } from './webm';
import { inspectWebp } from './webp';
import type { ByteSource, MetadataFormat, MetadataReport, StripPlan } from './types';

export type { ByteEdit, ByteSource, MetadataFinding, MetadataFormat, MetadataReport, StripPlan } from './types';
export { applyEdits, InvalidEdits } from './applyEdits';
export { findAddressLike } from './address';
export { LIMITS as METADATA_LIMITS } from './bytes';

export interface InspectOptions {
  signal?: AbortSignal;
}

/** Errors from the source (an attachment that can't be decrypted) or an abort: not the file's fault. */
class Passthrough {
  constructor(readonly error: unknown) {}
}

function guarded(source: ByteSource, signal: AbortSignal | undefined): ByteSource {
  return {
    size: source.size,
    async read(offset, length) {
      try {
        signal?.throwIfAborted();
        return await source.read(offset, length);
      } catch (error) {
        throw new Passthrough(error);
      }
    },
  };
}

type Kind = 'jpeg' | 'png' | 'webp' | 'isobmff' | 'webm' | 'tiff' | 'heic' | 'none';

const QUICKTIME_TOP = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

async function sniff(r: Reader, mimeType: string): Promise<Kind> {
  const b = await r.readUpTo(0, 12);
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (PNG_SIGNATURE.every((v, i) => b[i] === v)) return 'png';
  if (latin1(b, 0, 4) === 'RIFF' && latin1(b, 8, 12) === 'WEBP') return 'webp';
  if (latin1(b, 4, 8) === 'ftyp' || (b.length >= 8 && QUICKTIME_TOP.has(latin1(b, 4, 8)))) return 'isobmff';
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return 'webm';
  const head = latin1(b, 0, 4);
  if (head === 'II*\0' || head === 'MM\0*') return 'tiff';
  const type = mimeType.toLowerCase();
  if (/^image\/(heic|heif|avif)/.test(type)) return 'heic';
  if (/^image\/tiff/.test(type)) return 'tiff';
  return 'none';
}

const report = (format: MetadataFormat, findings: Findings, strip: StripPlan | null, unknown: boolean): MetadataReport => ({
  format,
  findings: findings.list(),
  strip,
  unknown,
});

/**
 * What metadata a file holds and how to make a copy without it. Reads only headers through
 * `source`. Never throws for anything in the file: broken structure gives strip null and unknown
 * true. Errors thrown by `source.read` and an abort are passed on unchanged.
 */
export async function inspectMetadata(source: ByteSource, mimeType: string, options: InspectOptions = {}): Promise<MetadataReport> {
  const r = new Reader(guarded(source, options.signal));
  const findings = new Findings();
  let format: MetadataFormat = 'other';
  try {
    const kind = await sniff(r, mimeType);
    switch (kind) {
      case 'jpeg': {
        format = 'jpeg';
        const { plan, unknown } = await inspectJpeg(r, findings);
        return report(format, findings, plan, unknown);
      }
      case 'png': {
        format = 'png';
        const { plan, unknown } = await inspectPng(r, findings);
        return report(format, findings, plan, unknown);
      }
      case 'webp': {
        format = 'webp';
        const { plan, unknown } = await inspectWebp(r, findings);
        return report(format, findings, plan, unknown);
      }
      case 'isobmff': {
        const container = await isobmffKind(r);
        if (container !== 'mp4') return report(container === 'heic' ? 'heic' : 'other', findings, null, true);
        format = 'mp4';
        const { plan, unknown } = await inspectIsobmff(r, findings);
        // unknown here is a timed-metadata track (a GPS track) inside mdat, which a copy would keep:
        // no copy rather than one that says "location removed" while the track is still there.
        return report(format, findings, unknown ? null : plan, unknown);
      }
      case 'webm': {
        format = 'webm';
        // A walk that stops early throws (below): unknown, no copy.
        const { plan } = await inspectWebm(r, findings);
        return report(format, findings, plan, false);
      }
      case 'heic':
        return report('heic', findings, null, true);
      case 'tiff':
        // TIFF (and camera raw) is all metadata and image in one structure; we don't rewrite it.
        return report('other', findings, null, true);
      case 'none':
        return report('other', findings, null, false);
    }
  } catch (error) {
    if (error instanceof Passthrough) throw error.error;
    // MetadataMalformed, or anything else a hostile file provoked: what we found, no copy, "may contain".
    return report(format, findings, null, true);
  }
}
