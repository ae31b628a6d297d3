// What makes the app lock or leave: Shift ×3, the page being hidden or put away, five minutes without
// input, and a lock in another tab. Installed when the app mounts; removed when it locks.

import { signal } from '@preact/signals';
import { createShiftCounter } from './shiftCounter';
import { cover, exitNow, isCovered, lockNow, onAfterLock, uncover } from './teardown';

export const INACTIVITY_MS = 5 * 60 * 1000;
const CHANNEL = 'calc';

/** Announced to screen readers while Shift is being counted ("press 2 more times"). */
export const shiftRemaining = signal(0);

export interface LockPolicy {
  /** 0: lock the moment the page is hidden (the default). Otherwise a grace period in ms. */
  graceMs(): number;
}

/** Until when the next hide is expected (0: not expected). */
let allowanceUntil = 0;
const ALLOWANCE_MS = 60_000;

/**
 * The app itself is opening the camera, a file picker, the dialer or the share sheet: a hide in the
 * next minute is expected and does not lock. Used once; a picker that never hides the page (desktop)
 * does not leave the next real hide unguarded for long.
 */
export function allowNextHide(): void {
  allowanceUntil = Date.now() + ALLOWANCE_MS;
}

/** The camera, picker or dialer came back (or never hid the page): the next hide locks again. */
export function endHideAllowance(): void {
  allowanceUntil = 0;
}

let channel: BroadcastChannel | null = null;

function otherTabs(): BroadcastChannel | null {
  if (!channel && 'BroadcastChannel' in window) {
    channel = new BroadcastChannel(CHANNEL);
    // 'x': another tab left by quick exit, so this one leaves too (to its own exit target); 'l': lock.
    channel.addEventListener('message', (event: MessageEvent) => {
      if (event.data === 'x') exitNow('other-tab');
      else if (event.data === 'l') lockNow('other-tab');
    });
  }
  return channel;
}

/**
 * Locks every other tab of the app, leaving this one as it is: before a restore replaces the vault,
 * so no other tab goes on writing to the one being replaced.
 */
export function lockOtherTabs(): void {
  otherTabs()?.postMessage('l');
}

export function startTriggers(policy: LockPolicy): () => void {
  const shift = createShiftCounter();
  const tabs = otherTabs();
  let hiddenAt = 0;
  let graceTimer: ReturnType<typeof setTimeout> | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;

  const onKeyDown = (event: KeyboardEvent) => {
    const outcome = shift.key(event.key, event.repeat, event.timeStamp);
    if (outcome.kind === 'exit') {
      shiftRemaining.value = 0;
      exitNow();
    } else {
      shiftRemaining.value = outcome.kind === 'counting' ? outcome.remaining : 0;
    }
  };

  const activity = () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => lockNow('inactive'), INACTIVITY_MS);
  };

  const onVisibility = () => {
    if (document.visibilityState === 'hidden') {
      hiddenAt = Date.now();
      if (allowanceUntil > hiddenAt) {
        allowanceUntil = 0;
        return;
      }
      const grace = policy.graceMs();
      if (grace <= 0) return lockNow('hidden');
      cover();
      graceTimer = setTimeout(() => lockNow('hidden'), grace);
    } else {
      if (graceTimer) clearTimeout(graceTimer);
      graceTimer = null;
      const away = Date.now() - hiddenAt;
      // Timers in hidden pages are throttled; the clock decides.
      if (isCovered()) return away < policy.graceMs() ? (uncover(), activity()) : lockNow('hidden');
      if (hiddenAt && away >= INACTIVITY_MS) lockNow('inactive');
      else activity();
    }
  };

  const onPageHide = () => lockNow('hidden');

  const activityEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;
  window.addEventListener('keydown', onKeyDown, true);
  for (const name of activityEvents) window.addEventListener(name, activity, { capture: true, passive: true });
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', onPageHide);
  activity();

  const stop = () => {
    window.removeEventListener('keydown', onKeyDown, true);
    for (const name of activityEvents) window.removeEventListener(name, activity, { capture: true });
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', onPageHide);
    if (graceTimer) clearTimeout(graceTimer);
    if (idleTimer) clearTimeout(idleTimer);
    shiftRemaining.value = 0;
    allowanceUntil = 0;
    unsubscribe();
  };
  const unsubscribe = onAfterLock((reason) => {
    stop();
    if (reason !== 'other-tab') tabs?.postMessage(reason === 'exit' ? 'x' : 'l');
  });
  return stop;
}
