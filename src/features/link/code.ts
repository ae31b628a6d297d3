// Reading what she typed or pasted: a short code (the invite token only) or a QR's JSON text (token,
// mailbox and the advocate's keys). Pure: no storage, no network.
import { parseInvitationQr, parseShortCode } from '../../shared/protocol/link';
import type { InviteToken } from '../../shared/protocol/relay';

/** What a typed code or pasted QR text gives. */
export interface ReadCode {
  invite: InviteToken;
  /** From a QR only: the mailbox and the advocate's keys, so no intro is needed. */
  qr?: { mailbox: string; advocate: { ecdh: string; signing: string } };
}

/** Reads a short code, or a QR's JSON text. Throws LinkFormatError (its codes name what is wrong). */
export function readCode(text: string): ReadCode {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const invitation = parseInvitationQr(trimmed);
    return { invite: invitation.invite, qr: { mailbox: invitation.mailbox, advocate: { ecdh: invitation.ecdh, signing: invitation.signing } } };
  }
  return { invite: parseShortCode(trimmed) };
}
