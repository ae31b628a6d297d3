// Reading the survivor's join on the advocate's device, against real IndexedDB and WebCrypto in
// Chromium, with a stand-in relay: a valid join is verified and kept; a forged one is skipped.
import { describe, expect, it } from 'vitest';
import { freshVaultEachTest } from '../platform/store/testing';
import { createIdentity, fromBase64Url, newCaseKey, newId, sealLinkJoin, toBase64Url } from '../platform/vault';
import type { RelayMessage } from '../shared/protocol/relay';
import { caseStatus, createInvitation } from './invitations';
import { pollCases, readJoin } from './joins';
import { RelayCallError, type RelayPort } from './relayAdapter';
import { cases } from './repository';

freshVaultEachTest();

const NOW = 1_800_000_000_000;

/** A relay with one mailbox per invite, opened when `open` is called (as consuming the invite does). */
function fakeRelay() {
  const messages: RelayMessage[] = [];
  const state = { open: false };
  const append = (sender: string, id: string, ciphertext: string) => messages.push({ id, seq: messages.length + 1, sender, receivedAt: NOW, ciphertext });
  const relay: RelayPort = {
    async createInvite(_key, request) {
      return { mailbox: request.mailbox, expiresAt: NOW + (request.ttlMs ?? 0) };
    },
    async appendMessage(key, _mailbox, request) {
      if (!state.open) throw new RelayCallError('unknown_mailbox');
      append(toBase64Url(key.publicRaw), request.id, request.ciphertext);
      return { seq: messages.length, receivedAt: NOW, duplicate: false };
    },
    async readMessages(_key, _mailbox, after) {
      return { messages: messages.filter((m) => m.seq > after), next: messages.length, more: false };
    },
  };
  return { relay, state, messages, append };
}

describe("the survivor's join, on the advocate's device", () => {
  it('posts the intro once the mailbox opens, skips a forged join, keeps the valid one with its case key', async () => {
    const advocate = (await createIdentity()).identity;
    const fake = fakeRelay();
    const created = await createInvitation(fake.relay, 'http://127.0.0.1:8080', advocate, 'Case 3', NOW);
    const { mailbox, invite } = created.value;

    // Closed mailbox: nothing changes.
    expect(await pollCases(fake.relay, advocate, [created], NOW)).toEqual([]);

    fake.state.open = true;
    const survivor = (await createIdentity()).identity;
    const caseKey = newCaseKey(1);
    const survivorKey = toBase64Url(survivor.signingPublic);
    // A join sealed with the right invite but answering another advocate: refused, skipped.
    const stranger = (await createIdentity()).identity;
    const forgedId = newId();
    const forged = await sealLinkJoin({ identity: survivor, advocate: stranger, caseKey, createdAt: NOW }, { mailbox, invite, messageId: forgedId });
    fake.append(survivorKey, forgedId, toBase64Url(forged));
    const joinId = newId();
    const sealed = await sealLinkJoin({ identity: survivor, advocate, caseKey, createdAt: NOW }, { mailbox, invite, messageId: joinId });
    fake.append(survivorKey, joinId, toBase64Url(sealed));

    const [changed] = await pollCases(fake.relay, advocate, [created], NOW);
    expect(changed?.value.intro.posted).toBe(true);
    expect(changed?.value.survivor).toEqual({ ecdh: toBase64Url(survivor.ecdhPublic), signing: toBase64Url(survivor.signingPublic) });
    expect(fromBase64Url(changed?.value.caseKey?.key ?? '')).toEqual(caseKey.key);
    expect(caseStatus(changed?.value ?? created.value, NOW)).toBe('joined');
    expect((await cases.get(created.id))?.survivor).toEqual(changed?.value.survivor);
  });

  it('keeps nothing when every message is forged or tampered', async () => {
    const advocate = (await createIdentity()).identity;
    const fake = fakeRelay();
    fake.state.open = true;
    const created = await createInvitation(fake.relay, 'http://127.0.0.1:8080', advocate, 'Case 4', NOW);
    const survivor = (await createIdentity()).identity;
    const joinId = newId();
    const sealed = await sealLinkJoin({ identity: survivor, advocate, caseKey: newCaseKey(1), createdAt: NOW }, { mailbox: created.value.mailbox, invite: created.value.invite, messageId: joinId });
    sealed[50] = (sealed[50] ?? 0) ^ 1;
    fake.append(toBase64Url(survivor.signingPublic), joinId, toBase64Url(sealed));
    const value = await readJoin(fake.relay, created, advocate);
    expect(value.survivor).toBeNull();
    expect((await cases.get(created.id))?.survivor).toBeNull();
  });
});
