// Making an invitation against real IndexedDB and WebCrypto in Chromium, with a stand-in relay: what
// is registered, what is stored, and the intro that waits for the mailbox to open.
import { describe, expect, it } from 'vitest';
import { freshVaultEachTest } from '../platform/store/testing';
import { createIdentity, fromBase64Url, openLinkIntro, toBase64Url } from '../platform/vault';
import { parseInvitationQr, parseShortCode } from '../shared/protocol/link';
import type { AppendMessageRequest, CreateInviteRequest } from '../shared/protocol/relay';
import { INVITE_TTL_MS, caseStatus, createInvitation, invitationCodes, postIntro } from './invitations';
import { RelayCallError, type RelayPort } from './relayAdapter';
import { cases } from './repository';

freshVaultEachTest();

const RELAY_ORIGIN = 'http://127.0.0.1:8080';
const NOW = 1_800_000_000_000;

/** A relay that records what it is sent; the mailbox stays closed until `open` is set. */
function fakeRelay(options: { refuseInvite?: boolean } = {}) {
  const invites: { key: string; request: CreateInviteRequest }[] = [];
  const appended: { key: string; mailbox: string; request: AppendMessageRequest }[] = [];
  const state = { open: false };
  const relay: RelayPort = {
    async createInvite(key, request) {
      if (options.refuseInvite) throw new RelayCallError('rate_limited');
      invites.push({ key: toBase64Url(key.publicRaw), request });
      return { mailbox: request.mailbox, expiresAt: NOW + (request.ttlMs ?? 0) };
    },
    async appendMessage(key, mailbox, request) {
      if (!state.open) throw new RelayCallError('unknown_mailbox');
      appended.push({ key: toBase64Url(key.publicRaw), mailbox, request });
      return { seq: appended.length, receivedAt: NOW, duplicate: false };
    },
    async readMessages() {
      return { messages: [], next: 0, more: false };
    },
  };
  return { relay, invites, appended, state };
}

describe('an invitation', () => {
  it('registers a fresh mailbox and invite under a key of its own, and stores the case with its label', async () => {
    const { identity } = await createIdentity();
    const fake = fakeRelay();
    const created = await createInvitation(fake.relay, RELAY_ORIGIN, identity, '  Case 14  ', NOW);
    expect(fake.invites).toHaveLength(1);
    const [sent] = fake.invites;
    expect(sent?.request).toEqual({ invite: created.value.invite, mailbox: created.value.mailbox, ttlMs: INVITE_TTL_MS });
    // The mailbox key is the case's own: never the identity's signing key, which the relay never sees.
    expect(sent?.key).toBe(created.value.mailboxKey.publicRaw);
    expect(sent?.key).not.toBe(toBase64Url(identity.signingPublic));
    expect(created.value.label).toBe('Case 14');
    expect(created.value.expiresAt).toBe(NOW + INVITE_TTL_MS);
    expect(caseStatus(created.value, NOW)).toBe('waiting');
    expect(caseStatus(created.value, NOW + INVITE_TTL_MS)).toBe('expired');
    const listed = await cases.list();
    expect(listed).toEqual([{ id: created.id, value: created.value }]);
  });

  it('shows a QR with the case and her identity keys, and a short code of the same invite token', async () => {
    const { identity } = await createIdentity();
    const created = await createInvitation(fakeRelay().relay, RELAY_ORIGIN, identity, 'JM', NOW);
    const { qr, shortCode } = invitationCodes(created.value, identity);
    expect(parseInvitationQr(qr)).toEqual({
      v: 1,
      relay: RELAY_ORIGIN,
      mailbox: created.value.mailbox,
      invite: created.value.invite,
      ecdh: toBase64Url(identity.ecdhPublic),
      signing: toBase64Url(identity.signingPublic),
    });
    expect(parseShortCode(shortCode)).toBe(created.value.invite);
  });

  it('keeps the intro until the mailbox opens, then posts it once, signed, under a fixed id', async () => {
    const { identity } = await createIdentity();
    const fake = fakeRelay();
    const created = await createInvitation(fake.relay, RELAY_ORIGIN, identity, 'JM', NOW);
    expect(created.value.intro.posted).toBe(false);
    expect(fake.appended).toHaveLength(0);

    fake.state.open = true;
    const posted = await postIntro(fake.relay, created);
    expect(posted.intro.posted).toBe(true);
    expect((await cases.get(created.id))?.intro.posted).toBe(true);
    expect(await postIntro(fake.relay, { id: created.id, value: posted })).toEqual(posted);
    expect(fake.appended).toHaveLength(1);

    const [message] = fake.appended;
    expect(message?.mailbox).toBe(created.value.mailbox);
    expect(message?.request.id).toBe(created.value.intro.id);
    const opened = await openLinkIntro(fromBase64Url(message?.request.ciphertext ?? ''), { mailbox: created.value.mailbox, invite: created.value.invite, messageId: created.value.intro.id });
    expect(opened.identity).toEqual({ signingPublic: identity.signingPublic, ecdhPublic: identity.ecdhPublic });
  });

  it('stores nothing when the relay refuses it', async () => {
    const { identity } = await createIdentity();
    await expect(createInvitation(fakeRelay({ refuseInvite: true }).relay, RELAY_ORIGIN, identity, 'JM', NOW)).rejects.toMatchObject({ name: 'RelayCallError', code: 'rate_limited' });
    expect(await cases.list()).toEqual([]);
  });
});
