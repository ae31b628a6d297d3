// Reads the "record an assessment" form: a clear reason for each field that is wrong, and nothing
// saved until all are right.
import { ASSESSOR_MAX, MaracReferral, OUTCOME_MAX, RiskAssessment } from './schema';

export interface AssessmentInput {
  on: string;
  by: string;
  outcome: string;
  marac: MaracReferral | null;
}

export type AssessmentProblem = 'dateMissing' | 'dateFuture' | 'byTooLong' | 'outcomeTooLong';

export type AssessmentResult = { ok: true; value: RiskAssessment } | { ok: false; problems: Partial<Record<'on' | 'by' | 'outcome', AssessmentProblem>> };

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** `today` is her calendar day; `now` the moment of saving. */
export function readAssessment(input: AssessmentInput, today: string, now: string): AssessmentResult {
  const problems: Partial<Record<'on' | 'by' | 'outcome', AssessmentProblem>> = {};
  if (!isRealDate(input.on)) problems.on = 'dateMissing';
  else if (input.on > today) problems.on = 'dateFuture';
  const by = input.by.trim();
  const outcome = input.outcome.trim();
  if (by.length > ASSESSOR_MAX) problems.by = 'byTooLong';
  if (outcome.length > OUTCOME_MAX) problems.outcome = 'outcomeTooLong';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, value: { on: input.on, by, outcome, marac: input.marac, recordedBy: 'owner', recordedAt: now } };
}
