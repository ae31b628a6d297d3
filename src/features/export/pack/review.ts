// The review before export: which attachments carry location or device metadata (GPS in a photo or
// video, the phone's name) or could not be fully read (so may carry it), and which entries have
// text that looks like an address or postcode. For each, she decides: a flagged file goes as a
// copy without the metadata (the default when one can be made), as the original, or is left out
// (the default otherwise); a flagged entry goes in, or is left out. What is left out keeps its
// chain links, as hashes only. The rules for files are in attachmentChoice.ts.
import { type MetadataFinding, type MetadataReport, findAddressLike, inspectMetadata } from '../metadata';
import { isRevision } from '../../evidence';
import { type Collected, type CollectedAttachment, type CollectedEntry, PackExportProblem } from './collect';
import { type AttachmentChoice, type AttachmentFlag, decide, flagOf } from './attachmentChoice';
import { attachmentSource } from './attachmentSource';

export type { AttachmentChoice } from './attachmentChoice';

export interface FlaggedAttachment {
  entryId: string;
  attachment: CollectedAttachment;
  /** Location and device details found. */
  findings: MetadataFinding[];
  /** Part of it could not be read: it may contain location details. */
  unreadable: boolean;
  /** A copy without the metadata can be made. */
  canCopy: boolean;
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
      const flag = flagOf(report);
      if (flag) review.attachments.push({ entryId: entry.index.id, attachment, ...flag, report });
    }
  }
  return review;
}

/** What happens to an attachment given her choices: see attachmentChoice.ts. */
export function attachmentDecision(review: Review, choices: ReadonlyMap<string, AttachmentChoice>, attachmentId: string): AttachmentChoice {
  const flagged = review.attachments.find((f) => f.attachment.id === attachmentId);
  const flag: AttachmentFlag | null = flagged ? { findings: flagged.findings, unreadable: flagged.unreadable, canCopy: flagged.canCopy } : null;
  return decide(flag, choices.get(attachmentId));
}
