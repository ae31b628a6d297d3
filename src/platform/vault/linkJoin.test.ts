import { describe, expect, it } from 'vitest';
import { LinkJoin, linkJoinSignatureInput } from '../../shared/protocol/link';
import { RELAY } from '../../shared/protocol/relay';
import { fromBase64Url, fromUtf8, randomBytes, toBase64Url, utf8 } from './bytes';
import { importCaseKey, openCaseMessage } from './caseCrypto';
import { newCaseKey } from './caseKey';
import { hkdfBytes } from './hkdf';
import { type DeviceIdentity, createIdentity } from './identity';
import { isLinkError } from './linkErrors';
import { type LinkJoinContext, openLinkJoin, sealJoinPayload, sealLinkJoin } from './linkJoin';

const id = () => toBase64Url(randomBytes(16));
const context = (): LinkJoinContext => ({ mailbox: id(), invite: id(), messageId: id() });
const pub = (identity: DeviceIdentity) => ({ signingPublic: identity.signingPublic, ecdhPublic: identity.ecdhPublic });

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return isLinkError(error) ? error.code : 'other';
  }
  return undefined;
}

/** Opens a sealed join without checking it, as a forger who holds the invite could. */
async function readJoin(sealed: Uint8Array, ctx: LinkJoinContext): Promise<LinkJoin> {
  const raw = await hkdfBytes(fromBase64Url(ctx.invite), new Uint8Array(0), utf8(`waymark/v1/link-join-key|${ctx.mailbox}`), 32);
  const plain = await openCaseMessage(await importCaseKey(raw), { caseId: ctx.mailbox, epoch: 1, messageId: ctx.messageId }, sealed);
  return LinkJoin.parse(JSON.parse(fromUtf8(plain)));
}

async function setting() {
  const survivor = (await createIdentity()).identity;
  const advocate = (await createIdentity()).identity;
  const caseKey = newCaseKey(1);
  const ctx = context();
  const sealed = await sealLinkJoin({ identity: survivor, advocate: pub(advocate), caseKey, createdAt: 1700000000000 }, ctx);
  return { survivor, advocate, caseKey, ctx, sealed };
}

describe('the survivor join', () => {
  it('round-trips her public identity and the case key in one relay bucket', async () => {
    const { survivor, advocate, caseKey, ctx, sealed } = await setting();
    expect(RELAY.messageBuckets).toContain(sealed.length);
    const opened = await openLinkJoin(sealed, ctx, advocate);
    expect(opened.identity).toEqual(pub(survivor));
    expect(opened.caseKey).toEqual({ caseId: ctx.mailbox, epoch: 1, caseKey: caseKey.key });
    expect(opened.join.createdAt).toBe(1700000000000);
    expect(opened.join.advocate).toBe(toBase64Url(advocate.signingPublic));
  });

  it('refuses a flipped bit, another invite, another mailbox or another message id as tampered', async () => {
    const { advocate, ctx, sealed } = await setting();
    const flipped = sealed.slice();
    flipped[40] = (flipped[40] ?? 0) ^ 1;
    expect(await code(openLinkJoin(flipped, ctx, advocate))).toBe('tampered');
    expect(await code(openLinkJoin(sealed, { ...ctx, invite: id() }, advocate))).toBe('tampered');
    expect(await code(openLinkJoin(sealed, { ...ctx, mailbox: id() }, advocate))).toBe('tampered');
    expect(await code(openLinkJoin(sealed, { ...ctx, messageId: id() }, advocate))).toBe('tampered');
  });

  it('refuses swapped keys, an altered delivery or a bit flipped in the signature as bad_signature', async () => {
    const { advocate, ctx, sealed } = await setting();
    const join = await readJoin(sealed, ctx);
    const other = (await createIdentity()).identity;
    // A relay that swaps in its own ECDH key but cannot sign as her.
    const swapped = { ...join, ecdh: toBase64Url(other.ecdhPublic) };
    expect(await code(openLinkJoin(await sealJoinPayload(swapped, ctx), ctx, advocate))).toBe('bad_signature');
    const epoch = { ...join, delivery: { ...join.delivery, epoch: 2 } };
    expect(await code(openLinkJoin(await sealJoinPayload(epoch, ctx), ctx, advocate))).toBe('bad_signature');
    const sig = fromBase64Url(join.sig);
    sig[10] = (sig[10] ?? 0) ^ 1;
    expect(await code(openLinkJoin(await sealJoinPayload({ ...join, sig: toBase64Url(sig) }, ctx), ctx, advocate))).toBe('bad_signature');
  });

  it('refuses a join answering another advocate as wrong_recipient, and one signed for another mailbox as wrong_case', async () => {
    const { survivor, advocate, ctx, sealed } = await setting();
    const someoneElse = (await createIdentity()).identity;
    expect(await code(openLinkJoin(sealed, ctx, someoneElse))).toBe('wrong_recipient');

    // Properly signed by her, but for another mailbox, then sealed for this one.
    const join = await readJoin(sealed, ctx);
    const { sig: _sig, ...unsigned } = { ...join, mailbox: id() };
    const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, survivor.signingPrivate, utf8(linkJoinSignatureInput(unsigned)));
    const moved = { ...unsigned, sig: toBase64Url(new Uint8Array(sig)) };
    expect(await code(openLinkJoin(await sealJoinPayload(moved, ctx), ctx, advocate))).toBe('wrong_case');
  });

  it('refuses a delivery signed by another key than the join, even inside a validly signed join', async () => {
    const { advocate, ctx, sealed } = await setting();
    const join = await readJoin(sealed, ctx);
    // A relay re-signs the whole join with its own identity but keeps her delivery: the delivery's
    // signature must be by the join's own key, so the swap is refused.
    const relay = (await createIdentity()).identity;
    const { sig: _sig, ...rest } = join;
    const unsigned = { ...rest, ecdh: toBase64Url(relay.ecdhPublic), signing: toBase64Url(relay.signingPublic) };
    const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, relay.signingPrivate, utf8(linkJoinSignatureInput(unsigned)));
    const forged = { ...unsigned, sig: toBase64Url(new Uint8Array(sig)) };
    expect(await code(openLinkJoin(await sealJoinPayload(forged, ctx), ctx, advocate))).toBe('bad_signature');
  });

  it('refuses something that is not a join as malformed', async () => {
    const { advocate, ctx, sealed } = await setting();
    const join = await readJoin(sealed, ctx);
    const notJoin = { ...join, type: 'intro' } as unknown as LinkJoin;
    expect(await code(openLinkJoin(await sealJoinPayload(notJoin, ctx), ctx, advocate))).toBe('malformed');
    expect(LinkJoin.safeParse({ ...join, extra: 1 }).success).toBe(false);
  });
});
