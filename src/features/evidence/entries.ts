// Entries: created, revised, redacted — never overwritten. Each event is a revision record and a
// chain link, committed with the index in one transaction under the log's lock.
import { StoreError, deleteSegments } from '../../platform/store';
import { type ChainEventType, type ChainHead, type Json, commitment, fromBase64Url, newId, newSalt, nextLink, toBase64Url } from '../../platform/vault';
import { indexEntryFor } from './indexEntry';
import { changeLog, shardForNewEntry } from './logStore';
import { attachments, links, revisions } from './repository';
import { type EntryContent, EntryContent as EntryContentSchema, type RedactedRevision, type Revision, type RevisionRecord } from './schema';
import { nowMoment } from './time';

/** What a revision's commitment covers. Everything but the salt itself. */
export function revisionPayload(revision: Revision): Json {
  const { entryId, rev, savedAt, reason, content } = revision;
  return { entryId, rev, savedAt, reason, content } as unknown as Json;
}

/** What a redaction's commitment covers. */
export function redactionPayload(entryId: string, rev: number, redactedAt: string): Json {
  return { entryId, rev, redactedAt, redacted: true };
}

async function linkFor(head: ChainHead | null, type: ChainEventType, entryId: string, rev: number, at: string, c: string) {
  const link = await nextLink(head, { type, ref: { entry: entryId, rev }, at, commitment: c });
  const id = newId();
  return { link, id, write: await links.prepare(link, id) };
}

export class EntryProblem extends Error {
  constructor(readonly code: 'empty' | 'end_before_start' | 'not_found' | 'redacted') {
    super(code);
    this.name = 'EntryProblem';
  }
}

/** Checks content as the schema would, turning the first problem into a code the form can show. */
export function entryProblem(content: EntryContent): 'empty' | 'end_before_start' | null {
  const parsed = EntryContentSchema.safeParse(content);
  if (parsed.success) return null;
  return parsed.error.issues.some((i) => i.message === 'empty') ? 'empty' : 'end_before_start';
}

async function prepareRevision(head: ChainHead | null, entryId: string, rev: number, content: EntryContent, reason: string, type: ChainEventType) {
  const problem = entryProblem(content);
  if (problem) throw new EntryProblem(problem);
  const salt = newSalt();
  const revision: Revision = { entryId, rev, savedAt: nowMoment(), reason, salt: toBase64Url(salt), content };
  const chained = await linkFor(head, type, entryId, rev, revision.savedAt, await commitment(salt, revisionPayload(revision)));
  const revId = newId();
  return { revision, revId, chained, writes: [await revisions.prepare(revision, revId), chained.write] };
}

/** Saves a new entry and returns its id. */
export async function createEntry(content: EntryContent): Promise<string> {
  return changeLog(async (tx) => {
    const entryId = newId();
    const n = shardForNewEntry(tx.manifest);
    const shard = await tx.shard(n);
    const prepared = await prepareRevision(tx.manifest.head, entryId, 1, content, '', 'entry.created');
    const { link } = prepared.chained;
    return {
      result: entryId,
      change: {
        manifest: { ...tx.manifest, head: { seq: link.seq, hash: link.hash }, count: tx.manifest.count + 1 },
        shards: [{ n, entries: [...shard.entries, indexEntryFor(entryId, [prepared.revId], [prepared.chained.id], content)] }],
        writes: prepared.writes,
      },
    };
  });
}

/** Saves an edit as a new revision; the earlier ones stay, for the entry's history. */
export async function reviseEntry(entryId: string, content: EntryContent, reason: string): Promise<void> {
  await changeLog(async (tx) => {
    const n = await tx.shardOf(entryId);
    if (n < 0) throw new EntryProblem('not_found');
    const shard = await tx.shard(n);
    const current = shard.entries.find((e) => e.id === entryId);
    if (!current) throw new EntryProblem('not_found');
    if (current.redactedAt) throw new EntryProblem('redacted');
    const prepared = await prepareRevision(tx.manifest.head, entryId, current.revIds.length + 1, content, reason, 'entry.revised');
    const { link } = prepared.chained;
    const updated = indexEntryFor(entryId, [...current.revIds, prepared.revId], [...current.linkIds, prepared.chained.id], content, current.attachments);
    return {
      result: undefined,
      change: {
        manifest: { ...tx.manifest, head: { seq: link.seq, hash: link.hash } },
        shards: [{ n, entries: shard.entries.map((e) => (e.id === entryId ? updated : e)) }],
        writes: prepared.writes,
      },
    };
  });
}

/**
 * Redacts an entry: every revision's content and salt are destroyed (overwritten by a tombstone),
 * its attachments' records too (their keys with them) and then their segments, and a redaction
 * event joins the chain. The links of everything destroyed still verify.
 */
export async function redactEntry(entryId: string): Promise<void> {
  const owners: string[] = [];
  await changeLog(async (tx) => {
    const n = await tx.shardOf(entryId);
    const shard = n < 0 ? null : await tx.shard(n);
    const current = shard?.entries.find((e) => e.id === entryId);
    if (!shard || !current) throw new EntryProblem('not_found');
    if (current.redactedAt) return { result: undefined, change: { manifest: tx.manifest, shards: [], writes: [] } };
    const redactedAt = nowMoment();
    const rev = current.revIds.length + 1;
    const salt = newSalt();
    const chained = await linkFor(tx.manifest.head, 'entry.redacted', entryId, rev, redactedAt, await commitment(salt, redactionPayload(entryId, rev, redactedAt)));
    const markId = newId();
    const tombstones = await Promise.all(current.revIds.map((id, i) => revisions.prepare({ entryId, rev: i + 1, redactedAt } satisfies RedactedRevision, id)));
    const mark = await revisions.prepare({ entryId, rev, redactedAt, salt: toBase64Url(salt) }, markId);
    const files = await Promise.all(current.attachments.map(async (id) => ({ id, record: await attachments.get(id).catch(() => undefined) })));
    for (const file of files) if (file.record && 'storage' in file.record) owners.push(file.record.storage);
    const attachmentTombstones = await Promise.all(current.attachments.map((id) => attachments.prepare({ entryId, redactedAt }, id)));
    const redacted = { ...current, revIds: [...current.revIds, markId], linkIds: [...current.linkIds, chained.id], snippet: '', words: '', redactedAt };
    return {
      result: undefined,
      change: {
        manifest: { ...tx.manifest, head: { seq: chained.link.seq, hash: chained.link.hash } },
        shards: [{ n, entries: shard.entries.map((e) => (e.id === entryId ? redacted : e)) }],
        writes: [...tombstones, mark, ...attachmentTombstones, chained.write],
      },
    };
  });
  // The records that held the keys are gone; now the ciphertext. Anything left is swept later.
  await Promise.all(owners.map((owner) => deleteSegments(owner).catch(() => undefined)));
}

export type RevisionView = { id: string; record: RevisionRecord } | { id: string; damaged: true };

/** Every revision of an entry, oldest first; a damaged one is reported, never dropped. */
export async function entryHistory(revIds: readonly string[]): Promise<RevisionView[]> {
  return Promise.all(
    revIds.map(async (id): Promise<RevisionView> => {
      try {
        const record = await revisions.get(id);
        return record ? { id, record } : { id, damaged: true };
      } catch (error) {
        if (error instanceof StoreError && error.code === 'damaged') return { id, damaged: true };
        throw error;
      }
    }),
  );
}

export function isRevision(record: RevisionRecord): record is Revision {
  return 'content' in record;
}

export function saltOf(record: Revision): Uint8Array {
  return fromBase64Url(record.salt);
}
