// The evidence log's records, one schema per concept. Everything here is stored encrypted; these
// schemas are checked before sealing and again after opening.
import { z } from 'zod';
import { IncidentKind } from './domain/kinds';
import { ConditionType, OrderKind } from './domain/orders';

const Id = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);
/** A calendar date, YYYY-MM-DD. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A moment with its UTC offset, as the device saw it: 2026-11-22T14:32:00+00:00. */
export const Moment = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/);

export const Condition = z.object({ id: Id, type: ConditionType, text: z.string().trim().min(1).max(1000) });
export type Condition = z.infer<typeof Condition>;

export const Order = z
  .object({
    kind: OrderKind,
    /** What she calls it, for "other" (and optionally any kind). */
    name: text(200),
    madeBy: text(200),
    from: IsoDate.nullable(),
    until: IsoDate.nullable(),
    untilFurtherOrder: z.boolean(),
    reference: text(200),
    notes: text(4000),
    conditions: z.array(Condition).max(50),
  })
  .refine((o) => !o.from || !o.until || o.until >= o.from, { message: 'end_before_start', path: ['until'] });
export type Order = z.infer<typeof Order>;

export const ConditionRef = z.object({ orderId: Id, conditionId: Id });
export type ConditionRef = z.infer<typeof ConditionRef>;

export const PoliceTold = z.enum(['yes', 'no', 'not_yet']);

export const EntryContent = z
  .object({
    at: Moment,
    until: Moment.nullable(),
    approximate: z.boolean(),
    kinds: z.array(IncidentKind).max(20),
    conditions: z.array(ConditionRef).max(50),
    what: text(20_000),
    where: text(2000),
    witnesses: text(2000),
    injuries: text(4000),
    weapon: z.boolean(),
    impact: text(8000),
    police: z.object({ told: PoliceTold.nullable(), on: IsoDate.nullable(), reference: text(200), officer: text(200) }),
    via: z.enum(['quick', 'full']),
  })
  .refine((e) => e.kinds.length > 0 || e.what.trim() !== '', { message: 'empty' })
  .refine((e) => !e.until || Date.parse(e.until) >= Date.parse(e.at), { message: 'end_before_start', path: ['until'] });
export type EntryContent = z.infer<typeof EntryContent>;

/** One saved version of an entry. Entries are append-only: an edit is a new revision. */
export const Revision = z.object({
  entryId: Id,
  rev: z.number().int().min(1),
  savedAt: Moment,
  reason: text(500),
  /** The commitment's salt (base64url); destroyed with the content on redaction. */
  salt: z.string().min(20).max(30),
  content: EntryContent,
});
export type Revision = z.infer<typeof Revision>;

/** What is left of a revision once redacted: no content, no salt, only that it existed. */
export const RedactedRevision = z.object({ entryId: Id, rev: z.number().int().min(1), redactedAt: Moment });
export type RedactedRevision = z.infer<typeof RedactedRevision>;

/** The redaction itself, an event in the chain with its own salted commitment. */
export const RedactionMark = z.object({ entryId: Id, rev: z.number().int().min(1), redactedAt: Moment, salt: z.string().min(20).max(30) });
export type RedactionMark = z.infer<typeof RedactionMark>;

// Order matters: zod keeps the first match, and a mark would otherwise parse as a tombstone, losing its salt.
export const RevisionRecord = z.union([Revision, RedactionMark, RedactedRevision]);
export type RevisionRecord = z.infer<typeof RevisionRecord>;

export const ChainLinkRecord = z.object({
  seq: z.number().int().min(1),
  type: z.enum(['entry.created', 'entry.revised', 'entry.redacted', 'attachment.added']),
  ref: z.record(z.string(), z.union([z.string().max(64), z.number()])),
  at: Moment,
  commitment: z.string().regex(/^[0-9a-f]{64}$/),
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

/** What the timeline and search need about one entry, kept in the encrypted index. */
export const IndexEntry = z.object({
  id: Id,
  /** Record ids of its revisions, oldest first. */
  revIds: z.array(Id).min(1),
  /** Record ids of its chain links, oldest first. */
  linkIds: z.array(Id).min(1),
  at: Moment,
  approximate: z.boolean(),
  kinds: z.array(IncidentKind),
  conditions: z.array(ConditionRef),
  weapon: z.boolean(),
  snippet: text(240),
  /** Lower-cased text of every field, for search. */
  words: text(60_000),
  policeTold: PoliceTold.nullable(),
  redactedAt: Moment.nullable(),
  /** Record ids of its attachments, in the order added. */
  attachments: z.array(Id).max(500).default([]),
});
export type IndexEntry = z.infer<typeof IndexEntry>;

export const SHARD_SIZE = 256;

/** Entries are indexed in shards of SHARD_SIZE, by the order they were first saved. */
export const IndexShard = z.object({ n: z.number().int().min(0), entries: z.array(IndexEntry).max(SHARD_SIZE) });
export type IndexShard = z.infer<typeof IndexShard>;

export const LogManifest = z.object({
  head: z.object({ seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  count: z.number().int().min(0),
  shards: z.array(z.object({ n: z.number().int().min(0), id: Id })),
});
export type LogManifest = z.infer<typeof LogManifest>;

/** A half-written entry, kept through an exit, a hide or a lock. */
export const EntryDraft = z.object({
  entryId: Id.nullable(),
  savedAt: Moment,
  fields: z.record(z.string(), z.union([z.string().max(20_000), z.boolean(), z.array(z.string().max(200)).max(50)])),
});
export type EntryDraft = z.infer<typeof EntryDraft>;

/** Facts about her situation that the log's warning signs use. */
export const LogSettings = z.object({ separatedOn: IsoDate.nullable() });
export type LogSettings = z.infer<typeof LogSettings>;

const Base64Url = z.string().regex(/^[A-Za-z0-9_-]+$/).max(64);

/** Where an attachment came from: recorded in the app, chosen from photos, or chosen from files. */
export const AttachmentSource = z.enum(['in_app', 'picker', 'file']);
export type AttachmentSource = z.infer<typeof AttachmentSource>;

/** A file kept exactly as received, encrypted in segments; its key lives only in this record. */
export const Attachment = z.object({
  entryId: Id,
  /** The opaque owner id of its segments (not this record's id). */
  storage: Id,
  name: text(500),
  type: text(200),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  source: AttachmentSource,
  capture: z.enum(['photo', 'video', 'audio']).nullable(),
  addedAt: Moment,
  lastModified: Moment.nullable(),
  segments: z.number().int().min(1),
  fileKey: Base64Url,
  salt: Base64Url,
  noncePrefix: Base64Url,
  /** Salt of the chain commitment to this attachment. */
  commitSalt: Base64Url,
});
export type Attachment = z.infer<typeof Attachment>;

export const AttachmentTombstone = z.object({ entryId: Id, redactedAt: Moment });
export const AttachmentRecord = z.union([Attachment, AttachmentTombstone]);
export type AttachmentRecord = z.infer<typeof AttachmentRecord>;

/** A file finished after the app locked (a recording stopped by the lock): committed at the next unlock. */
export const PendingAttachment = z.object({ id: Id, attachment: Attachment });
export type PendingAttachment = z.infer<typeof PendingAttachment>;
