import { describe, expect, it } from 'vitest';
import { DEFAULT_KDF, chooseKdfParams } from './kdfPolicy';
import { isPinShaped, normaliseSecret, secretProblem } from './secret';

describe('KDF policy', () => {
  it('keeps the defaults on a fast device', () => {
    expect(chooseKdfParams(450)).toEqual(DEFAULT_KDF);
  });

  it('lowers memory on a slow device, never below OWASP floor', () => {
    const slower = chooseKdfParams(2000);
    expect(slower.iterations).toBe(3);
    expect(slower.memoryKiB).toBeLessThan(DEFAULT_KDF.memoryKiB);
    expect(slower.memoryKiB).toBeGreaterThanOrEqual(19 * 1024);
    expect(chooseKdfParams(60_000)).toEqual({ memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 });
    for (let ms = 100; ms < 100_000; ms *= 1.3) {
      const p = chooseKdfParams(ms);
      expect(p.memoryKiB).toBeGreaterThanOrEqual(19 * 1024);
      expect(p.iterations).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('secrets', () => {
  it('knows what a PIN looks like', () => {
    expect(isPinShaped('123456')).toBe(true);
    expect(isPinShaped('12345')).toBe(false);
    expect(isPinShaped('12345a')).toBe(false);
  });

  it('explains why a secret is refused', () => {
    expect(secretProblem('pin', '12345')).toBe('pin_too_short');
    expect(secretProblem('pin', '12a456')).toBe('pin_not_digits');
    expect(secretProblem('pin', '123456')).toBeNull();
    expect(secretProblem('passphrase', 'short one')).toBe('passphrase_too_short');
    expect(secretProblem('passphrase', '1234567890123')).toBe('passphrase_is_pin');
    expect(secretProblem('passphrase', 'correct horse battery')).toBeNull();
  });

  it('normalises whitespace and Unicode forms', () => {
    expect(normaliseSecret('  a  b\tc ')).toBe('a b c');
    expect(normaliseSecret('ﬁve')).toBe('five');
  });
});
