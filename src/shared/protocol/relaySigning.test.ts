import { describe, expect, it } from 'vitest';
import { Id, PaddedCiphertext, RELAY, SigningKey, base64urlLength } from './relay';
import { RELAY_SIGNING, signatureInput, subscribePath } from './relaySigning';

describe('the signature input', () => {
  it('is the documented newline-joined text (known answer)', () => {
    const input = signatureInput({
      method: 'POST',
      pathWithQuery: '/relay/v1/mailboxes/AAAAAAAAAAAAAAAAAAAAAA/messages?after=3',
      timestampMs: 1_800_000_000_000,
      nonce: 'AQIDBAUGBwgJCgsMDQ4PEA',
      bodySha256Hex: RELAY_SIGNING.emptyBodySha256,
    });
    expect(new TextDecoder().decode(input)).toBe(
      'waymark-relay/v1\nPOST\n/relay/v1/mailboxes/AAAAAAAAAAAAAAAAAAAAAA/messages?after=3\n1800000000000\nAQIDBAUGBwgJCgsMDQ4PEA\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('refuses parts that could blur the framing', () => {
    const good = { method: 'GET', pathWithQuery: '/relay/v1/x', timestampMs: 1, nonce: 'AA', bodySha256Hex: RELAY_SIGNING.emptyBodySha256 };
    expect(() => signatureInput({ ...good, method: 'get' })).toThrow(TypeError);
    expect(() => signatureInput({ ...good, pathWithQuery: '/a\nb' })).toThrow(TypeError);
    expect(() => signatureInput({ ...good, pathWithQuery: 'relative' })).toThrow(TypeError);
    expect(() => signatureInput({ ...good, timestampMs: 1.5 })).toThrow(TypeError);
    expect(() => signatureInput({ ...good, nonce: 'a b' })).toThrow(TypeError);
    expect(() => signatureInput({ ...good, bodySha256Hex: RELAY_SIGNING.emptyBodySha256.toUpperCase() })).toThrow(TypeError);
  });

  it('covers a subscribe frame by a path of its own', () => {
    expect(subscribePath(RELAY.prefix, 'm')).toBe('/relay/v1/mailboxes/m/subscribe');
  });
});

describe('base64url on the wire', () => {
  it('accepts only canonical encodings', () => {
    expect(base64urlLength('')).toBe(0);
    expect(base64urlLength('AA')).toBe(1);
    expect(base64urlLength('AB')).toBeNull(); // unused low bits set: a second encoding of 0x00
    expect(base64urlLength('AAA')).toBe(2);
    expect(base64urlLength('AAB')).toBeNull();
    expect(base64urlLength('AAAA')).toBe(3);
    expect(base64urlLength('A')).toBeNull();
    expect(base64urlLength('AA==')).toBeNull();
    expect(base64urlLength('A+')).toBeNull();
  });

  it('sizes ids, keys and padded ciphertexts exactly', () => {
    expect(Id.safeParse('AAAAAAAAAAAAAAAAAAAAAA').success).toBe(true);
    expect(Id.safeParse('AAAAAAAAAAAAAAAAAAAAAB').success).toBe(false);
    expect(Id.safeParse('AAAAAAAAAAAAAAAAAAAAA').success).toBe(false);
    expect(SigningKey.safeParse(`B${'A'.repeat(86)}`).success).toBe(true);
    expect(SigningKey.safeParse(`A${'A'.repeat(86)}`).success).toBe(false); // compressed or garbage
    const bucket = RELAY.messageBuckets[0];
    expect(PaddedCiphertext.safeParse('A'.repeat(Math.ceil((bucket * 4) / 3))).success).toBe(true);
    expect(PaddedCiphertext.safeParse('A'.repeat(Math.ceil(((bucket - 1) * 4) / 3))).success).toBe(false);
  });
});
