// features/risk — danger signs: factors she marks privately (kept as dated, encrypted checks so she
// can see change over time), the flags drawn from her log beside the factor each is evidence of, and
// what an IDVA's risk assessment is, with a record of those done with her. Never a score or a level
// (DOMAIN §4). Exports RiskScreen; imports platform/*, shared/ui, and the evidence (the log's flags,
// dates) and secrets (error words) features through their index.
export { RiskScreen } from './RiskScreen';
