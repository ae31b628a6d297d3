import { describe, expect, it } from 'vitest';
import { toHex } from './bytes';
import { looksLikeRecoveryCode, newRecoveryCode, parseRecoveryCode } from './recovery';

describe('recovery code', () => {
  it('is 128 random bits shown as 12 words, and parses back', () => {
    const code = newRecoveryCode();
    expect(code.entropy).toHaveLength(16);
    expect(code.words).toHaveLength(12);
    expect(parseRecoveryCode(code.words.join(' '))).toEqual(code.entropy);
  });

  it('matches the BIP-39 test vector for all-zero entropy', () => {
    const words = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
    expect(toHex(parseRecoveryCode(words))).toBe('00000000000000000000000000000000');
  });

  it('accepts capitals, commas, line breaks and four-letter prefixes', () => {
    const code = newRecoveryCode();
    const typed = code.words.map((w, i) => (i % 2 ? w.slice(0, 4).toUpperCase() : w)).join(',\n ');
    expect(parseRecoveryCode(typed)).toEqual(code.entropy);
  });

  it('refuses a wrong word, a wrong count and a bad checksum', () => {
    const words = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon';
    expect(() => parseRecoveryCode(words)).toThrow(expect.objectContaining({ code: 'recovery_code_invalid' }));
    expect(() => parseRecoveryCode('abandon about')).toThrow(expect.objectContaining({ code: 'recovery_code_invalid' }));
    expect(() => parseRecoveryCode(words.replace(/abandon$/, 'zzzzzz'))).toThrow(expect.objectContaining({ code: 'recovery_code_invalid' }));
  });

  it('recognises the shape without judging validity', () => {
    expect(looksLikeRecoveryCode(newRecoveryCode().words.join(' '))).toBe(true);
    expect(looksLikeRecoveryCode('my long passphrase here')).toBe(false);
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});
