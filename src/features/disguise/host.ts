// What the disguise offers the rest of the app: two roots and a way to put the calculator back.
// Defined here because the calculator owns the page; the app and the exit only ever call these.

export interface Host {
  /** Where the real app renders. Empty whenever the app is locked. */
  appRoot: HTMLElement;
  /** Resets the calculator to a cleared display, in the calculator's own language, and shows it. */
  showCalculator(): void;
  hideCalculator(): void;
}
