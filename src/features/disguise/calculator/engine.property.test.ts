// Properties of the calculator engine over random key sequences (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALC, CALC_KEYS, displayText, expressionText, initialState, press, typedDigitsOnly } from './engine';
import { DIGITS, NON_DIGIT_ENTRY_KEYS, OPS, error, expr, keysOf, pressAll } from './testing';

describe('properties', () => {
  const anyKey = fc.constantFrom(...CALC_KEYS);
  const digitString = (maxLength: number) =>
    fc.string({ unit: fc.constantFrom(...DIGITS), minLength: 1, maxLength });

  it('press never throws and always leaves a sane display', () => {
    fc.assert(
      fc.property(fc.array(anyKey, { maxLength: 80 }), (keys) => {
        let state = initialState();
        for (const key of keys) {
          state = press(state, key);
          const shownNow = displayText(state);
          // 'invalid' only comes from press's safety net, so seeing it would mean a hidden throw.
          expect(shownNow).not.toEqual(error('invalid'));
          if (shownNow.kind === 'result') expect(Number.isFinite(Number(shownNow.text))).toBe(true);
          if (shownNow.kind === 'expression') {
            expect(shownNow.text).not.toBe('');
            if (state.tokens.length > 0) expect(shownNow.text).toBe(expressionText(state).replace(/(^|[^0-9.])0+(?=[0-9])/g, '$1'));
          }
          for (const token of state.tokens) {
            if (token.kind === 'number') {
              expect(token.text.replace(/[^0-9]/g, '').length).toBeLessThanOrEqual(CALC.maxDigits);
            }
          }
          expressionText(state);
          typedDigitsOnly(state);
        }
      }),
      { numRuns: 500 },
    );
  });

  // A typed operand: digits, maybe a fraction, maybe negated with ±.
  const operand = fc
    .record({ whole: digitString(6), fraction: fc.option(digitString(4), { nil: undefined }), negative: fc.boolean() })
    .map(({ whole, fraction, negative }) => {
      const text = fraction === undefined ? whole : `${whole}.${fraction}`;
      const keys = [...keysOf(text), ...(negative ? (['±'] as const) : [])];
      return { keys, value: negative ? -Number(text) : Number(text) };
    });

  it('"a op b =" equals the JavaScript result rounded to 12 significant digits', () => {
    fc.assert(
      fc.property(operand, fc.constantFrom(...OPS), operand, (a, op, b) => {
        const shownNow = displayText(pressAll([...a.keys, op, ...b.keys, '=']));
        if (op === '÷' && b.value === 0) {
          expect(shownNow).toEqual(error('divide_by_zero'));
          return;
        }
        const exact =
          op === '+' ? a.value + b.value
          : op === '−' ? a.value - b.value
          : op === '×' ? a.value * b.value
          : a.value / b.value;
        const expected = Number(exact.toPrecision(12)) || 0;
        expect(shownNow.kind).toBe('result');
        if (shownNow.kind === 'result') expect(Number(shownNow.text)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('"a + b%" and "a − b%" add or subtract b percent of a', () => {
    fc.assert(
      fc.property(operand, fc.constantFrom('+', '−'), operand, (a, op, b) => {
        const shownNow = displayText(pressAll([...a.keys, op, ...b.keys, '%', '=']));
        const change = a.value * (b.value / 100);
        const expected = Number((op === '+' ? a.value + change : a.value - change).toPrecision(12)) || 0;
        expect(shownNow.kind).toBe('result');
        if (shownNow.kind === 'result') expect(Number(shownNow.text)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('typedDigitsOnly gives exactly the digits typed after AC, and null once a non-digit is in', () => {
    fc.assert(
      fc.property(
        fc.array(anyKey, { maxLength: 30 }),
        digitString(CALC.maxDigits),
        fc.constantFrom(...NON_DIGIT_ENTRY_KEYS),
        fc.array(fc.constantFrom(...DIGITS), { maxLength: 5 }),
        (before, digits, nonDigit, after) => {
          const typed = pressAll(keysOf(digits), press(pressAll(before), 'AC'));
          expect(typedDigitsOnly(typed)).toBe(digits);
          expect(expressionText(typed)).toBe(digits);
          expect(displayText(typed)).toEqual(expr(digits.replace(/^0+(?=[0-9])/, '')));
          const mixed = pressAll(after, press(typed, nonDigit));
          expect(typedDigitsOnly(mixed)).toBeNull();
          expect(typedDigitsOnly(press(typed, '='))).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });
});
