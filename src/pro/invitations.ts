// Making an invitation (issue 6, step 1): a per-case mailbox key, a mailbox id and a one-time invite
// token, registered on the relay; the intro sealed at once and posted when the mailbox opens (the
// relay opens a mailbox only when the survivor consumes the invite: see shared/protocol/link.ts).
import { type DeviceIdentity, createMailboxKey, importMailboxKey, newId, sealLinkIntro, toBase64Url } from '../platform/vault';
import { type LinkInvitation, encodeInvitationQr, formatShortCode } from '../shared/protocol/link';
import { type RelayPort, RelayCallError } from './relayAdapter';
import { cases } from './repository';
import type { AdvocateCase } from './schema';

/** How long an invitation stays open: three days, time to meet or call (the relay allows up to seven). */
export const INVITE_TTL_MS = 3 * 24 * 60 * 60 * 1000;

/** A case with its record id. */
export interface StoredCase {
  id: string;
  value: AdvocateCase;
}

/** Creates a case for `label`, registers its invite on the relay and stores it. Nothing is stored if the relay refuses. */
export async function createInvitation(relay: RelayPort, relayOrigin: string, identity: DeviceIdentity, label: string, now: number = Date.now()): Promise<StoredCase> {
  const { record: mailboxKey, key } = await createMailboxKey();
  const mailbox = newId();
  const invite = newId();
  const introId = newId();
  const created = await relay.createInvite(key, { invite, mailbox, ttlMs: INVITE_TTL_MS });
  const sealed = await sealLinkIntro(identity, { mailbox, invite, messageId: introId }, now);
  const value: AdvocateCase = {
    label: label.trim(),
    relay: relayOrigin,
    mailbox,
    invite,
    mailboxKey,
    createdAt: now,
    expiresAt: created.expiresAt,
    intro: { id: introId, sealed: toBase64Url(sealed), posted: false },
    survivor: null,
    confirmedAt: null,
  };
  const id = await cases.put(value);
  return { id, value: await postIntro(relay, { id, value }) };
}

/**
 * Posts a case's intro if the mailbox has opened; otherwise leaves it for next time. The message id is
 * fixed when the intro is sealed, so a retry after a lost answer is never appended twice.
 */
export async function postIntro(relay: RelayPort, stored: StoredCase): Promise<AdvocateCase> {
  const { value } = stored;
  if (value.intro.posted) return value;
  const key = await importMailboxKey(value.mailboxKey);
  try {
    await relay.appendMessage(key, value.mailbox, { id: value.intro.id, ciphertext: value.intro.sealed });
  } catch (error) {
    // Not joined yet (the mailbox opens on consumption), or the relay is away: try again later.
    if (error instanceof RelayCallError && (error.code === 'unknown_mailbox' || error.code === 'network' || error.code === 'rate_limited')) return value;
    throw error;
  }
  const next: AdvocateCase = { ...value, intro: { ...value.intro, posted: true } };
  await cases.put(next, stored.id);
  return next;
}

/** What the QR code and the short code show for a case. */
export function invitationCodes(value: AdvocateCase, identity: DeviceIdentity): { qr: string; shortCode: string } {
  const invitation: LinkInvitation = {
    v: 1,
    relay: value.relay,
    mailbox: value.mailbox,
    invite: value.invite,
    ecdh: toBase64Url(identity.ecdhPublic),
    signing: toBase64Url(identity.signingPublic),
  };
  return { qr: encodeInvitationQr(invitation), shortCode: formatShortCode(value.invite) };
}

/** Where a case stands, for the caseload. */
export type CaseStatus = 'waiting' | 'joined' | 'linked' | 'expired';

/** A case's status at `now`. */
export function caseStatus(value: AdvocateCase, now: number = Date.now()): CaseStatus {
  if (value.confirmedAt !== null) return 'linked';
  if (value.intro.posted || value.survivor !== null) return 'joined';
  return value.expiresAt <= now ? 'expired' : 'waiting';
}

