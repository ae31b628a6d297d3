import { describe, expect, it } from 'vitest';
import { CALC_KEYS, displayText, expressionText, formatNumber, initialState, keyFromKeyboard, press, roundResult, typedDigitsOnly } from './engine';
import type { CalcKey } from './engine';
import { DIGITS, error, expr, keysOf, pressAll, result, run, shown } from './testing';

describe('keys and initial state', () => {
  it('has the twenty calculator keys, each once', () => {
    expect(CALC_KEYS).toHaveLength(20);
    expect(new Set(CALC_KEYS).size).toBe(20);
  });

  it('starts at "0" with nothing typed', () => {
    const state = initialState();
    expect(displayText(state)).toEqual(expr('0'));
    expect(expressionText(state)).toBe('');
    expect(typedDigitsOnly(state)).toBeNull();
  });
});

describe('typing and arithmetic', () => {
  it('shows the expression while typing and the result after =', () => {
    expect(shown('12+3×4')).toEqual(expr('12+3×4'));
    expect(shown('12+3×4=')).toEqual(result('24'));
  });

  it.each([
    ['0.1+0.2=', '0.3'],
    ['1.1×3=', '3.3'],
    ['1÷3=', '0.333333333333'],
    ['2÷3=', '0.666666666667'],
    ['2+3×4=', '14'],
    ['2×3+4=', '10'],
    ['10−4−3=', '3'],
    ['8÷4÷2=', '1'],
    ['2+6÷3×2=', '6'],
    ['1−5=', '-4'],
    ['7=', '7'],
    ['0.=', '0'],
    ['3−3.0=', '0'],
  ])('%s → %s', (sequence, text) => {
    expect(shown(sequence)).toEqual(result(text));
  });

  it('does not change the state it is given', () => {
    const before = run('12+3');
    const copy = JSON.parse(JSON.stringify(before)) as unknown;
    press(before, '=');
    press(before, '⌫');
    press(before, '±');
    expect(before).toEqual(copy);
  });
});

describe('percent', () => {
  it.each([
    ['50+10%=', '55'],
    ['50−10%=', '45'],
    ['50×10%=', '5'],
    ['50÷10%=', '500'],
    ['10%=', '0.1'],
    ['2×3+10%=', '6.6'],
    ['100+50%+10%=', '165'],
    ['100+10%×2=', '100.2'],
    ['100+~10%=', '90'],
  ])('%s → %s', (sequence, text) => {
    expect(shown(sequence)).toEqual(result(text));
  });

  it('shows percent in the expression and ignores it where it applies to nothing', () => {
    expect(shown('50+10%')).toEqual(expr('50+10%'));
    expect(shown('%')).toEqual(expr('0'));
    expect(shown('5+%')).toEqual(expr('5+'));
    expect(shown('5%%')).toEqual(expr('5%'));
    expect(shown('5%3')).toEqual(expr('5%'));
    expect(shown('5%.')).toEqual(expr('5%'));
  });
});

describe('errors', () => {
  it.each(['5÷0=', '0÷0=', '5÷0.=', '5÷0.000=', '1+2÷0×3=', '5÷0%='])('%s divides by zero', (sequence) => {
    expect(shown(sequence)).toEqual(error('divide_by_zero'));
  });

  it('reports overflow when the result is not finite', () => {
    const big = '999999999999999';
    let state = initialState();
    for (let i = 0; i < 25; i += 1) state = run(`${big}×`, state);
    state = run(`${big}=`, state);
    expect(displayText(state)).toEqual(error('overflow'));
  });

  it('starts fresh on any key but AC and ⌫, which clear to "0"', () => {
    const failed = run('5÷0=');
    expect(displayText(run('7', failed))).toEqual(expr('7'));
    expect(displayText(run('.', failed))).toEqual(expr('0.'));
    expect(displayText(run('+2=', failed))).toEqual(result('2'));
    expect(displayText(run('~', failed))).toEqual(expr('-0'));
    expect(displayText(run('=', failed))).toEqual(expr('0'));
    expect(displayText(run('A', failed))).toEqual(expr('0'));
    expect(displayText(run('<', failed))).toEqual(expr('0'));
    expect(typedDigitsOnly(run('123', failed))).toBe('123');
  });

  it('ignores keys it does not know, even from an untyped caller', () => {
    const state = run('12+3');
    expect(press(state, 'sin' as CalcKey)).toBe(state);
    const after = run('12+3=');
    expect(press(after, 'sin' as CalcKey)).toBe(after);
  });
});

describe('number entry', () => {
  it('caps a number at 15 digits, and a new number gets its own 15', () => {
    const fifteen = '123456789012345';
    expect(shown(`${fifteen}678`)).toEqual(expr(fifteen));
    expect(shown(`${fifteen}678+${fifteen}9`)).toEqual(expr(`${fifteen}+${fifteen}`));
    expect(shown('12345678901234.56789')).toEqual(expr('12345678901234.5'));
  });

  it('counts leading zeros as typed digits', () => {
    expect(shown('0000000000000000001')).toEqual(expr('0'));
    expect(expressionText(pressAll(keysOf('0000000000000000001')))).toBe('000000000000000');
  });

  it('starts "0." from a first ".", and ignores a second "."', () => {
    expect(shown('.')).toEqual(expr('0.'));
    expect(shown('.5')).toEqual(expr('0.5'));
    expect(shown('1.2.3')).toEqual(expr('1.23'));
    expect(shown('5+.')).toEqual(expr('5+0.'));
    expect(shown('5+..')).toEqual(expr('5+0.'));
  });

  it('negates the current number with ±', () => {
    expect(shown('5~')).toEqual(expr('-5'));
    expect(shown('5~~')).toEqual(expr('5'));
    expect(shown('5+3~')).toEqual(expr('5+-3'));
    expect(shown('5+3~=')).toEqual(result('2'));
    expect(shown('~')).toEqual(expr('-0'));
    expect(shown('~7')).toEqual(expr('-7'));
    expect(shown('5×~')).toEqual(expr('5×-0'));
    expect(shown('5×~2=')).toEqual(result('-10'));
    expect(shown('~.5')).toEqual(expr('-0.5'));
  });

  it('keeps leading zeros as typed but shows them as a calculator would', () => {
    expect(shown('000123')).toEqual(expr('123'));
    expect(shown('5+007')).toEqual(expr('5+7'));
    expect(shown('0.05')).toEqual(expr('0.05'));
    expect(typedDigitsOnly(pressAll(keysOf('000123')))).toBe('000123');
    expect(shown('000123=')).toEqual(result('123'));
  });
});

describe('operators', () => {
  it('replaces an operator typed right after another', () => {
    expect(shown('5+×')).toEqual(expr('5×'));
    expect(shown('5+×3=')).toEqual(result('15'));
    expect(shown('5×−÷+−')).toEqual(expr('5−'));
  });

  it('continues from 0 when an operator comes first', () => {
    expect(shown('+')).toEqual(expr('0+'));
    expect(shown('+5=')).toEqual(result('5'));
    expect(shown('−5=')).toEqual(result('-5'));
    expect(shown('×5=')).toEqual(result('0'));
  });
});

describe('equals', () => {
  it('ignores a trailing operator', () => {
    expect(shown('12+=')).toEqual(result('12'));
    expect(shown('12×=')).toEqual(result('12'));
  });

  it('does nothing on an empty expression', () => {
    expect(run('=')).toEqual(initialState());
    expect(run('12<<=')).toEqual(initialState());
  });

  it('does nothing new when pressed again on a result', () => {
    const once = run('2+3=');
    expect(press(once, '=')).toBe(once);
    expect(displayText(run('2+3===='))).toEqual(result('5'));
  });
});

describe('after a result', () => {
  it('starts a fresh expression on a digit or "."', () => {
    expect(shown('2+3=7')).toEqual(expr('7'));
    expect(shown('2+3=.')).toEqual(expr('0.'));
    expect(shown('2+3=7=')).toEqual(result('7'));
  });

  it('continues from the result on an operator', () => {
    expect(shown('2+3=×')).toEqual(expr('5×'));
    expect(shown('2+3=×4=')).toEqual(result('20'));
    expect(shown('1÷3=×3=')).toEqual(result('0.999999999999'));
    expect(shown('1−5=×2=')).toEqual(result('-8'));
  });

  it('continues with percent of the result', () => {
    expect(shown('2+3=%')).toEqual(expr('5%'));
    expect(shown('2+3=%=')).toEqual(result('0.05'));
  });

  it('negates the result with ±', () => {
    expect(shown('2+3=~')).toEqual(result('-5'));
    expect(shown('2+3=~~')).toEqual(result('5'));
    expect(shown('2+3=~+1=')).toEqual(result('-4'));
    expect(shown('0=~')).toEqual(result('0'));
  });

  it('clears back to "0" on ⌫ or AC', () => {
    expect(run('2+3=<')).toEqual(initialState());
    expect(run('2+3=A')).toEqual(initialState());
  });

  it('removes a continued result whole on ⌫ and replaces it on a digit', () => {
    expect(shown('2+3=+<')).toEqual(expr('5'));
    expect(shown('2+3=+<<')).toEqual(expr('0'));
    expect(shown('2+3=+<7')).toEqual(expr('7'));
  });
});

describe('backspace', () => {
  it('removes the last typed character', () => {
    const steps = ['12.5%', '12.5', '12.', '12', '1', '0', '0'];
    let state = run('12.5%');
    for (const text of steps) {
      expect(displayText(state)).toEqual(expr(text));
      state = press(state, '⌫');
    }
  });

  it('removes operators and the sign of a negated empty number', () => {
    expect(shown('12+<')).toEqual(expr('12'));
    expect(shown('12+3<')).toEqual(expr('12+'));
    expect(shown('5~<')).toEqual(expr('-0'));
    expect(shown('5~<<')).toEqual(expr('0'));
    expect(shown('12+3<<4=')).toEqual(result('124'));
    expect(shown('12+3<<×4=')).toEqual(result('48'));
  });

  it('AC clears everything', () => {
    expect(run('12+3×4A')).toEqual(initialState());
  });
});

describe('formatting', () => {
  it.each([
    ['999999999999999×10=', '1e+16'],
    ['123000000000000×1000000=', '1.23e+20'],
    ['999999999999999=', '1e+15'],
    ['123456789012345=', '123456789012000'],
    ['100000000000000=', '100000000000000'],
    ['1÷1000000000=', '0.000000001'],
    ['1÷10000000000=', '1e-10'],
    ['1÷3000000000=', '3.33333333333e-10'],
    ['1÷8=', '0.125'],
    ['2.50×2=', '5'],
    ['0×~5=', '0'],
    ['~0=', '0'],
    ['1−1=', '0'],
  ])('%s → %s', (sequence, text) => {
    expect(shown(sequence)).toEqual(result(text));
  });

  it('formats numbers directly without -0, grouping or trailing zeros', () => {
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1234567.5)).toBe('1234567.5');
    expect(formatNumber(-1.23e20)).toBe('-1.23e+20');
    expect(formatNumber(-2.5e-12)).toBe('-2.5e-12');
    expect(formatNumber(1e-7)).toBe('0.0000001');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(Object.is(roundResult(-0), 0)).toBe(true);
  });
});

describe('expressionText', () => {
  it('gives the expression with the key symbols', () => {
    expect(expressionText(run('1793÷0'))).toBe('1793÷0');
    expect(expressionText(run('12.5+3%×~4'))).toBe('12.5+3%×-4');
    expect(expressionText(run('000123'))).toBe('000123');
  });

  it('follows backspace and clear', () => {
    expect(expressionText(run('1793÷00<'))).toBe('1793÷0');
    expect(expressionText(run('55A1793÷0'))).toBe('1793÷0');
  });

  it('is empty once = has been pressed, and includes a continued result', () => {
    expect(expressionText(run('1793÷0='))).toBe('');
    expect(expressionText(run('2+3='))).toBe('');
    expect(expressionText(run('2+3=+1'))).toBe('5+1');
    expect(expressionText(run('2+3=1793÷0'))).toBe('1793÷0');
  });
});

describe('typedDigitsOnly', () => {
  it('returns the digits exactly as typed, leading zeros included', () => {
    expect(typedDigitsOnly(run('000123'))).toBe('000123');
    expect(typedDigitsOnly(run('0'))).toBe('0');
    expect(typedDigitsOnly(run('4821'))).toBe('4821');
    expect(typedDigitsOnly(run('9+A4821'))).toBe('4821');
    expect(typedDigitsOnly(run('2+3=4821'))).toBe('4821');
    expect(typedDigitsOnly(run('48+<21'))).toBe('4821');
    expect(typedDigitsOnly(run('4821~~'))).toBe('4821');
  });

  it.each([
    ['12.5'],
    ['12.'],
    ['.5'],
    ['12+'],
    ['12+3'],
    ['+12'],
    ['5%'],
    ['~5'],
    ['5~'],
    ['12×3'],
  ])('is null for %s', (sequence) => {
    expect(typedDigitsOnly(run(sequence))).toBeNull();
  });

  it('is null for a result, an error or nothing typed', () => {
    expect(typedDigitsOnly(run('123='))).toBeNull();
    expect(typedDigitsOnly(run('123=='))).toBeNull();
    expect(typedDigitsOnly(run('100+23='))).toBeNull();
    expect(typedDigitsOnly(run('2+3=+<'))).toBeNull();
    expect(typedDigitsOnly(run('5÷0='))).toBeNull();
    expect(typedDigitsOnly(run('12<<'))).toBeNull();
  });
});

describe('keyFromKeyboard', () => {
  it.each<[string, CalcKey]>([
    ...DIGITS.map((digit): [string, CalcKey] => [digit, digit]),
    ['.', '.'], [',', '.'], ['+', '+'], ['-', '−'], ['*', '×'], ['x', '×'], ['X', '×'], ['/', '÷'],
    ['%', '%'], ['Enter', '='], ['=', '='], ['Escape', 'AC'], ['Delete', 'AC'], ['Backspace', '⌫'],
    ['F9', '±'], ['_', '±'],
  ])('maps %j to %j', (key, expected) => {
    expect(keyFromKeyboard(key)).toBe(expected);
  });

  it.each(['a', 'Shift', 'Tab', ' ', '', '10', 'F1', 'ArrowLeft', 'constructor', '__proto__', 'toString'])(
    'maps %j to null',
    (key) => {
      expect(keyFromKeyboard(key)).toBeNull();
    },
  );
});
