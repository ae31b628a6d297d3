// Checking the whole log: every link recomputed from the first, every commitment whose content still
// exists, and the stored head, so a removed last event is caught too. Runs after unlock and on demand.
import { StoreError } from '../../platform/store';
import { type ChainLink, type ChainReport, type Opening, fromBase64Url, verifyChain } from '../../platform/vault';
import { attachmentPayload } from './attachments';
import { redactionPayload, revisionPayload } from './entries';
import { attachments, links, manifest, revisions } from './repository';
import type { AttachmentRecord, RevisionRecord } from './schema';

export interface LogCheck extends ChainReport {
  /** Records that would not open at all (damaged ciphertext): counted, never silently skipped. */
  damagedRecords: number;
  /** The stored head is not the end of the chain (events removed from the end). */
  truncated: boolean;
}

function openingOf(record: RevisionRecord | undefined): Opening {
  if (!record) return 'missing';
  if ('content' in record) return { salt: fromBase64Url(record.salt), payload: revisionPayload(record) };
  if ('salt' in record) return { salt: fromBase64Url(record.salt), payload: redactionPayload(record.entryId, record.rev, record.redactedAt) };
  return 'redacted';
}

function attachmentOpening(id: string, record: AttachmentRecord | undefined): Opening {
  if (!record) return 'missing';
  if ('sha256' in record) return { salt: fromBase64Url(record.commitSalt), payload: attachmentPayload(id, record) };
  return 'redacted';
}

export async function checkLog(): Promise<LogCheck> {
  const [linkList, revisionList, attachmentList, stored] = await Promise.all([
    links.list(),
    revisions.list(),
    attachments.list(),
    manifest.read().catch((e: unknown) => (e instanceof StoreError ? null : Promise.reject(e))),
  ]);
  const chain = linkList.flatMap((l) => (l.damaged ? [] : [l.value as ChainLink]));
  const byRef = new Map<string, RevisionRecord>();
  for (const r of revisionList) if (!r.damaged) byRef.set(`${r.value.entryId}/${r.value.rev}`, r.value);
  const byAttachment = new Map(attachmentList.flatMap((a) => (a.damaged ? [] : [[a.id, a.value] as const])));
  const report = await verifyChain(chain, async (link) =>
    link.type === 'attachment.added' ? attachmentOpening(String(link.ref.attachment), byAttachment.get(String(link.ref.attachment))) : openingOf(byRef.get(`${link.ref.entry}/${link.ref.rev}`)),
  );
  const damagedRecords = [...linkList, ...revisionList, ...attachmentList].filter((r) => r.damaged).length;
  const truncated = stored?.head != null && (report.head?.seq !== stored.head.seq || report.head.hash !== stored.head.hash);
  return { ...report, ok: report.ok && damagedRecords === 0 && !truncated, damagedRecords, truncated };
}
