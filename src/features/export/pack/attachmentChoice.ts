// Which attachments she is asked about before export, and what happens to each. Pure: a metadata
// report in, a decision out, so the rules are tested without the vault.
//
// A file is flagged when it says where it was taken or whose phone took it, and also when the
// inspector could not read all of it (HEIC, TIFF/raw, a damaged Exif block, a video with a GPS
// track, bytes after the picture, an unknown block): a file we could not read may still carry her
// location, and saying nothing would be false reassurance. Every flagged file can be left out (its
// log event stays, as a fingerprint only); one with no clean copy is left out unless she chooses
// to send the original.
import type { MetadataFinding, MetadataReport } from '../metadata';

/** Only these name what she is shown: they can say where she lives or whose phone it is. */
const REVIEWED: readonly MetadataFinding[] = ['location', 'device'];

export type AttachmentChoice = 'copy' | 'original' | 'leave_out';

export interface AttachmentFlag {
  /** Location and device details found. */
  findings: MetadataFinding[];
  /** Part of the file could not be read or is not known to us: it may contain location details. */
  unreadable: boolean;
  /** A copy without the metadata can be made. */
  canCopy: boolean;
}

/** Why a file is flagged, or null when it is not. */
export function flagOf(report: MetadataReport): AttachmentFlag | null {
  const findings = report.findings.filter((f) => REVIEWED.includes(f));
  // 'other' is what a walker reports for anything it removes without knowing what it says: an
  // unknown block, a trailer after the picture, text it did not classify.
  const unreadable = report.unknown || report.findings.includes('other');
  if (!findings.length && !unreadable) return null;
  return { findings, unreadable, canCopy: report.strip !== null };
}

/** What happens to a flagged file she has not decided on: a copy when one can be made, else left out. */
export function defaultChoice(flag: AttachmentFlag): AttachmentChoice {
  return flag.canCopy ? 'copy' : 'leave_out';
}

/** The choices she can make for a flagged file, in the order shown. */
export function choicesFor(flag: AttachmentFlag): AttachmentChoice[] {
  return flag.canCopy ? ['copy', 'original', 'leave_out'] : ['leave_out', 'original'];
}

/**
 * What happens to a file: unflagged files go as originals; a flagged one as she chose, or by
 * default. A choice that cannot be honoured (a copy of a file with no plan) leaves it out.
 */
export function decide(flag: AttachmentFlag | null, chosen: AttachmentChoice | undefined): AttachmentChoice {
  if (!flag) return 'original';
  const choice = chosen ?? defaultChoice(flag);
  return choicesFor(flag).includes(choice) ? choice : 'leave_out';
}
