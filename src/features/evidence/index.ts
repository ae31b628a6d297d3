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
