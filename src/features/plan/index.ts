// features/plan — the safety plan (DOMAIN §5): a Yjs document stored encrypted in the vault, its
// sections and checklists, two-tab merging and a print layout. Imports platform/*, shared/ui, and the
// exit and secrets features. `loadPlan` (unlock → an editable plan) is what the plan.open_ms
// benchmark times.
export { PlanScreen } from './PlanScreen';
export { type LoadedPlan, loadPlan, savePlan } from './planStore';
