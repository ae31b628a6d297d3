// Change over time between her saved checks, in signs named, never in a score or a level: "2 more
// signs than on 3 March", then which ones. Fewer signs is never presented as "safer".
import { type FactorId, RISK_FACTORS, isFactorId } from './factors';
import type { Answer, RiskCheck } from './schema';

export type Answers = Partial<Record<FactorId, Answer>>;

/** Today's signs from a stored check, dropping ids this version does not know. */
export function knownAnswers(check: RiskCheck): Answers {
  const known: Answers = {};
  for (const [id, answer] of Object.entries(check.answers)) if (isFactorId(id)) known[id] = answer;
  return known;
}

/** The signs with a given answer, in the list's order. */
export function signsAnswered(answers: Answers, answer: Answer): FactorId[] {
  return RISK_FACTORS.map((f) => f.id).filter((id) => answers[id] === answer);
}

export interface CheckChange {
  /** Marked "yes" now, not before. */
  added: FactorId[];
  /** Marked "yes" before, not now. */
  removed: FactorId[];
  /** "Not sure" now, when before it was neither "yes" nor "not sure". */
  nowUnsure: FactorId[];
  /** Signs marked "yes" now minus before. */
  difference: number;
}

export function compareAnswers(before: Answers, after: Answers): CheckChange {
  const ids = RISK_FACTORS.map((f) => f.id);
  const added = ids.filter((id) => after[id] === 'yes' && before[id] !== 'yes');
  const removed = ids.filter((id) => before[id] === 'yes' && after[id] !== 'yes');
  const nowUnsure = ids.filter((id) => after[id] === 'unsure' && before[id] !== 'unsure' && before[id] !== 'yes');
  return { added, removed, nowUnsure, difference: added.length - removed.length };
}

export interface HistoryItem {
  id: string;
  at: string;
  answers: Answers;
  /** Against the check before it; null for her first. */
  previous: { at: string; change: CheckChange } | null;
}

/** Her checks in the order she saved them, oldest first. */
export function inSavedOrder<T extends { id: string; value: RiskCheck }>(saved: readonly T[]): T[] {
  return [...saved].sort((a, b) => a.value.seq - b.value.seq || Date.parse(a.value.at) - Date.parse(b.value.at) || a.id.localeCompare(b.id));
}

/** Her checks newest first, each compared with the one saved before it. */
export function buildHistory(saved: readonly { id: string; value: RiskCheck }[]): HistoryItem[] {
  const oldestFirst = inSavedOrder(saved);
  const items = oldestFirst.map((check, i): HistoryItem => {
    const answers = knownAnswers(check.value);
    const before = oldestFirst[i - 1];
    return {
      id: check.id,
      at: check.value.at,
      answers,
      previous: before ? { at: before.value.at, change: compareAnswers(knownAnswers(before.value), answers) } : null,
    };
  });
  return items.reverse();
}

/** Which sentence sums up a change (the words are in locales under history.summary). */
export function summaryKey(change: CheckChange): 'more' | 'fewer' | 'sameButChanged' | 'same' {
  if (change.difference > 0) return 'more';
  if (change.difference < 0) return 'fewer';
  return change.added.length + change.removed.length + change.nowUnsure.length > 0 ? 'sameButChanged' : 'same';
}
