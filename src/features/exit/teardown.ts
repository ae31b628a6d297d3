// Quick exit and lock (DESIGN §5). Everything here is synchronous on purpose: by the time the event
// handler that called it returns, the content is unmounted, the keys and everything decrypted are
// forgotten, and the calculator is back. Nothing awaits before that.
//
// Drafts: `onBeforeLock` callbacks run first, synchronously. A callback that calls a repository's
// put() synchronously captures the session's keys before `endSession` drops them (the vault reads its
// keyring before its first await), so the draft is still sealed and saved after the lock.

import { endSession } from '../../platform/vault';
import type { Host } from '../disguise';

/** Where quick exit goes: the locked calculator, or a neutral site replacing this page. */
export type ExitTarget = { kind: 'calculator' } | { kind: 'site'; url: string };

export interface ExitSession {
  host: Host;
  /** Unmounts the app's content. Synchronous. */
  unmount(): void;
  /** Drops every decrypted object the app holds in memory. */
  forget(): void;
  /** Mounts the app again from what is still in memory (after a grace-period hide). */
  remount(): void;
  exitTarget(): ExitTarget;
}

let session: ExitSession | null = null;
let covered = false;
const beforeLock = new Set<() => void>();
const afterLock = new Set<(reason: LockReason) => void>();

export type LockReason = 'exit' | 'lock' | 'hidden' | 'inactive' | 'other-tab';

export function beginExitSession(next: ExitSession): void {
  session = next;
  covered = false;
}

/** Registers a synchronous callback run just before every lock (for saving drafts). */
export function onBeforeLock(callback: () => void): () => void {
  beforeLock.add(callback);
  return () => beforeLock.delete(callback);
}

/** Registers a callback run after every lock (cross-tab broadcast, timers). */
export function onAfterLock(callback: (reason: LockReason) => void): () => void {
  afterLock.add(callback);
  return () => afterLock.delete(callback);
}

function saveDrafts(): void {
  for (const callback of beforeLock) {
    try {
      callback();
    } catch {
      // A draft that cannot be saved must never stop the lock.
    }
  }
}

export function lockNow(reason: LockReason = 'lock'): void {
  const current = session;
  if (!current) return;
  session = null;
  current.host.appRoot.hidden = true;
  if (!covered) saveDrafts();
  covered = false;
  current.unmount();
  current.forget();
  endSession();
  current.host.showCalculator();
  for (const callback of afterLock) callback(reason);
}

/** Quick exit: lock, then leave for the neutral site when that is where exit goes. */
export function exitNow(reason: 'exit' | 'other-tab' = 'exit'): void {
  const target = session?.exitTarget() ?? { kind: 'calculator' };
  lockNow(reason);
  if (target.kind === 'site') location.replace(target.url);
}

/** Hides content but keeps the keys (grace period): unmounted, the calculator showing. */
export function cover(): void {
  if (!session || covered) return;
  covered = true;
  session.host.appRoot.hidden = true;
  saveDrafts();
  session.unmount();
  session.host.showCalculator();
}

export function uncover(): void {
  if (!session || !covered) return;
  covered = false;
  session.host.hideCalculator();
  session.host.appRoot.hidden = false;
  session.remount();
}

export function isCovered(): boolean {
  return covered;
}
