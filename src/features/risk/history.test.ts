// Change over time between her checks: named signs and a difference, never a score or a level.
import { describe, expect, it } from 'vitest';
import { type Answers, buildHistory, compareAnswers, knownAnswers, signsAnswered, summaryKey } from './history';
import { RiskCheck } from './schema';

const check = (id: string, at: string, answers: Record<string, 'yes' | 'unsure' | 'no'>, seq = 0) => ({ id, value: { at, seq, answers } });

describe('comparing two checks', () => {
  it('counts signs newly marked yes against those no longer marked', () => {
    const before: Answers = { threats_to_kill: 'yes', pets: 'yes', stalking: 'no' };
    const after: Answers = { threats_to_kill: 'yes', stalking: 'yes', strangulation: 'yes', pets: 'no' };
    const change = compareAnswers(before, after);
    expect(change.added).toEqual(['strangulation', 'stalking']);
    expect(change.removed).toEqual(['pets']);
    expect(change.difference).toBe(1);
    expect(summaryKey(change)).toBe('more');
  });

  it('reports fewer signs as fewer, and "not sure" apart from yes', () => {
    const change = compareAnswers({ worsening: 'yes', isolation: 'yes' }, { worsening: 'unsure', isolation: 'no', pregnancy: 'unsure' });
    expect(change.removed).toEqual(['worsening', 'isolation']);
    // Worsening went from yes to not sure: it is counted as no longer marked, not twice.
    expect(change.nowUnsure).toEqual(['pregnancy']);
    expect(change.difference).toBe(-2);
    expect(summaryKey(change)).toBe('fewer');
  });

  it('tells "the same number, but changed" from "no change"', () => {
    const swapped = compareAnswers({ pets: 'yes' }, { her_fear: 'yes' });
    expect(swapped.difference).toBe(0);
    expect(summaryKey(swapped)).toBe('sameButChanged');
    expect(summaryKey(compareAnswers({ pets: 'yes', her_fear: 'no' }, { pets: 'yes', her_fear: 'no' }))).toBe('same');
    expect(summaryKey(compareAnswers({}, { children: 'unsure' }))).toBe('sameButChanged');
  });

  it('lists answers in the signs’ order', () => {
    expect(signsAnswered({ her_fear: 'yes', threats_to_kill: 'yes', pets: 'unsure' }, 'yes')).toEqual(['threats_to_kill', 'her_fear']);
  });
});

describe('the history of checks', () => {
  it('is newest first, each compared with the check saved before it', () => {
    const history = buildHistory([
      check('c', '2026-03-10T09:00:00+00:00', { threats_to_kill: 'yes', stalking: 'yes', pets: 'yes' }),
      check('a', '2026-03-03T20:15:00+00:00', { threats_to_kill: 'yes' }),
      check('b', '2026-03-05T08:00:00+00:00', { threats_to_kill: 'yes', stalking: 'unsure' }),
    ]);
    expect(history.map((h) => h.id)).toEqual(['c', 'b', 'a']);
    expect(history[0]?.previous?.at).toBe('2026-03-05T08:00:00+00:00');
    expect(history[0]?.previous?.change).toEqual({ added: ['stalking', 'pets'], removed: [], nowUnsure: [], difference: 2 });
    expect(history[1]?.previous?.change).toEqual({ added: [], removed: [], nowUnsure: ['stalking'], difference: 0 });
    expect(history[2]?.previous).toBeNull();
  });

  it('orders by the instant, across time zones', () => {
    const history = buildHistory([check('later', '2026-03-03T10:30:00+01:00', {}), check('earlier', '2026-03-03T10:00:00+01:00', {}), check('latest', '2026-03-03T10:00:00+00:00', {})]);
    expect(history.map((h) => h.id)).toEqual(['latest', 'later', 'earlier']);
  });

  it('follows the order she saved them in, even within one second or after the clock moved back', () => {
    // Ids are random: "a" would sort first if the tie were broken by id.
    const sameSecond = buildHistory([check('z', '2026-03-03T10:00:00+00:00', { pets: 'no' }, 0), check('a', '2026-03-03T10:00:00+00:00', { pets: 'yes' }, 1)]);
    expect(sameSecond.map((h) => h.id)).toEqual(['a', 'z']);
    expect(sameSecond[0]?.previous?.change.difference).toBe(1);
    const clockBack = buildHistory([check('first', '2026-03-03T10:00:00+00:00', {}, 0), check('second', '2026-03-03T09:00:00+00:00', {}, 1)]);
    expect(clockBack.map((h) => h.id)).toEqual(['second', 'first']);
  });

  it('ignores signs it does not know, so a check from another version still reads', () => {
    const stored = RiskCheck.parse({ at: '2026-03-03T10:00:00+00:00', answers: { threats_to_kill: 'yes', retired_sign: 'yes' } });
    expect(knownAnswers(stored)).toEqual({ threats_to_kill: 'yes' });
  });

  it('is empty with no checks', () => {
    expect(buildHistory([])).toEqual([]);
  });
});

describe('what a check may hold', () => {
  it('refuses a score, an unknown answer or a moment without its offset', () => {
    expect(RiskCheck.safeParse({ at: '2026-03-03T10:00:00+00:00', answers: { pets: 'yes' }, score: 14 }).success).toBe(true);
    expect(RiskCheck.parse({ at: '2026-03-03T10:00:00+00:00', answers: { pets: 'yes' }, score: 14 })).not.toHaveProperty('score');
    expect(RiskCheck.safeParse({ at: '2026-03-03T10:00:00+00:00', answers: { pets: 'high' } }).success).toBe(false);
    expect(RiskCheck.safeParse({ at: '2026-03-03T10:00:00', answers: {} }).success).toBe(false);
    expect(RiskCheck.safeParse({ at: '2026-03-03T10:00:00+00:00', answers: { 'Pets!': 'yes' } }).success).toBe(false);
  });
});
