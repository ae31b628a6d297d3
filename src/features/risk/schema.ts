// What the danger-signs feature keeps, each record encrypted through platform/store. Schemas are
// versioned by their repository's schemaVersion; a check keeps its answers by sign id so that adding a
// sign later leaves old checks readable.
import { z } from 'zod';

/** A moment as the log stores it: local wall-clock time with its UTC offset. */
const Moment = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const Answer = z.enum(['yes', 'unsure', 'no']);
export type Answer = z.infer<typeof Answer>;

export const MAX_SIGNS = 64;

/** One self-check: what she marked, and when. Signs she left unanswered are absent. */
export const RiskCheck = z.object({
  at: Moment,
  /**
   * Her checks in the order she saved them. The time alone cannot say: two saved within the same
   * second (or after the phone's clock moved back) would compare the wrong way round.
   */
  seq: z.number().int().min(0).default(0),
  answers: z.record(z.string().regex(/^[a-z_]{1,40}$/), Answer).refine((a) => Object.keys(a).length <= MAX_SIGNS, { message: 'too_many' }),
});
export type RiskCheck = z.infer<typeof RiskCheck>;

export const MaracReferral = z.enum(['yes', 'no', 'unknown']);
export type MaracReferral = z.infer<typeof MaracReferral>;

export const ASSESSOR_MAX = 200;
export const OUTCOME_MAX = 4000;

/**
 * A risk assessment a practitioner did with her: only its outcome in her (or, later, her advocate's)
 * words, never the checklist's answers or score (DOMAIN §4.1).
 */
export const RiskAssessment = z.object({
  on: IsoDate,
  by: z.string().max(ASSESSOR_MAX),
  outcome: z.string().max(OUTCOME_MAX),
  marac: MaracReferral.nullable(),
  /** Who wrote this record: she does today; a linked advocate will be able to. */
  recordedBy: z.enum(['owner', 'advocate']),
  recordedAt: Moment,
});
export type RiskAssessment = z.infer<typeof RiskAssessment>;
