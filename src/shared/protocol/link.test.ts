import { describe, expect, it } from 'vitest';
import {
  LINK_FORMAT_VERSION,
  type LinkInvitation,
  LinkIntro,
  encodeInvitationQr,
  formatShortCode,
  isLinkFormatError,
  linkIntroSignatureInput,
  parseInvitationQr,
  parseShortCode,
} from './link';

// Fixed values, so the expected short code below is a known answer, not the code under test's say-so.
const TOKEN_ZERO = 'AAAAAAAAAAAAAAAAAAAAAA';
const TOKEN_ONES = '_____________________w';
const POINT = `B${'A'.repeat(86)}`;
const POINT_2 = `B${'Q'.repeat(86)}`;

const invitation: LinkInvitation = {
  v: 1,
  relay: 'http://127.0.0.1:8080',
  mailbox: 'AAECAwQFBgcICQoLDA0ODw',
  invite: 'EBESExQVFhcYGRobHB0eHw',
  ecdh: POINT,
  signing: POINT_2,
};

function thrownCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isLinkFormatError(error) ? error.code : 'other';
  }
  return undefined;
}

describe('the QR invitation', () => {
  it('round-trips', () => {
    const text = encodeInvitationQr(invitation);
    expect(parseInvitationQr(text)).toEqual(invitation);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['v', 'relay', 'mailbox', 'invite', 'ecdh', 'signing']);
  });

  it('refuses a tampered invitation as malformed', () => {
    const text = encodeInvitationQr(invitation);
    // A key that is no longer an uncompressed point, a truncated id, an extra field, a relay with a path.
    expect(thrownCode(() => parseInvitationQr(text.replace(POINT, `C${POINT.slice(1)}`)))).toBe('malformed');
    expect(thrownCode(() => parseInvitationQr(text.replace(invitation.mailbox, invitation.mailbox.slice(1))))).toBe('malformed');
    expect(thrownCode(() => parseInvitationQr(text.replace('{', '{"x":1,')))).toBe('malformed');
    expect(thrownCode(() => parseInvitationQr(text.replace('127.0.0.1:8080', '127.0.0.1:8080/x')))).toBe('malformed');
    expect(thrownCode(() => parseInvitationQr(text.slice(0, -1)))).toBe('malformed');
    expect(thrownCode(() => parseInvitationQr('x'.repeat(5000)))).toBe('malformed');
  });

  it('names a newer version', () => {
    expect(thrownCode(() => parseInvitationQr(encodeInvitationQr(invitation).replace('"v":1', '"v":2')))).toBe('unsupported_version');
  });
});

describe('the short code', () => {
  it('has known answers for the smallest and largest tokens', () => {
    expect(formatShortCode(TOKEN_ZERO)).toBe('000-000-000-000-000-000-000-000-000');
    // 2^128 − 1 is 7 followed by 25 Z's (26 digits hold 130 bits); (2^128 − 1) mod 37 = 32 → "*".
    expect(formatShortCode(TOKEN_ONES)).toBe('7ZZ-ZZZ-ZZZ-ZZZ-ZZZ-ZZZ-ZZZ-ZZZ-ZZ*');
  });

  it('round-trips, ignoring case, spaces and hyphens, and reading I, L as 1 and O as 0', () => {
    for (const token of [TOKEN_ZERO, TOKEN_ONES, invitation.invite, invitation.mailbox]) {
      const code = formatShortCode(token);
      expect(code).toMatch(/^([0-9A-Z*~$=]{3}-){8}[0-9A-Z*~$=]{3}$/);
      expect(parseShortCode(code)).toBe(token);
      expect(parseShortCode(code.toLowerCase().replace(/-/g, ' '))).toBe(token);
    }
    expect(parseShortCode('OOO ooo 000 000 000 000 000 000 000')).toBe(TOKEN_ZERO);
    expect(parseShortCode('7zz-zzz-zzz-zzz-zzz-zzz-zzz-zzz-zz*')).toBe(TOKEN_ONES);
  });

  it('catches every single wrong symbol with bad_check', () => {
    const code = formatShortCode(invitation.invite).replace(/-/g, '');
    // Every position (but the top digit, whose large values overflow 128 bits, also bad_check) and every other digit.
    for (let at = 0; at < code.length - 1; at++) {
      for (const other of '0123456789ABCDEFGHJKMNPQRSTVWXYZ') {
        if (other === code[at]) continue;
        const altered = code.slice(0, at) + other + code.slice(at + 1);
        expect(thrownCode(() => parseShortCode(altered)), `${at}:${other}`).toBe('bad_check');
      }
    }
  });

  it('catches a wrong check symbol and two neighbours swapped', () => {
    const code = formatShortCode(invitation.invite).replace(/-/g, '');
    const last = code.at(-1) === '0' ? '1' : '0';
    expect(thrownCode(() => parseShortCode(code.slice(0, -1) + last))).toBe('bad_check');
    for (let at = 1; at < code.length - 2; at++) {
      if (code[at] === code[at + 1]) continue;
      const swapped = code.slice(0, at) + code[at + 1] + code[at] + code.slice(at + 2);
      expect(thrownCode(() => parseShortCode(swapped)), String(at)).toBe('bad_check');
    }
  });

  it('names a wrong length and a character outside the alphabet', () => {
    const code = formatShortCode(invitation.invite);
    expect(thrownCode(() => parseShortCode(code.slice(0, -1)))).toBe('bad_length');
    expect(thrownCode(() => parseShortCode(`${code}0`))).toBe('bad_length');
    expect(thrownCode(() => parseShortCode(`U${code.slice(1)}`))).toBe('bad_character');
    expect(thrownCode(() => parseShortCode(`${code.slice(0, -1)}#`))).toBe('bad_character');
  });
});

describe('the intro message', () => {
  it('signs every field but the signature, in a fixed order', () => {
    const intro = { v: LINK_FORMAT_VERSION, type: 'intro' as const, mailbox: invitation.mailbox, ecdh: POINT, signing: POINT_2, createdAt: 1700000000000 };
    expect(linkIntroSignatureInput(intro)).toBe(`waymark/v1/link-intro|1|${invitation.mailbox}|${POINT}|${POINT_2}|1700000000000`);
    expect(LinkIntro.safeParse({ ...intro, sig: 'A'.repeat(86) }).success).toBe(true);
    expect(LinkIntro.safeParse({ ...intro, sig: 'A'.repeat(86), extra: 1 }).success).toBe(false);
  });
});
