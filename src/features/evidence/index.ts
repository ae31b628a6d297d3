// features/evidence — the encrypted evidence log: orders and conditions, entries (quick and full),
// revisions and redaction, the hash chain and its check, the timeline. Imports platform/*, shared/ui,
// and the exit, secrets and settings features.
export { resumeLog, runLogCheck } from './state';
export { EntryForm } from './ui/EntryForm';
export { EntryView } from './ui/EntryView';
export type { EvidenceNav } from './ui/nav';
export { OrderForm } from './ui/OrderForm';
export { Orders } from './ui/Orders';
export { Patterns } from './ui/Patterns';
export { QuickLog } from './ui/QuickLog';
export { Timeline } from './ui/Timeline';
// For the danger-signs feature: the log's warning signs, and dates shown as the log shows them.
export type { Flag, FlagId } from './escalation';
export { nowMoment } from './time';
export { formatDate, formatDateTime } from './ui/format';
export { useLogFlags } from './ui/Patterns';
// For the evidence pack (features/export): the log's records, read only.
export { INCIDENT_KINDS, type IncidentKind } from './domain/kinds';
export { attachmentKey, attachmentPayload, loadAttachment, readAttachment } from './attachments';
export { entryHistory, isRevision, redactionPayload, revisionPayload } from './entries';
export { loadIndex } from './logStore';
export { links as chainLinks, orders as orderRecords } from './repository';
export type { Attachment, EntryContent, IndexEntry, Order, Revision, RevisionRecord } from './schema';
export { type OrderItem, useIndex, useOrders } from './state';
export { orderTitle } from './ui/orderText';
