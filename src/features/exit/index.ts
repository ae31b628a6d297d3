// features/exit — quick exit and locking (DESIGN §5). Exports the teardown, the triggers and the
// Exit button; imports platform/vault (to forget keys) and the disguise's Host type.
export { ExitButton } from './ExitButton';
export { type ExitSession, type ExitTarget, type LockReason, beginExitSession, exitNow, lockNow, onAfterLock, onBeforeLock } from './teardown';
export { INACTIVITY_MS, type LockPolicy, allowNextHide, endHideAllowance, lockOtherTabs, shiftRemaining, startTriggers } from './triggers';
