// features/plan — the safety plan: a Yjs document stored encrypted in the vault, its sections and
// checklists, and a print layout. Imports platform/*, shared/ui and the exit feature.
export { PlanScreen } from './PlanScreen';
