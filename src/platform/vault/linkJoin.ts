// The survivor's join message (wire shape: shared/protocol/link.ts LinkJoin): her identity public
// keys and the case key wrapped to the advocate (caseKey.ts), all signed by her identity signing key,
// sealed for the case's mailbox like the intro, under a key of its own:
//
//   key    = HKDF-SHA256(invite token's 16 bytes, salt = empty, info = UTF-8 "waymark/v1/link-join-key|<mailbox>")
//   sealed = caseCrypto's layout under that key, epoch 1, the message's client-made id in the AAD
//
// As with the intro, the relay saw the invite token, so this seal keeps her keys from other readers
// of the relay's data, not from the relay; the safety number is what catches a relay that swaps keys.
// The case key inside is safe from the relay either way: it is wrapped to the advocate's ECDH key.

import { LINK_FORMAT_VERSION, LinkJoin, linkJoinSignatureInput } from '../../shared/protocol/link';
import { type Bytes, equalBytes, fromBase64Url, fromUtf8, toBase64Url, utf8, zero } from './bytes';
import { importCaseKey, openCaseMessage, sealCaseMessage } from './caseCrypto';
import { type CaseKey, type UnwrappedCaseKey, unwrapCaseKey, wrapCaseKey } from './caseKey';
import { hkdfBytes } from './hkdf';
import type { DeviceIdentity } from './identity';
import { LinkError } from './linkErrors';
import { importVerifyKey } from './publicKeys';
import type { PublicIdentity } from './safetyNumber';

const ECDSA = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface LinkJoinContext {
  /** The case's mailbox id (also the case id of the key delivery). */
  mailbox: string;
  /** The one-time invite token (base64url), from the QR or the short code. */
  invite: string;
  /** The relay message id the join is posted under (bound into the AAD). */
  messageId: string;
}

async function joinKey(ctx: LinkJoinContext): Promise<CryptoKey> {
  const token = fromBase64Url(ctx.invite);
  const raw = await hkdfBytes(token, new Uint8Array(0), utf8(`waymark/v1/link-join-key|${ctx.mailbox}`), 32);
  zero(token);
  try {
    return await importCaseKey(raw);
  } finally {
    zero(raw);
  }
}

const sealContext = (ctx: LinkJoinContext) => ({ caseId: ctx.mailbox, epoch: 1, messageId: ctx.messageId });

export interface SealLinkJoinInput {
  /** Her device identity. */
  identity: DeviceIdentity;
  /** The advocate's identity, from the QR or the verified intro. */
  advocate: PublicIdentity;
  /** The new case key, wrapped to the advocate inside the join. */
  caseKey: CaseKey;
  /** Her clock, ms. */
  createdAt: number;
}

/** Wraps the case key to the advocate, signs the join with her identity key and seals it: one relay bucket long. */
export async function sealLinkJoin(input: SealLinkJoinInput, ctx: LinkJoinContext): Promise<Bytes> {
  const delivery = await wrapCaseKey({
    caseId: ctx.mailbox,
    epoch: input.caseKey.epoch,
    caseKey: input.caseKey.key,
    senderIdentity: input.identity,
    recipientEcdhPublic: input.advocate.ecdhPublic,
  });
  const unsigned = {
    v: LINK_FORMAT_VERSION,
    type: 'join',
    mailbox: ctx.mailbox,
    ecdh: toBase64Url(input.identity.ecdhPublic),
    signing: toBase64Url(input.identity.signingPublic),
    advocate: toBase64Url(input.advocate.signingPublic),
    createdAt: input.createdAt,
    delivery,
  } as const;
  const sig = await crypto.subtle.sign(ECDSA, input.identity.signingPrivate, utf8(linkJoinSignatureInput(unsigned)));
  return sealJoinPayload(LinkJoin.parse({ ...unsigned, sig: toBase64Url(new Uint8Array(sig)) }), ctx);
}

/** Seals a join as it is, signed or not: `sealLinkJoin`'s last step, exported so tests can forge one. */
export async function sealJoinPayload(join: LinkJoin, ctx: LinkJoinContext): Promise<Bytes> {
  return sealCaseMessage(await joinKey(ctx), sealContext(ctx), utf8(JSON.stringify(join)));
}

export interface OpenedLinkJoin {
  join: LinkJoin;
  /** The survivor's public identity, for the safety number. */
  identity: PublicIdentity;
  /** The case key she delivered. */
  caseKey: UnwrappedCaseKey;
}

/**
 * Opens and checks a join on the advocate's device. LinkError, in order: tampered (altered, or another
 * invite's), malformed (not a join), bad_signature (the join's signature), wrong_case (signed for
 * another mailbox), wrong_recipient (an answer to another advocate), then the delivery's own checks
 * (caseKey.ts unwrapCaseKey: its signature must be by the same identity key as the join's).
 */
export async function openLinkJoin(sealed: Uint8Array, ctx: LinkJoinContext, advocate: DeviceIdentity): Promise<OpenedLinkJoin> {
  const plain = await openCaseMessage(await joinKey(ctx), sealContext(ctx), sealed);
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(plain));
  } catch {
    throw new LinkError('malformed', 'join is not JSON');
  }
  const parsed = LinkJoin.safeParse(json);
  if (!parsed.success) throw new LinkError('malformed', 'not a join');
  const join = parsed.data;
  const { sig, ...unsigned } = join;
  const signingPublic = fromBase64Url(join.signing);
  const verifier = await importVerifyKey(signingPublic);
  const ok = await crypto.subtle.verify(ECDSA, verifier, fromBase64Url(sig), utf8(linkJoinSignatureInput(unsigned)));
  if (!ok) throw new LinkError('bad_signature', 'join signature');
  if (join.mailbox !== ctx.mailbox) throw new LinkError('wrong_case', 'join for another mailbox');
  if (!equalBytes(fromBase64Url(join.advocate), advocate.signingPublic)) throw new LinkError('wrong_recipient', 'join for another advocate');
  const caseKey = await unwrapCaseKey(join.delivery, {
    recipientIdentity: advocate,
    expectedSenderSigningPublic: signingPublic,
    caseId: ctx.mailbox,
    currentEpoch: null,
  });
  return { join, identity: { signingPublic, ecdhPublic: fromBase64Url(join.ecdh) }, caseKey };
}
