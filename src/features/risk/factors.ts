// The danger signs, in our own words (locales/<lang>/risk.json under factors.<id>), and which of the
// log's warning signs (features/evidence/escalation.ts) belong beside each. The published checklists'
// wording is not used and nothing here is scored (DOMAIN §4.1: their text is not licensed for reuse,
// and a number would suggest a certainty no checklist has).
import type { Flag, FlagId } from '../evidence';

export interface RiskFactor {
  id: string;
  /** The log's flags that are evidence of this sign, shown beside it even when she has not marked it. */
  flags: readonly FlagId[];
}

/** In the order she reads them: the signs most strongly linked to homicide first, her own fear last. */
export const RISK_FACTORS = [
  { id: 'threats_to_kill', flags: ['threat_to_kill'] },
  { id: 'strangulation', flags: ['strangulation'] },
  { id: 'separation', flags: ['separation'] },
  { id: 'worsening', flags: ['escalation'] },
  { id: 'stalking', flags: [] },
  { id: 'weapons', flags: ['weapon'] },
  { id: 'pregnancy', flags: [] },
  { id: 'jealousy_control', flags: [] },
  { id: 'children', flags: [] },
  { id: 'sexual_violence', flags: [] },
  { id: 'pets', flags: [] },
  { id: 'his_suicide_threats', flags: [] },
  { id: 'breaking_orders', flags: ['breach_after_arrest_or_bail', 'repeat_breach', 'breach_of_criminal_order'] },
  { id: 'child_contact', flags: [] },
  { id: 'isolation', flags: [] },
  { id: 'drink_drugs', flags: [] },
  { id: 'her_fear', flags: [] },
] as const satisfies readonly RiskFactor[];

export type FactorId = (typeof RISK_FACTORS)[number]['id'];

const FACTOR_IDS: ReadonlySet<string> = new Set(RISK_FACTORS.map((f) => f.id));

/** Whether a stored id is one of today's signs (a check saved by another version may hold others). */
export function isFactorId(id: string): id is FactorId {
  return FACTOR_IDS.has(id);
}

export interface PlacedFlags {
  /** The log's flags beside each sign, in the order escalation.ts raised them. */
  byFactor: ReadonlyMap<FactorId, readonly Flag[]>;
  /** Flags no sign covers (plain violence), shown on their own so none is hidden. */
  other: readonly Flag[];
}

/** Places each of the log's flags beside the sign it is evidence of. */
export function placeFlags(flags: readonly Flag[]): PlacedFlags {
  const byFactor = new Map<FactorId, Flag[]>();
  const other: Flag[] = [];
  for (const flag of flags) {
    const factor = RISK_FACTORS.find((f) => (f.flags as readonly FlagId[]).includes(flag.id));
    if (!factor) {
      other.push(flag);
      continue;
    }
    byFactor.set(factor.id, [...(byFactor.get(factor.id) ?? []), flag]);
  }
  return { byFactor, other };
}
