// What the advocate's device keeps, each inside an encrypted vault record (platform/store). The
// labels she gives survivors live only here, on her device: the relay never sees one.
import { z } from 'zod';
import { IdentityRecord, MailboxKeyRecord } from '../platform/vault';
import { RelayOrigin } from '../shared/protocol/link';
import { Epoch } from '../shared/protocol/caseKey';
import { InviteToken, MailboxId, MessageId, SigningKey, base64urlLength } from '../shared/protocol/relay';

/** A label is what she calls the survivor on her own device: initials or a case reference. */
export const LABEL_MAX = 60;

/** The intro message, sealed when the invitation is made and posted once the mailbox opens. */
export const PendingIntro = z.object({
  id: MessageId,
  /** The sealed intro, base64url (one relay bucket). */
  sealed: z.string().max(2000),
  posted: z.boolean(),
});
export type PendingIntro = z.infer<typeof PendingIntro>;

/** One case: a survivor invited (and later linked), under her label. */
export const AdvocateCase = z.object({
  label: z.string().trim().min(1).max(LABEL_MAX),
  relay: RelayOrigin,
  mailbox: MailboxId,
  invite: InviteToken,
  /** This case's own relay signing key (DESIGN §7): no key ties her caseload together. */
  mailboxKey: MailboxKeyRecord,
  createdAt: z.number().int(),
  expiresAt: z.number().int(),
  intro: PendingIntro,
  /** The survivor's identity public keys, once her app has joined and sent them. */
  survivor: z.object({ ecdh: SigningKey, signing: SigningKey }).nullable(),
  /** The case key the survivor delivered in her join (32 bytes, base64url), kept only inside this record. */
  caseKey: z
    .object({ epoch: Epoch, key: z.string().refine((text) => base64urlLength(text) === 32, 'case key: not 32 bytes') })
    .nullable()
    .optional(),
  /** When the two compared safety numbers and she confirmed they matched. */
  confirmedAt: z.number().int().nullable(),
});
export type AdvocateCase = z.infer<typeof AdvocateCase>;

export { IdentityRecord };
