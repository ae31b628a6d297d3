// Erasing everything, from settings, and the auto-wipe threshold (DESIGN §4, "Wipe").
import { readKeyFile, replaceKeyFile, wipeDevice } from '../../platform/store';
import { parseHeader, withAutoWipe } from '../../platform/vault';
import { lockNow } from '../exit';
import { currentKeyFile } from './secretOps';

/** Auto-wipe needs at least this many unlock-shaped failures: one slip of a finger must never erase her log. */
export const AUTO_WIPE_MIN = 10;
export const AUTO_WIPE_CHOICES = [0, 10, 20, 50] as const;

/**
 * Locks at once (this tab and, through the lock broadcast, every other), then erases. The calculator
 * is already back when the erasing starts, and what it shows afterwards is a calculator never set
 * up. Set-up is held off meanwhile (the same lock set-up takes), so a new vault cannot be written
 * and then erased half way.
 */
export async function eraseEverything(): Promise<void> {
  lockNow('lock');
  await navigator.locks.request('calc-setup', () => wipeDevice());
}

/** The current threshold (0 = off). It sits in the key file's header, readable before any unlock. */
export async function readAutoWipe(): Promise<number> {
  const bytes = await readKeyFile();
  return bytes ? parseHeader(bytes).autoWipeAfter : 0;
}

/** Sets the threshold: 0 (off) or at least AUTO_WIPE_MIN. Only those two bytes of the key file change. */
export async function saveAutoWipe(threshold: number): Promise<void> {
  if (threshold !== 0 && threshold < AUTO_WIPE_MIN) throw new RangeError('auto-wipe threshold below the minimum');
  const previous = await currentKeyFile();
  await replaceKeyFile(previous, withAutoWipe(previous, threshold));
}
