import { describe, expect, it } from 'vitest';
import { encodeInvitationQr, formatShortCode, isLinkFormatError } from '../../shared/protocol/link';
import { readCode } from './code';

const INVITE = 'AAECAwQFBgcICQoLDA0ODw';
const KEY = `B${'A'.repeat(86)}`;

function codeOf(text: string): string | undefined {
  try {
    readCode(text);
  } catch (error) {
    return isLinkFormatError(error) ? error.code : 'other';
  }
  return undefined;
}

describe('reading what she typed or pasted', () => {
  it('reads a short code, however it is spaced or cased', () => {
    const code = formatShortCode(INVITE);
    expect(readCode(code)).toEqual({ invite: INVITE });
    expect(readCode(`  ${code.replace(/-/g, ' ').toLowerCase()} `)).toEqual({ invite: INVITE });
  });

  it("reads a QR's text with the mailbox and the advocate's keys", () => {
    const qr = encodeInvitationQr({ v: 1, relay: 'http://127.0.0.1:8080', mailbox: INVITE, invite: INVITE, ecdh: KEY, signing: KEY });
    expect(readCode(qr)).toEqual({ invite: INVITE, qr: { mailbox: INVITE, advocate: { ecdh: KEY, signing: KEY } } });
  });

  it('names what is wrong with a tampered or malformed code', () => {
    const code = formatShortCode(INVITE);
    expect(codeOf((code[0] === '0' ? '1' : '0') + code.slice(1))).toBe('bad_check');
    expect(codeOf(code.slice(1))).toBe('bad_length');
    expect(codeOf(`U${code.slice(1)}`)).toBe('bad_character');
    expect(codeOf('{"v":1}')).toBe('malformed');
    expect(codeOf('{"v":9}')).toBe('unsupported_version');
    expect(codeOf('{not json')).toBe('malformed');
  });
});
