// The advocate's intro message (wire shape: shared/protocol/link.ts): her identity public keys, signed
// by her identity signing key, sealed for the case's mailbox under a key only an invite holder has.
//
//   key    = HKDF-SHA256(invite token's 16 bytes, salt = empty, info = UTF-8 "waymark/v1/link-intro-key|<mailbox>")
//   sealed = caseCrypto's layout under that key, epoch 1, the message's client-made id in the AAD
//
// The relay sees the invite token when the invite is registered, so this key keeps the advocate's keys
// from other readers of the relay's data, not from the relay itself. What stops a relay that swaps
// keys is the safety number, compared in person or on a call.

import { LINK_FORMAT_VERSION, LinkIntro, linkIntroSignatureInput } from '../../shared/protocol/link';
import { type Bytes, fromBase64Url, fromUtf8, toBase64Url, utf8, zero } from './bytes';
import { importCaseKey, openCaseMessage, sealCaseMessage } from './caseCrypto';
import { hkdfBytes } from './hkdf';
import type { DeviceIdentity } from './identity';
import { LinkError } from './linkErrors';
import { importVerifyKey } from './publicKeys';
import type { PublicIdentity } from './safetyNumber';

const ECDSA = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface LinkIntroContext {
  /** The case's mailbox id. */
  mailbox: string;
  /** The one-time invite token (base64url), from the QR or the short code. */
  invite: string;
  /** The relay message id the intro is posted under (bound into the AAD). */
  messageId: string;
}

async function introKey(ctx: LinkIntroContext): Promise<CryptoKey> {
  const token = fromBase64Url(ctx.invite);
  const raw = await hkdfBytes(token, new Uint8Array(0), utf8(`waymark/v1/link-intro-key|${ctx.mailbox}`), 32);
  zero(token);
  try {
    return await importCaseKey(raw);
  } finally {
    zero(raw);
  }
}

const sealContext = (ctx: LinkIntroContext) => ({ caseId: ctx.mailbox, epoch: 1, messageId: ctx.messageId });

/** Signs the advocate's intro with her identity key and seals it for the mailbox: one relay bucket long. */
export async function sealLinkIntro(identity: DeviceIdentity, ctx: LinkIntroContext, createdAt: number): Promise<Bytes> {
  const unsigned = { v: LINK_FORMAT_VERSION, type: 'intro', mailbox: ctx.mailbox, ecdh: toBase64Url(identity.ecdhPublic), signing: toBase64Url(identity.signingPublic), createdAt } as const;
  const sig = await crypto.subtle.sign(ECDSA, identity.signingPrivate, utf8(linkIntroSignatureInput(unsigned)));
  return sealIntroPayload(LinkIntro.parse({ ...unsigned, sig: toBase64Url(new Uint8Array(sig)) }), ctx);
}

/** Seals an intro as it is, signed or not: `sealLinkIntro`'s last step, exported so tests can forge one. */
export async function sealIntroPayload(intro: LinkIntro, ctx: LinkIntroContext): Promise<Bytes> {
  return sealCaseMessage(await introKey(ctx), sealContext(ctx), utf8(JSON.stringify(intro)));
}

/**
 * Opens and checks an intro: LinkError tampered (altered, or another invite's), malformed (not an
 * intro), wrong_case (signed for another mailbox) or bad_signature. Returns the advocate's public identity.
 */
export async function openLinkIntro(sealed: Uint8Array, ctx: LinkIntroContext): Promise<{ intro: LinkIntro; identity: PublicIdentity }> {
  const plain = await openCaseMessage(await introKey(ctx), sealContext(ctx), sealed);
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(plain));
  } catch {
    throw new LinkError('malformed', 'intro is not JSON');
  }
  const parsed = LinkIntro.safeParse(json);
  if (!parsed.success) throw new LinkError('malformed', 'not an intro');
  const intro = parsed.data;
  if (intro.mailbox !== ctx.mailbox) throw new LinkError('wrong_case', 'intro for another mailbox');
  const { sig, ...unsigned } = intro;
  const verifier = await importVerifyKey(fromBase64Url(intro.signing));
  const ok = await crypto.subtle.verify(ECDSA, verifier, fromBase64Url(sig), utf8(linkIntroSignatureInput(unsigned)));
  if (!ok) throw new LinkError('bad_signature', 'intro signature');
  return { intro, identity: { signingPublic: fromBase64Url(intro.signing), ecdhPublic: fromBase64Url(intro.ecdh) } };
}
