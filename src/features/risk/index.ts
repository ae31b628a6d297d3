// features/risk — danger signs: factors she marks privately (kept with their history), the flags
// drawn from her log, and what an IDVA assessment is. Imports platform/*, shared/ui and the
// evidence feature (for the log's flags).
export { RiskScreen } from './RiskScreen';
