// How a typed PIN or passphrase becomes bytes. The same text must always give the same bytes, on any
// keyboard: Unicode compatibility normalisation (so an Urdu passphrase typed on two phones matches),
// and surrounding or repeated whitespace ignored (an accidental double space must not lock her out).

import { type Bytes, utf8 } from './bytes';

export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 32;
export const PASSPHRASE_MIN_CHARS = 12;
export const PASSPHRASE_MAX_CHARS = 256;

export type SecretKind = 'pin' | 'passphrase';

export function normaliseSecret(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/gu, ' ');
}

export function secretBytes(text: string): Bytes {
  return utf8(normaliseSecret(text));
}

export function isPinShaped(text: string): boolean {
  return /^[0-9]+$/.test(text) && text.length >= PIN_MIN_DIGITS && text.length <= PIN_MAX_DIGITS;
}

/** Why a proposed secret is refused at set-up, or null when it is acceptable. */
export function secretProblem(kind: SecretKind, text: string): 'pin_not_digits' | 'pin_too_short' | 'pin_too_long' | 'passphrase_too_short' | 'passphrase_too_long' | 'passphrase_is_pin' | null {
  if (kind === 'pin') {
    if (!/^[0-9]*$/.test(text)) return 'pin_not_digits';
    if (text.length < PIN_MIN_DIGITS) return 'pin_too_short';
    if (text.length > PIN_MAX_DIGITS) return 'pin_too_long';
    return null;
  }
  const normalised = normaliseSecret(text);
  // A digits-only passphrase is a PIN: it would be typed on the calculator, and it is no stronger.
  if (/^[0-9]+$/.test(normalised)) return 'passphrase_is_pin';
  if ([...normalised].length < PASSPHRASE_MIN_CHARS) return 'passphrase_too_short';
  if ([...normalised].length > PASSPHRASE_MAX_CHARS) return 'passphrase_too_long';
  return null;
}

/** A passphrase of this many words (two or more letters each) is strong enough to travel in a backup. */
export const STRONG_PASSPHRASE_WORDS = 5;
/** …or one of this many characters, mixing at least three kinds (letters, digits, spaces, symbols). */
export const STRONG_PASSPHRASE_CHARS = 20;

/**
 * Whether a passphrase may open a backup as well as the recovery code. A backup file can be copied
 * and attacked offline without limit, so only a passphrase that resists that goes in: five or more
 * words, or twenty or more characters with variety and few repeats. Never a PIN.
 */
export function isStrongPassphrase(text: string): boolean {
  const normalised = normaliseSecret(text);
  if (/^[0-9]+$/.test(normalised)) return false;
  const words = normalised.split(' ').filter((w) => [...w].filter((c) => /\p{L}/u.test(c)).length >= 2);
  if (words.length >= STRONG_PASSPHRASE_WORDS) return true;
  const chars = [...normalised];
  if (chars.length < STRONG_PASSPHRASE_CHARS) return false;
  const kinds = [/\p{L}/u, /\p{N}/u, /\s/u, /[^\p{L}\p{N}\s]/u].filter((kind) => chars.some((c) => kind.test(c))).length;
  return kinds >= 3 && new Set(chars).size >= 10;
}
