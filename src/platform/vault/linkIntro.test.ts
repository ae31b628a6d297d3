import { describe, expect, it } from 'vitest';
import { RELAY } from '../../shared/protocol/relay';
import { randomBytes, toBase64Url } from './bytes';
import { createIdentity } from './identity';
import { isLinkError } from './linkErrors';
import { type LinkIntroContext, openLinkIntro, sealIntroPayload, sealLinkIntro } from './linkIntro';

const id = () => toBase64Url(randomBytes(16));
const context = (): LinkIntroContext => ({ mailbox: id(), invite: id(), messageId: id() });

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return isLinkError(error) ? error.code : 'other';
  }
  return undefined;
}

describe('the advocate intro', () => {
  it('round-trips the advocate public identity in one relay bucket', async () => {
    const { identity } = await createIdentity();
    const ctx = context();
    const sealed = await sealLinkIntro(identity, ctx, 1700000000000);
    expect(RELAY.messageBuckets).toContain(sealed.length);
    const opened = await openLinkIntro(sealed, ctx);
    expect(opened.identity).toEqual({ signingPublic: identity.signingPublic, ecdhPublic: identity.ecdhPublic });
    expect(opened.intro.createdAt).toBe(1700000000000);
  });

  it('refuses a flipped bit, another invite, another mailbox or another message id as tampered', async () => {
    const { identity } = await createIdentity();
    const ctx = context();
    const sealed = await sealLinkIntro(identity, ctx, 1);
    const flipped = sealed.slice();
    flipped[40] = (flipped[40] ?? 0) ^ 1;
    expect(await code(openLinkIntro(flipped, ctx))).toBe('tampered');
    expect(await code(openLinkIntro(sealed, { ...ctx, invite: id() }))).toBe('tampered');
    expect(await code(openLinkIntro(sealed, { ...ctx, mailbox: id() }))).toBe('tampered');
    expect(await code(openLinkIntro(sealed, { ...ctx, messageId: id() }))).toBe('tampered');
  });

  it('refuses keys swapped after signing (bad_signature) and an intro signed for another mailbox (wrong_case)', async () => {
    const { identity } = await createIdentity();
    const { identity: other } = await createIdentity();
    const ctx = context();
    const { intro } = await openLinkIntro(await sealLinkIntro(identity, ctx, 1), ctx);
    const swapped = { ...intro, ecdh: toBase64Url(other.ecdhPublic) };
    expect(await code(openLinkIntro(await sealIntroPayload(swapped, ctx), ctx))).toBe('bad_signature');
    const elsewhere = context();
    const moved = { ...ctx, mailbox: elsewhere.mailbox };
    expect(await code(openLinkIntro(await sealIntroPayload(intro, moved), moved))).toBe('wrong_case');
  });
});
