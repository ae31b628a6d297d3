// Shift pressed three times in a row leaves at once (the GOV.UK "Exit this page" convention). Any
// other key in between resets the count, so capitals typed with Shift never trigger it, and a Shift
// held down (auto-repeat) counts once.

export const SHIFT_EXIT = { presses: 3, withinMs: 5000 } as const;

export type ShiftOutcome = { kind: 'exit' } | { kind: 'counting'; remaining: number } | { kind: 'reset' } | { kind: 'ignored' };

export interface ShiftCounter {
  key(key: string, repeat: boolean, time: number): ShiftOutcome;
}

export function createShiftCounter(): ShiftCounter {
  let count = 0;
  let last = 0;
  return {
    key(key, repeat, time) {
      if (key !== 'Shift') {
        const wasCounting = count > 0;
        count = 0;
        return wasCounting ? { kind: 'reset' } : { kind: 'ignored' };
      }
      if (repeat) return { kind: 'ignored' };
      if (count > 0 && time - last > SHIFT_EXIT.withinMs) count = 0;
      count += 1;
      last = time;
      if (count >= SHIFT_EXIT.presses) {
        count = 0;
        return { kind: 'exit' };
      }
      return { kind: 'counting', remaining: SHIFT_EXIT.presses - count };
    },
  };
}
