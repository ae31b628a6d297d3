// The evidence log's repositories: what kinds of record it keeps.
import { createRepository, createSingleton } from '../../platform/store';
import { AttachmentRecord, ChainLinkRecord, EntryDraft, IndexShard, LogManifest, LogSettings, Order, PendingAttachment, RevisionRecord } from './schema';

export const orders = createRepository({ kind: 'order', schema: Order, schemaVersion: 1 });
export const revisions = createRepository({ kind: 'entry-revision', schema: RevisionRecord, schemaVersion: 1 });
export const links = createRepository({ kind: 'chain-link', schema: ChainLinkRecord, schemaVersion: 1 });
export const shards = createRepository({ kind: 'log-index', schema: IndexShard, schemaVersion: 1 });
export const manifest = createSingleton({ kind: 'log-manifest', schema: LogManifest, schemaVersion: 1 });
export const draft = createSingleton({ kind: 'entry-draft', schema: EntryDraft, schemaVersion: 1 });
export const logSettings = createSingleton({ kind: 'log-settings', schema: LogSettings, schemaVersion: 1 });
export const attachments = createRepository({ kind: 'attachment', schema: AttachmentRecord, schemaVersion: 1 });
export const pendingAttachments = createRepository({ kind: 'pending-attachment', schema: PendingAttachment, schemaVersion: 1 });
