// Which of the log's warning signs shows beside which danger sign.
import { describe, expect, it } from 'vitest';
import type { Flag, FlagId } from '../evidence';
import { RISK_FACTORS, isFactorId, placeFlags } from './factors';

const flag = (id: FlagId, count = 1): Flag => ({ id, count, latest: '2026-03-03T10:00:00+00:00' });

// Every flag escalation.ts can raise, with the sign it belongs beside (null: shown on its own).
const EXPECTED: Record<FlagId, string | null> = {
  threat_to_kill: 'threats_to_kill',
  strangulation: 'strangulation',
  weapon: 'weapons',
  violence: null,
  escalation: 'worsening',
  breach_after_arrest_or_bail: 'breaking_orders',
  repeat_breach: 'breaking_orders',
  breach_of_criminal_order: 'breaking_orders',
  separation: 'separation',
};

describe('placing the log’s flags beside the danger signs', () => {
  it('lists the seventeen signs once each, her own fear among them', () => {
    const ids = RISK_FACTORS.map((f) => f.id);
    expect(ids).toHaveLength(17);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('her_fear');
  });

  it('shows a logged threat to kill beside "threats to kill", whatever she has marked', () => {
    const { byFactor, other } = placeFlags([flag('threat_to_kill', 2)]);
    expect(byFactor.get('threats_to_kill')).toEqual([flag('threat_to_kill', 2)]);
    expect([...byFactor.keys()]).toEqual(['threats_to_kill']);
    expect(other).toEqual([]);
  });

  for (const [id, factor] of Object.entries(EXPECTED) as [FlagId, string | null][]) {
    it(`places ${id} ${factor ? `beside ${factor}` : 'on its own'}`, () => {
      const { byFactor, other } = placeFlags([flag(id)]);
      if (factor) {
        expect([...byFactor.entries()]).toEqual([[factor, [flag(id)]]]);
        expect(other).toEqual([]);
      } else {
        expect(byFactor.size).toBe(0);
        expect(other).toEqual([flag(id)]);
      }
    });
  }

  it('puts every breach flag together beside "breaking bail or court orders", in the order raised', () => {
    const flags = [flag('breach_after_arrest_or_bail'), flag('violence'), flag('repeat_breach', 3), flag('breach_of_criminal_order')];
    const { byFactor, other } = placeFlags(flags);
    expect(byFactor.get('breaking_orders')?.map((f) => f.id)).toEqual(['breach_after_arrest_or_bail', 'repeat_breach', 'breach_of_criminal_order']);
    expect(other.map((f) => f.id)).toEqual(['violence']);
  });

  it('places nothing when the log raises nothing', () => {
    const { byFactor, other } = placeFlags([]);
    expect(byFactor.size).toBe(0);
    expect(other).toEqual([]);
  });

  it('links each flag to at most one sign, and only to signs that exist', () => {
    const linked = RISK_FACTORS.flatMap((f) => f.flags as readonly FlagId[]);
    expect(new Set(linked).size).toBe(linked.length);
    expect(linked.sort()).toEqual(
      (Object.keys(EXPECTED) as FlagId[])
        .filter((id) => EXPECTED[id] !== null)
        .sort(),
    );
  });

  it('knows today’s sign ids and no others', () => {
    expect(isFactorId('threats_to_kill')).toBe(true);
    expect(isFactorId('score')).toBe(false);
    expect(isFactorId('')).toBe(false);
  });
});
