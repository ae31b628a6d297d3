// The gate between the calculator and the app, loaded as its own chunk. It turns a `=` on a digits-only
// display, or a note, into an unlock attempt; the set-up sequence into set-up on a phone with no vault;
// and everything else into nothing at all. A wrong PIN just leaves the number on the display.
//
// An attempt runs Argon2id in a worker and is abandoned the moment she presses another key, the page
// is hidden, or another tab locks (the worker is terminated; a session that opened anyway is ended).
// Every attempt is counted in the key file before the key work starts, so killing the tab
// mid-attempt does not dodge the back-off.

import { clearFailedAttempts, countFailedAttempt, isStoreError, keyFileExists, readKeyFile, wipeDevice } from '../../platform/store';
import {
  type Bytes,
  PASSPHRASE_MIN_CHARS,
  endSession,
  getBrowserDeriver,
  isPinShaped,
  isVaultError,
  looksLikeRecoveryCode,
  normaliseSecret,
  parseHeader,
  parseRecoveryCode,
  unlockWithRecovery,
  unlockWithSecret,
} from '../../platform/vault';
import { remainingWait } from './backoff';
import { type CalcState, expressionText, typedDigitsOnly } from './calculator/engine';
import type { Host } from './host';
import { isIosBrowserTab } from './install';
import { SETUP_SEQUENCE } from './sequence';

type Proof = { kind: 'secret'; text: string } | { kind: 'recovery'; entropy: Bytes };

const deriver = getBrowserDeriver();
const loadApp = () => import('../../app/mount');
let pending: AbortController | null = null;

// Leaving the page, or a lock in another tab, abandons an attempt still running: an unlock must never
// complete behind her back, with the app open when the phone is next looked at.
document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && abandon());
window.addEventListener('pagehide', () => abandon());
// The lock broadcast (the same neutral channel features/exit uses): heard here, and used by auto-wipe
// to lock every other tab before erasing.
const otherTabs = 'BroadcastChannel' in window ? new BroadcastChannel('calc') : null;
otherTabs?.addEventListener('message', () => abandon());

/** Warms up what an unlock needs, once the calculator is idle and only if a vault exists. */
export async function prepare(): Promise<void> {
  if (await keyFileExists().catch(() => false)) deriver.warm();
}

export function abandon(): void {
  pending?.abort();
  pending = null;
}

export function restored(host: Host): void {
  abandon();
  host.showCalculator();
}

export function onEquals(before: CalcState, host: Host): void {
  const digits = typedDigitsOnly(before);
  if (digits !== null && isPinShaped(digits)) void attempt([{ kind: 'secret', text: digits }], host, true);
  else if (expressionText(before) === SETUP_SEQUENCE) void startSetup(host);
}

/**
 * A note may be the recovery code, a passphrase, or just a note. Twelve words could be either of the
 * first two (a passphrase of twelve plain words is allowed), so both are tried, as one attempt.
 */
export function onNote(text: string, host: Host): void {
  const proofs: Proof[] = [];
  if (looksLikeRecoveryCode(text)) {
    try {
      proofs.push({ kind: 'recovery', entropy: parseRecoveryCode(text) });
    } catch {
      // Not a valid code; it may still be a passphrase.
    }
  }
  if ([...normaliseSecret(text)].length >= PASSPHRASE_MIN_CHARS) proofs.push({ kind: 'secret', text });
  // Otherwise, to anyone watching, a note was saved. A note counts towards auto-wipe only when it is
  // a recovery code (its checksum holds): ordinary notes of a dozen letters, which anyone may save on
  // a calculator, must never be able to erase her log.
  if (proofs.length > 0) void attempt(proofs, host, proofs[0]?.kind === 'recovery');
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('aborted'))), { once: true });
  });
}

/** Every proof was tried and none opened a slot: a definite failure (not an abandoned attempt). */
class NothingOpened extends Error {
  constructor() {
    super('no proof opened the vault');
    this.name = 'NothingOpened';
  }
}

/**
 * Auto-wipe (off unless she turned it on, DESIGN §4): after a definite failure, if the counted
 * unlock-shaped failures have reached the threshold in the key file's header, every tab is locked
 * and everything is erased. The calculator simply stays, showing the number, like any wrong PIN.
 * A duress PIN opens its vault: that is a success, it clears the count and never gets here.
 */
async function wipeIfDue(counted: Promise<void>): Promise<void> {
  await counted.catch(() => undefined);
  const keyFile = await readKeyFile().catch(() => null);
  if (!keyFile) return;
  const header = parseHeader(keyFile);
  if (header.autoWipeAfter === 0 || header.failures < header.autoWipeAfter) return;
  otherTabs?.postMessage('l');
  await navigator.locks.request('calc-setup', () => wipeDevice());
}

async function open(keyFile: Uint8Array, proofs: Proof[], signal: AbortSignal): Promise<{ proof: Proof; slot: number }> {
  for (const proof of proofs) {
    try {
      const { slot } = proof.kind === 'secret' ? await unlockWithSecret(keyFile, proof.text, deriver, signal) : await unlockWithRecovery(keyFile, proof.entropy);
      return { proof, slot };
    } catch (error) {
      if (!isVaultError(error, 'no_matching_slot') || signal.aborted) throw error;
    }
  }
  throw new NothingOpened();
}

async function attempt(proofs: Proof[], host: Host, mayWipe: boolean): Promise<void> {
  abandon();
  const controller = new AbortController();
  pending = controller;
  const { signal } = controller;
  // Whether this attempt holds an open session that nobody else is responsible for ending yet.
  let holdsSession = false;
  let counted: Promise<void> | null = null;
  try {
    const keyFile = await readKeyFile();
    if (!keyFile) return;
    // A header with absurd parameters is refused here, before any memory is spent on it.
    const header = parseHeader(keyFile);
    await sleep(remainingWait(header.failures, header.lastFailureAt, Date.now()), signal);
    const app = loadApp();
    counted = countFailedAttempt();
    const [opened] = await Promise.all([open(keyFile, proofs, signal), counted]);
    holdsSession = true;
    if (signal.aborted) throw new Error('aborted');
    deriver.retire();
    await clearFailedAttempts();
    const mount = (await app).mountApp;
    if (signal.aborted) throw new Error('aborted');
    const mode = opened.proof.kind === 'recovery' ? { mode: 'recovered' as const, entropy: opened.proof.entropy, slot: opened.slot } : { mode: 'unlocked' as const };
    // From here mountApp owns the session: it checks the signal after its own awaits and ends the
    // session itself if the attempt was abandoned meanwhile.
    await mount(host, mode, signal);
    holdsSession = false;
  } catch (error) {
    // Wrong secret, abandoned, damaged key file, storage trouble: all look like an ordinary sum.
    if (holdsSession) endSession();
    if (error instanceof NothingOpened && counted && mayWipe) await wipeIfDue(counted).catch(() => undefined);
  } finally {
    if (pending === controller) pending = null;
  }
}

async function startSetup(host: Host): Promise<void> {
  // Only where the key file is certainly absent: a key file that could not be read is not "none".
  // With no storage at all, set-up starts and says at once that nothing can be saved here.
  const exists = await keyFileExists().catch((error: unknown) => !isStoreError(error, 'storage_unavailable'));
  if (exists) return;
  const app = await loadApp();
  await app.mountApp(host, { mode: isIosBrowserTab() ? 'install-first' : 'setup' });
}
