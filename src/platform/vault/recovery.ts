// The recovery code: 128 random bits shown once as 12 words (BIP-39 English list, whose checksum
// catches a mistyped word before any key work). It is high-entropy, so HKDF, not Argon2id, turns it
// into a key-encryption key.

import { entropyToMnemonic, mnemonicToEntropy } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { type Bytes, randomBytes, utf8 } from './bytes';
import { LABELS, VAULT } from './constants';
import { VaultError } from './errors';

export interface RecoveryCode {
  entropy: Bytes;
  words: string[];
}

export function newRecoveryCode(): RecoveryCode {
  const entropy = randomBytes(VAULT.recovery.entropyBytes);
  return { entropy, words: entropyToMnemonic(entropy, wordlist).split(' ') };
}

// Every word in the list is fixed by its first four letters, so "abandon" may be written "aban".
const byPrefix = new Map(wordlist.map((w) => [w.slice(0, 4), w]));

function completeWord(word: string): string | undefined {
  if (wordlist.includes(word)) return word;
  return word.length >= 4 ? byPrefix.get(word.slice(0, 4)) : undefined;
}

/** Splits typed text into candidate words. */
function wordsOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().split(/[^a-z]+/).filter(Boolean);
}

/** True when text has the shape of a recovery code (12 words of letters), whether or not it is valid. */
export function looksLikeRecoveryCode(text: string): boolean {
  return /^[\p{L}\s,.-]+$/u.test(text.trim()) && wordsOf(text).length === VAULT.recovery.words;
}

/** Parses a typed recovery code. Throws recovery_code_invalid for a wrong word count, an unknown word or a bad checksum. */
export function parseRecoveryCode(text: string): Bytes {
  const words = wordsOf(text).map(completeWord);
  if (words.length !== VAULT.recovery.words || words.some((w) => w === undefined)) {
    throw new VaultError('recovery_code_invalid');
  }
  try {
    return new Uint8Array(mnemonicToEntropy(words.join(' '), wordlist));
  } catch {
    throw new VaultError('recovery_code_invalid');
  }
}

export async function recoveryKek(entropy: Uint8Array, salt: Uint8Array): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new Uint8Array(entropy), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(salt), info: utf8(LABELS.recoveryKek) },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt', 'unwrapKey'],
  );
}
