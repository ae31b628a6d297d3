// The survivor's side of linking against real IndexedDB and WebCrypto in Chromium, with a stand-in
// relay holding one mailbox in memory and the advocate played by a device identity made here.
import { describe, expect, it } from 'vitest';
import { freshVaultEachTest } from '../../platform/store/testing';
import { type DeviceIdentity, VaultError, createIdentity, fromBase64Url, isLinkError, newId, openLinkJoin, sealLinkIntro, toBase64Url } from '../../platform/vault';
import { encodeInvitationQr, formatShortCode } from '../../shared/protocol/link';
import type { RelayMessage } from '../../shared/protocol/relay';
import { defaultSettings } from '../settings';
import { LinkFlowError } from './errors';
import { confirmLink, deviceIdentity, listLinks, removeLink, startLink } from './linkOps';
import { type LinkRelay, RelayCallError } from './relayPort';
import { identityRecord } from './repository';

freshVaultEachTest();

const NOW = 1_800_000_000_000;
const settings = defaultSettings('en');
const proveOk = async () => undefined;

/** One mailbox behind one invite; the advocate's intro is appended when `withIntro`. */
async function setting(options: { withIntro?: boolean; tamperIntro?: boolean } = {}) {
  const advocate = (await createIdentity()).identity;
  const mailbox = newId();
  const invite = newId();
  const messages: RelayMessage[] = [];
  const calls: string[] = [];
  const append = (sender: string, id: string, ciphertext: string) => messages.push({ id, seq: messages.length + 1, sender, receivedAt: NOW, ciphertext });
  if (options.withIntro ?? true) {
    const introId = newId();
    const sealed = await sealLinkIntro(advocate, { mailbox, invite, messageId: introId }, NOW);
    if (options.tamperIntro) sealed[30] = (sealed[30] ?? 0) ^ 1;
    append(toBase64Url(advocate.signingPublic), introId, toBase64Url(sealed));
  }
  const relay: LinkRelay = {
    async consumeInvite(_key, request) {
      calls.push('consume');
      if (request.invite !== invite) throw new RelayCallError('unknown_invite');
      return { mailbox, head: messages.length };
    },
    async readMessages(_key, _mailbox, after) {
      calls.push('read');
      return { messages: messages.filter((m) => m.seq > after), next: messages.length, more: false };
    },
    async appendMessage(key, _mailbox, request) {
      calls.push('append');
      append(toBase64Url(key.publicRaw), request.id, request.ciphertext);
      return { seq: messages.length, receivedAt: NOW, duplicate: false };
    },
  };
  const qr = encodeInvitationQr({ v: 1, relay: 'http://127.0.0.1:8080', mailbox, invite, ecdh: toBase64Url(advocate.ecdhPublic), signing: toBase64Url(advocate.signingPublic) });
  return { advocate, mailbox, invite, messages, calls, relay, qr, shortCode: formatShortCode(invite) };
}

const signal = () => new AbortController().signal;

/** The advocate's reading of the last message: the join, verified and opened. */
async function advocateReads(world: { advocate: DeviceIdentity; mailbox: string; invite: string; messages: RelayMessage[] }) {
  const last = world.messages.at(-1);
  if (!last) throw new Error('no join');
  return openLinkJoin(fromBase64Url(last.ciphertext), { mailbox: world.mailbox, invite: world.invite, messageId: last.id }, world.advocate);
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('linking an advocate, her side', () => {
  it('with a short code: reads the verified intro, posts a join the advocate opens, keeps the case unconfirmed', async () => {
    const world = await setting();
    const link = await startLink({ code: world.shortCode, label: '  Priya  ', secret: '123456', settings, relay: world.relay, signal: signal(), prove: proveOk });
    expect(world.calls).toEqual(['consume', 'read', 'append']);
    expect(link.value).toMatchObject({ label: 'Priya', mailbox: world.mailbox, confirmedAt: null, advocate: { ecdh: toBase64Url(world.advocate.ecdhPublic), signing: toBase64Url(world.advocate.signingPublic) } });
    expect(link.value.join.posted).toBe(true);

    const opened = await advocateReads(world);
    const mine = await deviceIdentity();
    expect(opened.identity).toEqual({ signingPublic: mine.signingPublic, ecdhPublic: mine.ecdhPublic });
    expect(toBase64Url(opened.caseKey.caseKey)).toBe(link.value.caseKey.key);
    // Her join goes under her mailbox key, never her identity key (the relay never sees that).
    expect(world.messages.at(-1)?.sender).toBe(toBase64Url(fromBase64Url(link.value.mailboxKey.publicRaw)));
    expect(world.messages.at(-1)?.sender).not.toBe(toBase64Url(mine.signingPublic));

    const confirmed = await confirmLink(link, NOW);
    expect((await listLinks()).map((l) => l.value.confirmedAt)).toEqual([NOW]);
    await removeLink(confirmed.id);
    expect(await listLinks()).toEqual([]);
  });

  it('with a QR text: takes the keys from it, needs no intro, and makes her identity only once', async () => {
    const world = await setting({ withIntro: false });
    await startLink({ code: world.qr, label: 'Priya', secret: '123456', settings, relay: world.relay, signal: signal(), prove: proveOk });
    expect(world.calls).toEqual(['consume', 'append']);
    await advocateReads(world);
    const first = await identityRecord.read();

    const again = await setting({ withIntro: false });
    await startLink({ code: again.qr, label: 'Sam', secret: '123456', settings, relay: again.relay, signal: signal(), prove: proveOk });
    expect(await identityRecord.read()).toEqual(first);
    expect((await listLinks()).map((l) => l.value.label)).toEqual(['Priya', 'Sam']);
  });

  it('refuses in a duress vault before the PIN or the relay, keeping nothing', async () => {
    const world = await setting();
    let proved = false;
    const error = await failure(
      startLink({ code: world.shortCode, label: 'Priya', secret: '123456', settings: { ...settings, noSync: true }, relay: world.relay, signal: signal(), prove: async () => void (proved = true) }),
    );
    expect(error).toBeInstanceOf(LinkFlowError);
    expect((error as LinkFlowError).code).toBe('not_allowed');
    expect(proved).toBe(false);
    expect(world.calls).toEqual([]);
    expect(await listLinks()).toEqual([]);
    expect(await identityRecord.read()).toBeUndefined();
  });

  it('refuses a wrong PIN before the relay', async () => {
    const world = await setting();
    const error = await failure(
      startLink({ code: world.shortCode, label: 'Priya', secret: '000000', settings, relay: world.relay, signal: signal(), prove: () => Promise.reject(new VaultError('no_matching_slot')) }),
    );
    expect(error).toBeInstanceOf(VaultError);
    expect(world.calls).toEqual([]);
  });

  it('refuses a tampered intro by name, posting and keeping nothing', async () => {
    const world = await setting({ tamperIntro: true });
    const error = await failure(startLink({ code: world.shortCode, label: 'Priya', secret: '123456', settings, relay: world.relay, signal: signal(), prove: proveOk }));
    expect(isLinkError(error, 'tampered')).toBe(true);
    expect(world.calls).toEqual(['consume', 'read']);
    expect(await listLinks()).toEqual([]);
    expect(await identityRecord.read()).toBeUndefined();
  });

  it('refuses a QR whose mailbox is not the one the relay opened', async () => {
    const world = await setting({ withIntro: false });
    const other = await setting({ withIntro: false });
    // The other world's QR text, but this world's invite: the relay opens a different mailbox.
    const qr = JSON.parse(other.qr) as Record<string, string>;
    const forged = JSON.stringify({ ...qr, invite: world.invite });
    const error = await failure(startLink({ code: forged, label: 'Priya', secret: '123456', settings, relay: world.relay, signal: signal(), prove: proveOk }));
    expect(error).toBeInstanceOf(LinkFlowError);
    expect((error as LinkFlowError).code).toBe('mailbox_mismatch');
    expect(world.calls).toEqual(['consume']);
    expect(await listLinks()).toEqual([]);
  });

  it('stops waiting for the intro when she asks', async () => {
    const world = await setting({ withIntro: false });
    const controller = new AbortController();
    const started = startLink({ code: world.shortCode, label: 'Priya', secret: '123456', settings, relay: world.relay, signal: controller.signal, prove: proveOk, onWaiting: () => controller.abort() });
    const error = await failure(started);
    expect(error).toBeInstanceOf(LinkFlowError);
    expect((error as LinkFlowError).code).toBe('aborted');
    expect(await listLinks()).toEqual([]);
  });
});
