// The disguise calculator's logic: formula entry with × ÷ before + −, iOS-style percent and results
// rounded to 12 significant digits. Pure and DOM-free so every key sequence can be tested; it holds
// no words for people either: errors are codes the UI translates.

/** Every number and mapping the calculator depends on, in one place. */
export const CALC = {
  /** Digits one number may hold, as typed (leading zeros count: they are kept for unlock codes). */
  maxDigits: 15,
  /** Rounding results to this many significant digits hides binary error: 0.1 + 0.2 shows 0.3. */
  significantDigits: 12,
  /** Results this large, or this close to zero, are shown in exponent form to fit the display. */
  exponentFrom: 1e15,
  exponentBelow: 1e-9,
  /** KeyboardEvent.key → calculator key; digits are matched separately. */
  keyboard: {
    '.': '.', ',': '.', '+': '+', '-': '−', '*': '×', x: '×', X: '×', '/': '÷', '%': '%',
    Enter: '=', '=': '=', Escape: 'AC', Delete: 'AC', Backspace: '⌫', F9: '±', _: '±',
  },
} as const;

export const CALC_KEYS = [
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.',
  '+', '−', '×', '÷', '%', '±', '=', 'AC', '⌫',
] as const;

export type CalcKey = (typeof CALC_KEYS)[number];
export type Operator = '+' | '−' | '×' | '÷';
export type CalcErrorCode = 'divide_by_zero' | 'overflow' | 'invalid';
export type DisplayValue = { kind: 'expression' | 'result'; text: string } | { kind: 'error'; code: CalcErrorCode };

/**
 * A number as typed. `text` is the raw digits and '.', never reformatted, so unlock codes keep
 * their leading zeros; '' is the "-0" that '±' starts before any digit. `carried` marks a previous
 * result continued with an operator: it was never typed, so it is never treated as a code.
 */
export interface NumberToken {
  readonly kind: 'number';
  readonly text: string;
  readonly negative: boolean;
  readonly percent: boolean;
  readonly carried: boolean;
}
export interface OperatorToken { readonly kind: 'operator'; readonly op: Operator }
export type Token = NumberToken | OperatorToken;
export type Outcome =
  | { readonly kind: 'result'; readonly value: number }
  | { readonly kind: 'error'; readonly code: CalcErrorCode };

/** While typing, `outcome` is null; after '=', the expression is gone and `outcome` is shown. */
export interface CalcState { readonly tokens: readonly Token[]; readonly outcome: Outcome | null }

const isOperator = (key: string): key is Operator => key === '+' || key === '−' || key === '×' || key === '÷';
const isDigit = (key: string): boolean => key.length === 1 && key >= '0' && key <= '9';
const digitCount = (text: string): number => text.replace(/[^0-9]/g, '').length;

const numberToken = (text: string, negative = false, carried = false): NumberToken =>
  ({ kind: 'number', text, negative, percent: false, carried });

export function initialState(): CalcState {
  return { tokens: [], outcome: null };
}

/** Applies one key. Never throws: a calculator that froze on some sequence would give the app away. */
export function press(state: CalcState, key: CalcKey): CalcState {
  try {
    return pressUnguarded(state, key);
  } catch {
    return { tokens: [], outcome: { kind: 'error', code: 'invalid' } };
  }
}

function pressUnguarded(state: CalcState, key: CalcKey): CalcState {
  const { outcome } = state;
  if (outcome?.kind === 'error') {
    return key === 'AC' || key === '⌫' ? initialState() : pressUnguarded(initialState(), key);
  }
  if (outcome?.kind === 'result') return afterResult(state, outcome.value, key);
  const tokens = typing(state.tokens, key);
  if (tokens === 'evaluate') return evaluateState(state);
  return tokens === state.tokens ? state : { tokens, outcome: null };
}

function afterResult(state: CalcState, value: number, key: CalcKey): CalcState {
  const carried = numberToken(formatNumber(Math.abs(value)), value < 0, true);
  if (isOperator(key)) return { tokens: [carried, { kind: 'operator', op: key }], outcome: null };
  if (key === '%') return { tokens: [{ ...carried, percent: true }], outcome: null };
  if (key === '±') return { tokens: [], outcome: { kind: 'result', value: -value || 0 } };
  if (key === '=') return state;
  // A digit or '.' starts a fresh expression; AC and '⌫' clear the result back to "0".
  if (isDigit(key) || key === '.') return pressUnguarded(initialState(), key);
  return key === 'AC' || key === '⌫' ? initialState() : state;
}

/** The tokens after `key`, the same array when the key is ignored, or 'evaluate' for '='. */
function typing(tokens: readonly Token[], key: CalcKey): readonly Token[] | 'evaluate' {
  const last = tokens.at(-1);
  const before = tokens.slice(0, -1);
  if (isDigit(key) || key === '.') return typeIntoNumber(tokens, key);
  if (isOperator(key)) {
    const op: OperatorToken = { kind: 'operator', op: key };
    if (last === undefined) return [numberToken('0'), op];
    return last.kind === 'operator' ? [...before, op] : [...tokens, op];
  }
  switch (key) {
    case '%':
      // Postfix on a number that has digits; '%' with nothing to apply to is ignored.
      return last?.kind === 'number' && !last.percent && last.text !== ''
        ? [...before, { ...last, percent: true }]
        : tokens;
    case '±':
      return last?.kind === 'number'
        ? [...before, { ...last, negative: !last.negative }]
        : [...tokens, numberToken('', true)];
    case '=':
      return 'evaluate';
    case 'AC':
      return [];
    case '⌫':
      return backspace(tokens);
    default:
      return tokens; // Unknown keys from untyped callers are ignored.
  }
}

function typeIntoNumber(tokens: readonly Token[], key: string): readonly Token[] {
  const last = tokens.at(-1);
  const fresh = numberToken(key === '.' ? '0.' : key);
  if (last?.kind !== 'number') return [...tokens, fresh];
  if (last.percent) return tokens; // "5%3" means nothing; ignore rather than guess.
  const before = tokens.slice(0, -1);
  if (last.carried) return [...before, fresh]; // A carried result is not edited digit by digit.
  if (key === '.') {
    return last.text.includes('.') ? tokens : [...before, { ...last, text: `${last.text || '0'}.` }];
  }
  if (digitCount(last.text) >= CALC.maxDigits) return tokens;
  return [...before, { ...last, text: last.text + key }];
}

function backspace(tokens: readonly Token[]): readonly Token[] {
  const last = tokens.at(-1);
  const before = tokens.slice(0, -1);
  if (last === undefined || last.kind === 'operator') return before;
  if (last.percent) return [...before, { ...last, percent: false }];
  if (last.carried || last.text === '') return before;
  const text = last.text.slice(0, -1);
  // "-5" ⌫ leaves "-0" so the sign goes with one more press, as it came.
  return text === '' && !last.negative ? before : [...before, { ...last, text }];
}

function evaluateState(state: CalcState): CalcState {
  const tokens = state.tokens.at(-1)?.kind === 'operator' ? state.tokens.slice(0, -1) : state.tokens;
  if (tokens.length === 0) return state; // Nothing to compute: keep showing "0".
  return { tokens: [], outcome: evaluate(tokens) };
}

/** The value of one number token; percent divides by 100. NaN only if the text were corrupt. */
function numberValue(token: NumberToken): number {
  const magnitude = Number(token.text === '' ? '0' : token.text);
  return (token.negative ? -magnitude : magnitude) / (token.percent ? 100 : 1);
}

interface Term { readonly sign: 1 | -1; readonly factors: { op: '×' | '÷'; token: NumberToken }[] }

function evaluate(tokens: readonly Token[]): Outcome {
  // Split into additive terms of × ÷ factors; the tokens alternate number, operator, number…
  const terms: Term[] = [];
  let pending: Operator = '+';
  for (const token of tokens) {
    if (token.kind === 'operator') { pending = token.op; continue; }
    if (pending === '×' || pending === '÷') terms.at(-1)?.factors.push({ op: pending, token });
    else terms.push({ sign: pending === '+' ? 1 : -1, factors: [{ op: '×', token }] });
  }
  let sum = 0;
  for (const [index, term] of terms.entries()) {
    const only = term.factors.length === 1 ? term.factors[0] : undefined;
    let value: number;
    if (index > 0 && only?.token.percent) {
      value = sum * numberValue(only.token); // iOS: 50 + 10% adds 10% of 50.
    } else {
      value = 1;
      for (const { op, token } of term.factors) {
        const factor = numberValue(token);
        if (Number.isNaN(factor)) return { kind: 'error', code: 'invalid' };
        if (op === '÷' && factor === 0) return { kind: 'error', code: 'divide_by_zero' };
        value = op === '×' ? value * factor : value / factor;
      }
    }
    sum += term.sign * value;
  }
  if (!Number.isFinite(sum)) return { kind: 'error', code: 'overflow' };
  return { kind: 'result', value: roundResult(sum) };
}

/** Rounds to 12 significant digits; `|| 0` also turns -0 into 0 so it never shows as "-0". */
export function roundResult(value: number): number {
  return Number(value.toPrecision(CALC.significantDigits)) || 0;
}

/** Plain decimal without grouping or trailing zeros, or exponent form ("1.23e+20") at the extremes. */
export function formatNumber(value: number): string {
  const rounded = roundResult(value);
  if (!Number.isFinite(rounded)) return String(rounded);
  if (rounded === 0) return '0';
  const sign = rounded < 0 ? '-' : '';
  const abs = Math.abs(rounded);
  const [mantissa = '0', exponentText = '0'] = abs.toExponential(CALC.significantDigits - 1).split('e');
  const exponent = Number(exponentText);
  const digits = mantissa.replace('.', '').replace(/0+$/, '');
  if (abs >= CALC.exponentFrom || abs < CALC.exponentBelow) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0] ?? '0'}${fraction}e${exponent < 0 ? '-' : '+'}${Math.abs(exponent)}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

function tokenText(token: Token): string {
  if (token.kind === 'operator') return token.op;
  return `${token.negative ? '-' : ''}${token.text === '' ? '0' : token.text}${token.percent ? '%' : ''}`;
}

export function displayText(state: CalcState): DisplayValue {
  const { outcome } = state;
  if (outcome?.kind === 'error') return { kind: 'error', code: outcome.code };
  if (outcome?.kind === 'result') return { kind: 'result', text: formatNumber(outcome.value) };
  // Shown as any calculator would ("007" reads "7"), while the tokens keep what was typed.
  const shown = state.tokens.map((token) => tokenText(token).replace(/(^|[^0-9.])0+(?=[0-9])/g, '$1')).join('');
  return { kind: 'expression', text: state.tokens.length === 0 ? '0' : shown };
}

/**
 * The expression typed since the last clear or result, keys as their symbols ("1793÷0"); a
 * carried result appears as its number. '' once '=' has been pressed, so pressing '=' again on the
 * result cannot match a secret sequence a second time.
 */
export function expressionText(state: CalcState): string {
  return state.outcome === null ? state.tokens.map(tokenText).join('') : '';
}

/**
 * The digits typed, exactly ("000123"), when the expression is one plain typed number: no '.',
 * sign, '%', operator or carried result. Call it on the state before '=' to spot an unlock attempt.
 */
export function typedDigitsOnly(state: CalcState): string | null {
  const [only, ...rest] = state.tokens;
  if (state.outcome !== null || only?.kind !== 'number' || rest.length > 0) return null;
  if (only.negative || only.percent || only.carried || !/^[0-9]+$/.test(only.text)) return null;
  return only.text;
}

export function keyFromKeyboard(key: string): CalcKey | null {
  if (isDigit(key)) return key as CalcKey;
  return Object.hasOwn(CALC.keyboard, key) ? CALC.keyboard[key as keyof typeof CALC.keyboard] : null;
}
