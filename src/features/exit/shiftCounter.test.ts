import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createShiftCounter } from './shiftCounter';

function run(keys: [string, boolean?, number?][]) {
  const counter = createShiftCounter();
  let time = 0;
  return keys.map(([key, repeat = false, at]) => counter.key(key, repeat, (time = at ?? time + 100)).kind);
}

describe('Shift three times', () => {
  it('exits on the third press in a row', () => {
    expect(run([['Shift'], ['Shift'], ['Shift']])).toEqual(['counting', 'counting', 'exit']);
  });

  it('is reset by any other key', () => {
    expect(run([['Shift'], ['Shift'], ['a'], ['Shift']])).toEqual(['counting', 'counting', 'reset', 'counting']);
  });

  it('never fires while typing capitals', () => {
    // Shift down, a letter, Shift down, a letter... as a keyboard sends "ABC".
    expect(run([['Shift'], ['A'], ['Shift'], ['B'], ['Shift'], ['C']])).not.toContain('exit');
  });

  it('counts a held Shift once', () => {
    expect(run([['Shift'], ['Shift', true], ['Shift', true], ['Shift', true]])).not.toContain('exit');
  });

  it('starts again after a long pause', () => {
    expect(run([['Shift', false, 0], ['Shift', false, 1000], ['Shift', false, 7000]])).toEqual(['counting', 'counting', 'counting']);
  });

  it('never exits on any sequence without three consecutive fresh Shifts', () => {
    const key = fc.constantFrom('Shift', 'a', 'A', 'Enter', 'Unidentified', 'Process', ' ');
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.boolean()), { maxLength: 40 }), (presses) => {
        const outcomes = run(presses.map(([k, r]) => [k, r]));
        outcomes.forEach((outcome, i) => {
          if (outcome !== 'exit') return;
          let fresh = 0;
          for (let j = i; j >= 0 && presses[j]?.[0] === 'Shift'; j--) if (!presses[j]?.[1]) fresh++;
          expect(fresh).toBeGreaterThanOrEqual(3);
        });
      }),
    );
  });
});
