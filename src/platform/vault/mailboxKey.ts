// A case's mailbox key: the ECDSA P-256 key that signs this device's relay requests for one case
// (DESIGN §7: one mailbox key per case, so the relay cannot tie an advocate's caseload together
// through a shared key, and never the identity key, which the relay never sees). Kept like the
// identity: PKCS8 exported once into a record stored inside the vault, imported non-extractable
// with usage ['sign'] after unlock.

import { z } from 'zod';
import { fromBase64Url, zero } from './bytes';
import { type CreateIdentityOptions, IdentityKeyPair, exportPair } from './identity';
import { LinkError } from './linkErrors';
import type { RequestSigningKey } from './requestSigning';

export const MailboxKeyRecord = IdentityKeyPair.extend({ version: z.literal(1) });
export type MailboxKeyRecord = z.infer<typeof MailboxKeyRecord>;

/** A new mailbox key: the record to store inside the vault, and the key imported for use now. */
export async function createMailboxKey(options: CreateIdentityOptions = {}): Promise<{ record: MailboxKeyRecord; key: RequestSigningKey }> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const record: MailboxKeyRecord = { version: 1, ...(await exportPair(pair, options)) };
  return { record, key: await importMailboxKey(record) };
}

/** Imports a stored mailbox key record: private key non-extractable, sign only. */
export async function importMailboxKey(stored: unknown): Promise<RequestSigningKey> {
  const parsed = MailboxKeyRecord.safeParse(stored);
  if (!parsed.success) throw new LinkError('malformed', 'mailbox key record');
  const pkcs8 = fromBase64Url(parsed.data.pkcs8);
  try {
    const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    return { privateKey, publicRaw: fromBase64Url(parsed.data.publicRaw) };
  } catch {
    throw new LinkError('malformed', 'mailbox key');
  } finally {
    zero(pkcs8);
  }
}
