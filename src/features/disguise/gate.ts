// The gate between the calculator and the app, loaded as its own chunk. It turns a `=` on a digits-only
// display, or a note, into an unlock attempt; the set-up sequence into set-up on a phone with no vault;
// and everything else into nothing at all. A wrong PIN just leaves the number on the display.
//
// An attempt runs Argon2id in a worker and is abandoned the moment she presses another key (the worker
// is terminated). Every attempt is counted in the key file before the key work starts, so killing the
// tab mid-attempt does not dodge the back-off.

import {
  getBrowserDeriver,
  endSession,
  failureFields,
  isPinShaped,
  looksLikeRecoveryCode,
  normaliseSecret,
  parseHeader,
  parseRecoveryCode,
  PASSPHRASE_MIN_CHARS,
  unlockWithRecovery,
  unlockWithSecret,
  type Bytes,
} from '../../platform/vault';
import { keyFileExists, patchKeyFile, readKeyFile } from '../../platform/store';
import { remainingWait } from './backoff';
import { type CalcState, expressionText, typedDigitsOnly } from './calculator/engine';
import type { Host } from './host';
import { isIosBrowserTab } from './install';
import { SETUP_SEQUENCE } from './sequence';

type Proof = { kind: 'secret'; text: string } | { kind: 'recovery'; entropy: Bytes };

const deriver = getBrowserDeriver();
const loadApp = () => import('../../app/mount');
let pending: AbortController | null = null;

/** Warms up what an unlock needs, once the calculator is idle and only if a vault exists. */
export async function prepare(): Promise<void> {
  if (await keyFileExists()) deriver.warm();
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
  if (digits !== null && isPinShaped(digits)) void attempt({ kind: 'secret', text: digits }, host);
  else if (expressionText(before) === SETUP_SEQUENCE) void startSetup(host);
}

export function onNote(text: string, host: Host): void {
  if (looksLikeRecoveryCode(text)) {
    try {
      void attempt({ kind: 'recovery', entropy: parseRecoveryCode(text) }, host);
    } catch {
      // Not a valid code: to anyone watching, a note was saved.
    }
  } else if ([...normaliseSecret(text)].length >= PASSPHRASE_MIN_CHARS) {
    void attempt({ kind: 'secret', text }, host);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('aborted'))), { once: true });
  });
}

async function attempt(proof: Proof, host: Host): Promise<void> {
  abandon();
  const controller = new AbortController();
  pending = controller;
  const { signal } = controller;
  let mounted = false;
  try {
    const keyFile = await readKeyFile();
    if (!keyFile) return;
    // A header with absurd parameters is refused here, before any memory is spent on it.
    const header = parseHeader(keyFile);
    await sleep(remainingWait(header.failures, header.lastFailureAt, Date.now()), signal);
    const counted = failureFields(header.failures + 1, Date.now());
    const app = loadApp();
    const [opened] = await Promise.all([
      proof.kind === 'secret' ? unlockWithSecret(keyFile, proof.text, deriver, signal) : unlockWithRecovery(keyFile, proof.entropy),
      patchKeyFile(counted.offset, counted.bytes),
    ]);
    if (signal.aborted) {
      endSession();
      return;
    }
    deriver.retire();
    const cleared = failureFields(0, 0);
    await patchKeyFile(cleared.offset, cleared.bytes);
    pending = null;
    mounted = true;
    await (await app).mountApp(host, proof.kind === 'recovery' ? { mode: 'recovered', entropy: proof.entropy, slot: opened.slot } : { mode: 'unlocked' });
  } catch {
    // Wrong secret, abandoned, damaged key file, storage trouble: all look like an ordinary sum.
    if (!mounted) endSession();
    if (pending === controller) pending = null;
  }
}

async function startSetup(host: Host): Promise<void> {
  if (await keyFileExists()) return;
  const app = await loadApp();
  app.mountApp(host, { mode: isIosBrowserTab() ? 'install-first' : 'setup' });
}
