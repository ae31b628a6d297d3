// The survivor's side of pairing (issue 6 item 2, DESIGN §4 "Device keys and sharing"), without UI:
//
//   1. read the code: a short code (invite token only) or a QR's text (token, mailbox, her keys)
//   2. refuse in a duress vault (nothing may leave the phone from it), then prove her PIN again
//   3. a new mailbox key for this case; consume the invite (the relay opens the mailbox)
//   4. the advocate's keys: from the QR, or from her intro, read from the mailbox and verified
//   5. her device identity (made once, kept only inside a vault record) and a new case key
//   6. the join, sealed and signed, stored with the case first, then posted (a retry reuses its id)
//
// Nothing is shared until she confirms the safety number; a mismatch deletes the case and its keys.
import { readKeyFile, StoreError } from '../../platform/store';
import {
  type DeviceIdentity,
  type PublicIdentity,
  createIdentity,
  createMailboxKey,
  fromBase64Url,
  getBrowserDeriver,
  importIdentity,
  importMailboxKey,
  newCaseKey,
  newId,
  openLinkIntro,
  proveSecret,
  sealLinkJoin,
  toBase64Url,
} from '../../platform/vault';
import { type Settings, slotRolesRecord, syncAllowed } from '../settings';
import { readCode } from './code';
import { LinkFlowError } from './errors';
import { type LinkRelay, RelayCallError } from './relayPort';
import { identityRecord, linkedCases } from './repository';
import type { LinkedCase } from './schema';

/** How often to look for the advocate's intro while waiting for it. */
export const INTRO_POLL_MS = 2000;

/** Proves her PIN or passphrase again (this vault's own slot) without a new session. VaultError no_matching_slot when wrong. */
export async function provePin(secret: string): Promise<void> {
  const keyFile = await readKeyFile();
  const roles = await slotRolesRecord.read();
  if (!keyFile || !roles) throw new StoreError('damaged', 'key file or slot roles missing');
  const deriver = getBrowserDeriver();
  try {
    await proveSecret(keyFile, secret, deriver, roles);
  } finally {
    deriver.retire();
  }
}

/** Her device identity: imported from its vault record, or made once and stored there. */
export async function deviceIdentity(): Promise<DeviceIdentity> {
  const stored = await identityRecord.read();
  if (stored) return importIdentity(stored);
  const { record, identity } = await createIdentity();
  await identityRecord.write(record);
  return identity;
}

/** Her own public identity, for the safety number. */
export const publicOf = (identity: DeviceIdentity): PublicIdentity => ({ signingPublic: identity.signingPublic, ecdhPublic: identity.ecdhPublic });

/** The advocate's public identity as stored with a case. */
export const advocateOf = (value: LinkedCase): PublicIdentity => ({ signingPublic: fromBase64Url(value.advocate.signing), ecdhPublic: fromBase64Url(value.advocate.ecdh) });

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(new LinkFlowError('aborted'));
    const stop = () => (clearTimeout(timer), reject(new LinkFlowError('aborted')));
    const timer = setTimeout(() => (signal.removeEventListener('abort', stop), resolve()), ms);
    signal.addEventListener('abort', stop, { once: true });
  });

/**
 * Reads the mailbox until the advocate's intro arrives, and verifies it. Messages from her own key
 * are skipped; any other message that is not a valid intro is refused with its LinkError.
 */
async function awaitIntro(relay: LinkRelay, key: Awaited<ReturnType<typeof importMailboxKey>>, mailbox: string, invite: string, signal: AbortSignal) {
  const own = toBase64Url(key.publicRaw);
  let after = 0;
  for (;;) {
    const page = await relay.readMessages(key, mailbox, after);
    for (const message of page.messages) {
      if (message.sender === own) continue;
      const opened = await openLinkIntro(fromBase64Url(message.ciphertext), { mailbox, invite, messageId: message.id });
      return opened.intro;
    }
    after = page.next;
    if (!page.more) await sleep(INTRO_POLL_MS, signal);
  }
}

export interface StartLinkInput {
  code: string;
  label: string;
  secret: string;
  settings: Settings;
  relay: LinkRelay;
  signal: AbortSignal;
  /** Told when she starts waiting for the advocate's app (short code path). */
  onWaiting?: () => void;
  /** Proves her PIN again; `provePin` unless a test stands in for the key file. */
  prove?: (secret: string) => Promise<void>;
}

/** A link made and waiting for the safety number. */
export interface PendingLink {
  id: string;
  value: LinkedCase;
}

/**
 * Steps 1–6 above. Throws LinkFormatError (bad code), LinkFlowError (not_allowed, mailbox_mismatch,
 * aborted), VaultError no_matching_slot (wrong PIN), RelayCallError or LinkError (a bad intro).
 * Nothing is stored before the advocate's keys are known and verified.
 */
export async function startLink(input: StartLinkInput): Promise<PendingLink> {
  const code = readCode(input.code);
  if (!syncAllowed(input.settings)) throw new LinkFlowError('not_allowed');
  await (input.prove ?? provePin)(input.secret);

  const { record: mailboxKey, key } = await createMailboxKey();
  const consumed = await input.relay.consumeInvite(key, { invite: code.invite });
  const mailbox = consumed.mailbox;
  if (code.qr && code.qr.mailbox !== mailbox) throw new LinkFlowError('mailbox_mismatch');

  let advocate: LinkedCase['advocate'];
  if (code.qr) advocate = code.qr.advocate;
  else {
    input.onWaiting?.();
    const intro = await awaitIntro(input.relay, key, mailbox, code.invite, input.signal);
    advocate = { ecdh: intro.ecdh, signing: intro.signing };
  }

  const identity = await deviceIdentity();
  const caseKey = newCaseKey(1);
  const joinId = newId();
  const createdAt = Date.now();
  const sealed = await sealLinkJoin(
    { identity, advocate: { signingPublic: fromBase64Url(advocate.signing), ecdhPublic: fromBase64Url(advocate.ecdh) }, caseKey, createdAt },
    { mailbox, invite: code.invite, messageId: joinId },
  );
  const value: LinkedCase = {
    label: input.label.trim(),
    mailbox,
    invite: code.invite,
    mailboxKey,
    advocate,
    caseKey: { epoch: caseKey.epoch, key: toBase64Url(caseKey.key) },
    join: { id: joinId, sealed: toBase64Url(sealed), posted: false },
    createdAt,
    confirmedAt: null,
  };
  caseKey.key.fill(0);
  const id = await linkedCases.put(value);
  return { id, value: await postJoin(input.relay, { id, value }) };
}

/** Posts a case's join if it has not gone yet; a network failure leaves it for next time. */
export async function postJoin(relay: LinkRelay, pending: PendingLink): Promise<LinkedCase> {
  const { value } = pending;
  if (value.join.posted) return value;
  const key = await importMailboxKey(value.mailboxKey);
  try {
    await relay.appendMessage(key, value.mailbox, { id: value.join.id, ciphertext: value.join.sealed });
  } catch (error) {
    if (error instanceof RelayCallError && (error.code === 'network' || error.code === 'rate_limited')) return value;
    throw error;
  }
  const next: LinkedCase = { ...value, join: { ...value.join, posted: true } };
  await linkedCases.put(next, pending.id);
  return next;
}

/** Her links, undamaged ones only, oldest first. */
export async function listLinks(): Promise<PendingLink[]> {
  const listed = await linkedCases.list();
  const found = listed.flatMap((item) => (item.damaged ? [] : [{ id: item.id, value: item.value }]));
  return found.sort((a, b) => a.value.createdAt - b.value.createdAt);
}

/** She confirmed the safety numbers match: the link is made. */
export async function confirmLink(pending: PendingLink, now: number = Date.now()): Promise<PendingLink> {
  const value: LinkedCase = { ...pending.value, confirmedAt: now };
  await linkedCases.put(value, pending.id);
  return { id: pending.id, value };
}

/**
 * Removes a case and its keys from this device: after a mismatch (nothing was shared), or when she
 * unlinks (what was already shared stays with the advocate; rotating the case key comes later).
 */
export async function removeLink(id: string): Promise<void> {
  await linkedCases.delete(id);
}
