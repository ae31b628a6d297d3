// The review before export: which attachments carry location or device metadata (GPS in a photo or
// video, the phone's name), and which entries have text that looks like an address or postcode.
// For each, she decides: a flagged file goes as the original or as a copy without the metadata
// (the default); a flagged entry goes in, or is left out (its chain links stay, as hashes only).
import { type MetadataFinding, type MetadataReport, findAddressLike, inspectMetadata } from '../metadata';
import { isRevision } from '../../evidence';
import { type Collected, type CollectedAttachment, type CollectedEntry, PackExportProblem } from './collect';
import { attachmentSource } from './attachmentSource';

/** Only these make a file one she is asked about: they can say where she lives or whose phone it is. */
const REVIEWED: readonly MetadataFinding[] = ['location', 'device'];

export interface FlaggedAttachment {
  entryId: string;
  attachment: CollectedAttachment;
  findings: MetadataFinding[];
  report: MetadataReport;
}

export interface FlaggedEntry {
  entry: CollectedEntry;
  /** The address-like passages found, as text, to show her. */
  matches: string[];
}

export interface Review {
  attachments: FlaggedAttachment[];
  entries: FlaggedEntry[];
  /** Every attachment's report, by id (copies need the strip plan). */
  reports: Map<string, MetadataReport>;
}

export type AttachmentChoice = 'copy' | 'original';
export type EntryChoice = 'include' | 'leave_out';

function entryTexts(entry: CollectedEntry): string[] {
  return entry.revisions.filter(isRevision).flatMap((r) => [r.content.what, r.content.where, r.content.witnesses, r.content.injuries, r.content.impact]);
}

/** Inspects every attachment and entry of a collected pack. */
export async function reviewPack(collected: Collected, signal?: AbortSignal): Promise<Review> {
  const review: Review = { attachments: [], entries: [], reports: new Map() };
  for (const entry of collected.entries) {
    const matches = new Set<string>();
    for (const text of entryTexts(entry)) for (const m of findAddressLike(text)) matches.add(text.slice(m.start, m.end));
    if (matches.size) review.entries.push({ entry, matches: [...matches].slice(0, 5) });
    for (const attachment of entry.attachments) {
      signal?.throwIfAborted();
      const report = await inspectMetadata(attachmentSource(attachment.id, attachment.record), attachment.record.type).catch((error: unknown) => {
        // A malformed file gives a report; only its stored bytes failing to read or decrypt lands here.
        if (signal?.aborted) throw error;
        throw new PackExportProblem('attachment_damaged');
      });
      review.reports.set(attachment.id, report);
      const findings = report.findings.filter((f) => REVIEWED.includes(f));
      if (findings.length) review.attachments.push({ entryId: entry.index.id, attachment, findings, report });
    }
  }
  return review;
}
