// Reading the survivor's join (issue 6 item 2): once her app has consumed the invite and read the
// intro, it posts a join to the mailbox: her identity keys and the case key wrapped to this device,
// signed by her identity key (platform/vault linkJoin.ts). The caseload polls open cases: it posts
// intros that could not go yet, and reads joins. A join is verified before anything is kept; one that
// fails any check (tampered, mis-signed, for another advocate or mailbox) is skipped, never applied.
import { type DeviceIdentity, fromBase64Url, importMailboxKey, isLinkError, openLinkJoin, toBase64Url } from '../platform/vault';
import { type StoredCase, caseStatus, postIntro } from './invitations';
import type { RelayPort } from './relayAdapter';
import { cases } from './repository';
import type { AdvocateCase } from './schema';

/** How often the caseload looks for intros to post and joins to read while it is open. */
export const POLL_MS = 3000;

/** Reads a case's mailbox for a valid join; stores her keys and the case key, or returns the case unchanged. */
export async function readJoin(relay: RelayPort, stored: StoredCase, identity: DeviceIdentity): Promise<AdvocateCase> {
  const { value } = stored;
  if (value.survivor !== null) return value;
  const key = await importMailboxKey(value.mailboxKey);
  const own = toBase64Url(key.publicRaw);
  let after = 0;
  for (;;) {
    const page = await relay.readMessages(key, value.mailbox, after);
    for (const message of page.messages) {
      if (message.sender === own) continue;
      try {
        const opened = await openLinkJoin(fromBase64Url(message.ciphertext), { mailbox: value.mailbox, invite: value.invite, messageId: message.id }, identity);
        const next: AdvocateCase = {
          ...value,
          survivor: { ecdh: opened.join.ecdh, signing: opened.join.signing },
          caseKey: { epoch: opened.caseKey.epoch, key: toBase64Url(opened.caseKey.caseKey) },
        };
        opened.caseKey.caseKey.fill(0);
        await cases.put(next, stored.id);
        return next;
      } catch (error) {
        if (!isLinkError(error)) throw error;
      }
    }
    if (!page.more) return value;
    after = page.next;
  }
}

/** One pass over the open cases: intros posted, joins read. Returns the cases that changed. */
export async function pollCases(relay: RelayPort, identity: DeviceIdentity, caseload: readonly StoredCase[], now: number = Date.now()): Promise<StoredCase[]> {
  const changed: StoredCase[] = [];
  for (const item of caseload) {
    if (item.value.survivor !== null || caseStatus(item.value, now) === 'expired') continue;
    try {
      let value = await postIntro(relay, item);
      if (value.intro.posted) value = await readJoin(relay, { id: item.id, value }, identity);
      if (value !== item.value) changed.push({ id: item.id, value });
    } catch {
      // The relay is away or refused this once: the next pass tries again.
    }
  }
  return changed;
}
