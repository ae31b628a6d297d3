// A long press, by pointer or by holding a key: how she reaches the passphrase field without anything
// on screen saying it is there.

export const LONG_PRESS_MS = 600;

export interface LongPress {
  start(): void;
  /** Ends the press; true when it was short (an ordinary activation). */
  end(): boolean;
  cancel(): void;
}

export function createLongPress(onLong: () => void, ms: number = LONG_PRESS_MS): LongPress {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let fired = false;
  return {
    start() {
      if (timer) return;
      fired = false;
      timer = setTimeout(() => {
        timer = null;
        fired = true;
        onLong();
      }, ms);
    },
    end() {
      if (timer) clearTimeout(timer);
      timer = null;
      const short = !fired;
      fired = false;
      return short;
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      fired = false;
    },
  };
}
