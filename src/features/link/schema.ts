// What her device keeps about a link, each inside an encrypted vault record (platform/store). The
// label she gives her advocate lives only here: the relay never sees it.
import { z } from 'zod';
import { MailboxKeyRecord } from '../../platform/vault';
import { Epoch } from '../../shared/protocol/caseKey';
import { InviteToken, MailboxId, MessageId, SigningKey, base64urlLength } from '../../shared/protocol/relay';

/** What she calls her advocate, on her own device. */
export const LABEL_MAX = 60;

/** 32 bytes of canonical base64url: the case key, kept only inside this encrypted record. */
const CaseKeyBytes = z
  .string()
  .length(43)
  .refine((text) => base64urlLength(text) === 32, 'case key: not 32 bytes');

/** One link with an advocate. */
export const LinkedCase = z.object({
  label: z.string().trim().min(1).max(LABEL_MAX),
  mailbox: MailboxId,
  invite: InviteToken,
  /** This case's own relay signing key (DESIGN §7). */
  mailboxKey: MailboxKeyRecord,
  /** The advocate's identity public keys, from the QR or her verified intro. */
  advocate: z.object({ ecdh: SigningKey, signing: SigningKey }),
  caseKey: z.object({ epoch: Epoch, key: CaseKeyBytes }),
  /**
   * The join message, fixed when sealed so a retry is never appended twice. `sealed` is one relay
   * bucket in base64url: a join fits the 1 KiB bucket; the bound allows the 4 KiB one.
   */
  join: z.object({ id: MessageId, sealed: z.string().max(5462), posted: z.boolean() }),
  createdAt: z.number().int(),
  /** When she confirmed the safety numbers matched; until then nothing is shared. */
  confirmedAt: z.number().int().nullable(),
});
export type LinkedCase = z.infer<typeof LinkedCase>;
