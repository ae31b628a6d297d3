// Shared helpers for the calculator engine's tests.
import { CALC_KEYS, displayText, initialState, press } from './engine';
import type { CalcKey, CalcState, DisplayValue } from './engine';

/** Splits "12+3×4=" into keys; 'A' stands for AC, '<' for ⌫ and '~' for ±, to keep cases short. */
export function keysOf(sequence: string): CalcKey[] {
  const aliases: Record<string, CalcKey> = { A: 'AC', '<': '⌫', '~': '±' };
  return [...sequence].map((char) => {
    const key = aliases[char] ?? char;
    if (!(CALC_KEYS as readonly string[]).includes(key)) throw new Error(`not a key: ${char}`);
    return key as CalcKey;
  });
}

export const run = (sequence: string, from: CalcState = initialState()): CalcState =>
  keysOf(sequence).reduce(press, from);
export const pressAll = (keys: readonly CalcKey[], from: CalcState = initialState()): CalcState =>
  keys.reduce(press, from);
export const shown = (sequence: string): DisplayValue => displayText(run(sequence));
export const expr = (text: string): DisplayValue => ({ kind: 'expression', text });
export const result = (text: string): DisplayValue => ({ kind: 'result', text });
export const error = (code: 'divide_by_zero' | 'overflow' | 'invalid'): DisplayValue => ({ kind: 'error', code });

export const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export const OPS = ['+', '−', '×', '÷'] as const;
export const NON_DIGIT_ENTRY_KEYS = ['.', '+', '−', '×', '÷', '%', '±'] as const;
