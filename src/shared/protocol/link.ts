// The advocate link's invitation formats (DESIGN §4 "Device keys and sharing", issue 6), shared by the
// advocate's app, which makes them, and the survivor's app, which reads them. Format v1.
//
// An invitation reaches the survivor one of two ways:
//
// - The QR code carries everything: { v, relay, mailbox, invite, ecdh, signing }, the relay's origin,
//   the case's mailbox id, the one-time invite token and the advocate's two identity public keys, as
//   JSON text (`encodeInvitationQr` / `parseInvitationQr`).
// - The short code, read out or typed, carries the invite token only: its 16 bytes as 26 Crockford
//   base32 digits plus Crockford's mod-37 check symbol, in groups of three (`formatShortCode` /
//   `parseShortCode`). The survivor's app uses its own relay. The advocate's keys then reach her in the
//   intro message (`LinkIntro`), which the advocate posts to the case's mailbox.
//
// Neither path is trusted on its own: the relay (or whoever relays the code) could swap keys. The
// safety number both screens show (platform/vault/safetyNumber.ts), compared in person or on a call
// to the service's listed number, is what confirms the link.
//
// Ordering with the relay: the relay opens a mailbox only when the invite is consumed (see
// server/relay/README.md), so the advocate cannot post the intro when she creates the invite. Her app
// seals the intro at once, keeps it in her vault with the case, and posts it when the mailbox opens
// (`unknown_mailbox` until then); the survivor's app, having consumed the invite, reads the mailbox
// until the intro arrives.
import { z } from 'zod';
import { CaseKeyDelivery } from './caseKey';
import { InviteToken, MailboxId, Signature, SigningKey, base64urlLength } from './relay';

export const LINK_FORMAT_VERSION = 1 as const;

/** What can be wrong with an invitation someone scanned or typed, by name. */
export type LinkFormatErrorCode =
  /** Not JSON, or not the shape of an invitation (a field missing, an id of the wrong length). */
  | 'malformed'
  /** Made by a newer (or unknown) version of the format. */
  | 'unsupported_version'
  /** A short code with a character outside Crockford's base32 (after folding I, L to 1 and O to 0). */
  | 'bad_character'
  /** A short code with too few or too many characters. */
  | 'bad_length'
  /** A short code whose check symbol does not match its digits: a character was misheard or mistyped. */
  | 'bad_check';

export class LinkFormatError extends Error {
  readonly code: LinkFormatErrorCode;
  constructor(code: LinkFormatErrorCode, message: string = code) {
    super(message);
    this.name = 'LinkFormatError';
    this.code = code;
  }
}

/** True when `error` is a LinkFormatError (with `code`, when given). */
export function isLinkFormatError(error: unknown, code?: LinkFormatErrorCode): error is LinkFormatError {
  return error instanceof LinkFormatError && (code === undefined || error.code === code);
}

/** An http(s) origin and nothing more: no path, query, fragment or credentials. */
export const RelayOrigin = z
  .string()
  .max(200)
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
    } catch {
      return false;
    }
  }, 'relay: not an http(s) origin');
export type RelayOrigin = z.infer<typeof RelayOrigin>;

/** What the QR code carries. */
export const LinkInvitation = z.strictObject({
  v: z.literal(LINK_FORMAT_VERSION),
  relay: RelayOrigin,
  mailbox: MailboxId,
  invite: InviteToken,
  /** The advocate's ECDH identity public key (raw P-256 point): case keys are wrapped to it. */
  ecdh: SigningKey,
  /** The advocate's ECDSA identity public key: it signs her key deliveries and the intro. */
  signing: SigningKey,
});
export type LinkInvitation = z.infer<typeof LinkInvitation>;

/** Bytes a QR's text may have before it is even parsed (a v1 invitation is about 330). */
const MAX_QR_TEXT = 1024;

/** The QR code's text for an invitation: JSON with its keys in a fixed order. */
export function encodeInvitationQr(invitation: LinkInvitation): string {
  const valid = LinkInvitation.parse(invitation);
  return JSON.stringify({ v: valid.v, relay: valid.relay, mailbox: valid.mailbox, invite: valid.invite, ecdh: valid.ecdh, signing: valid.signing });
}

/** Reads a scanned QR's text. Throws LinkFormatError malformed or unsupported_version. */
export function parseInvitationQr(text: string): LinkInvitation {
  if (text.length > MAX_QR_TEXT) throw new LinkFormatError('malformed', 'too long');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LinkFormatError('malformed', 'not JSON');
  }
  if (json !== null && typeof json === 'object' && 'v' in json && json.v !== LINK_FORMAT_VERSION) throw new LinkFormatError('unsupported_version');
  const parsed = LinkInvitation.safeParse(json);
  if (!parsed.success) throw new LinkFormatError('malformed', 'not an invitation');
  return parsed.data;
}

// ---- the short code -------------------------------------------------------------------------

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Crockford's check symbols: the 32 digits, then five more for the values 32–36. */
const CHECK_SYMBOLS = `${CROCKFORD}*~$=U`;
const TOKEN_BYTES = 16;
/** 128 bits need 26 base32 digits (130 bits; the top digit is 0–7). */
const CODE_DIGITS = 26;
const GROUP = 3;

function tokenToBigInt(token: string): bigint {
  if (base64urlLength(token) !== TOKEN_BYTES || token.length !== 22) throw new LinkFormatError('malformed', 'not an invite token');
  const binary = atob(token.replace(/-/g, '+').replace(/_/g, '/') + '==');
  let value = 0n;
  for (let i = 0; i < binary.length; i++) value = (value << 8n) | BigInt(binary.charCodeAt(i));
  return value;
}

function bigIntToToken(value: bigint): string {
  let binary = '';
  for (let i = TOKEN_BYTES - 1; i >= 0; i--) binary += String.fromCharCode(Number((value >> BigInt(8 * i)) & 0xffn));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The short code for an invite token: 27 symbols (26 digits and a check symbol) in groups of three, e.g. "0K4-…-7Q*". */
export function formatShortCode(token: InviteToken): string {
  let value = tokenToBigInt(token);
  const check = CHECK_SYMBOLS[Number(value % 37n)] ?? '';
  let digits = '';
  for (let i = 0; i < CODE_DIGITS; i++) {
    digits = (CROCKFORD[Number(value & 31n)] ?? '') + digits;
    value >>= 5n;
  }
  const symbols = digits + check;
  const groups: string[] = [];
  for (let i = 0; i < symbols.length; i += GROUP) groups.push(symbols.slice(i, i + GROUP));
  return groups.join('-');
}

/**
 * Reads a typed or heard short code back into its invite token. Case, spaces and hyphens do not
 * matter; I and L read as 1, O as 0 (Crockford). Throws LinkFormatError bad_length, bad_character or
 * bad_check (the check symbol catches any one wrong symbol and any two neighbours swapped).
 */
export function parseShortCode(text: string): InviteToken {
  const symbols = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (symbols.length !== CODE_DIGITS + 1) throw new LinkFormatError('bad_length');
  let value = 0n;
  for (const symbol of symbols.slice(0, CODE_DIGITS)) {
    const digit = CROCKFORD.indexOf(symbol);
    if (digit < 0) throw new LinkFormatError('bad_character');
    value = (value << 5n) | BigInt(digit);
  }
  const check = CHECK_SYMBOLS.indexOf(symbols.slice(CODE_DIGITS));
  if (check < 0) throw new LinkFormatError('bad_character');
  // A first digit above 7 would make the number wider than 128 bits: no token has it.
  if (value >> BigInt(TOKEN_BYTES * 8) !== 0n) throw new LinkFormatError('bad_check');
  if (Number(value % 37n) !== check) throw new LinkFormatError('bad_check');
  return bigIntToToken(value);
}

// ---- the intro message ----------------------------------------------------------------------

/**
 * The advocate's first message in a case's mailbox: her identity public keys, signed by her identity
 * signing key over `linkIntroSignatureInput`, so they are bound to this mailbox and cannot be moved
 * to another. On the wire it is sealed under a key derived from the invite token (platform/vault
 * linkIntro.ts), so only someone holding the invite can read it, and padded to a relay bucket.
 */
export const LinkIntro = z.strictObject({
  v: z.literal(LINK_FORMAT_VERSION),
  type: z.literal('intro'),
  mailbox: MailboxId,
  ecdh: SigningKey,
  signing: SigningKey,
  /** When she made the invitation (her clock, ms): shown to the survivor, proves nothing. */
  createdAt: z.number().int().min(0),
  sig: Signature,
});
export type LinkIntro = z.infer<typeof LinkIntro>;

/** The exact text an intro's signature covers. Fields are base64url or decimal, so "|" cannot occur inside one. */
export function linkIntroSignatureInput(intro: Omit<LinkIntro, 'sig'>): string {
  return `waymark/v1/link-intro|${intro.v}|${intro.mailbox}|${intro.ecdh}|${intro.signing}|${intro.createdAt}`;
}

// ---- the join message -----------------------------------------------------------------------

/**
 * The survivor's answer to the intro, the second message in a case's mailbox: her identity public
 * keys and the case key wrapped to the advocate's ECDH key (a `CaseKeyDelivery`, itself signed by her
 * identity key), all signed by her identity signing key over `linkJoinSignatureInput`. `advocate` is
 * the advocate's signing key she read (QR or intro), so a join is bound to the advocate it answers;
 * the case id of the delivery is the mailbox id. Sealed like the intro, under its own label
 * (platform/vault linkJoin.ts), and padded to a relay bucket.
 */
export const LinkJoin = z.strictObject({
  v: z.literal(LINK_FORMAT_VERSION),
  type: z.literal('join'),
  mailbox: MailboxId,
  ecdh: SigningKey,
  signing: SigningKey,
  /** The advocate's ECDSA identity key this join answers. */
  advocate: SigningKey,
  /** When she joined (her clock, ms): shown to the advocate, proves nothing. */
  createdAt: z.number().int().min(0),
  delivery: CaseKeyDelivery,
  sig: Signature,
});
export type LinkJoin = z.infer<typeof LinkJoin>;

/** The exact text a join's signature covers: every field, the delivery's included, in a fixed order. */
export function linkJoinSignatureInput(join: Omit<LinkJoin, 'sig'>): string {
  const d = join.delivery;
  return `waymark/v1/link-join|${join.v}|${join.mailbox}|${join.ecdh}|${join.signing}|${join.advocate}|${join.createdAt}|${d.v}|${d.case}|${d.epoch}|${d.recipient}|${d.ephemeral}|${d.iv}|${d.wrapped}|${d.sig}`;
}
