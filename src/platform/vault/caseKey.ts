// Case keys and their delivery to a member's device (DESIGN §4). A case key is 32 random bytes with
// an epoch; rotating it (on unlink) means a new key under the next epoch, delivered afresh to every
// member who remains. A delivery (wire shape: shared/protocol/caseKey.ts) is made like this:
//
//   info   = UTF-8 "waymark/v1/case-key|<case>|<epoch>|<recipient>|<ephemeral>"
//   secret = ECDH(ephemeral private, recipient public)                  32 bytes (x coordinate)
//   kek    = HKDF-SHA256(secret, salt = empty, info) → AES-256-GCM key
//   wrapped= AES-256-GCM(kek, iv = 12 random bytes, aad = info, case key)        48 bytes
//   signed = UTF-8 "waymark/v1/case-key-delivery|<case>|<epoch>|<recipient>|<ephemeral>|<iv>|<wrapped>"
//   sig    = ECDSA P-256 SHA-256 (P1363) by the sender's identity key over `signed`
//
// Keys, IV and ciphertext appear in `info` and `signed` as their canonical base64url, the epoch in
// decimal; none of them can contain "|", so the framing is unambiguous. The recipient checks the
// signature before anything else, against the sender's identity key it confirmed by safety number,
// so a key injected by the relay, a delivery replayed into another case, sent to another device or
// rolled back to an old epoch is refused without touching its ciphertext.

import { CaseKeyDelivery, type CaseId, CASE_KEY_DELIVERY_VERSION, MAX_EPOCH } from '../../shared/protocol/caseKey';
import { type Bytes, equalBytes, fromBase64Url, randomBytes, toBase64Url, utf8 } from './bytes';
import type { DeviceIdentity } from './identity';
import { LinkError } from './linkErrors';
import { exportPublicRaw, importEcdhPublic, importVerifyKey } from './publicKeys';

export const CASE_KEY_BYTES = 32;
const IV_BYTES = 12;
const ECDSA = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface CaseKey {
  epoch: number;
  key: Bytes;
}

/** A fresh random case key for `epoch` (1 for a new case; current + 1 on rotation). */
export function newCaseKey(epoch: number): CaseKey {
  if (!Number.isInteger(epoch) || epoch < 1 || epoch > MAX_EPOCH) throw new RangeError('epoch out of range');
  return { epoch, key: randomBytes(CASE_KEY_BYTES) };
}

/** True when a delivery's epoch may replace the one held: strictly newer, so an old key is never restored. */
export function isAcceptableEpoch(received: number, current: number | null): boolean {
  return Number.isInteger(received) && received >= 1 && received <= MAX_EPOCH && (current === null || received > current);
}

type Unsigned = Omit<CaseKeyDelivery, 'sig'>;

function wrapInfo(d: Pick<Unsigned, 'case' | 'epoch' | 'recipient' | 'ephemeral'>): Bytes {
  return utf8(`waymark/v1/case-key|${d.case}|${d.epoch}|${d.recipient}|${d.ephemeral}`);
}

/** The bytes a delivery's signature covers. */
export function deliverySignatureInput(d: Unsigned): Bytes {
  return utf8(`waymark/v1/case-key-delivery|${d.case}|${d.epoch}|${d.recipient}|${d.ephemeral}|${d.iv}|${d.wrapped}`);
}

async function wrappingKey(secret: ArrayBuffer, info: Bytes): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info }, base, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

/** Signs an assembled delivery with the sender's identity key. */
export async function signDelivery(unsigned: Unsigned, sender: DeviceIdentity): Promise<CaseKeyDelivery> {
  const sig = await crypto.subtle.sign(ECDSA, sender.signingPrivate, deliverySignatureInput(unsigned));
  return { ...unsigned, sig: toBase64Url(new Uint8Array(sig)) };
}

export interface WrapCaseKeyInput {
  caseId: CaseId;
  epoch: number;
  caseKey: Uint8Array;
  senderIdentity: DeviceIdentity;
  recipientEcdhPublic: Uint8Array;
}

/** Wraps a case key to one recipient device and signs the delivery. */
export async function wrapCaseKey(input: WrapCaseKeyInput): Promise<CaseKeyDelivery> {
  if (input.caseKey.length !== CASE_KEY_BYTES) throw new RangeError('a case key is 32 bytes');
  const recipientKey = await importEcdhPublic(input.recipientEcdhPublic);
  const ephemeral = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const head = {
    v: CASE_KEY_DELIVERY_VERSION,
    case: input.caseId,
    epoch: input.epoch,
    recipient: toBase64Url(input.recipientEcdhPublic),
    ephemeral: toBase64Url(await exportPublicRaw(ephemeral.publicKey)),
  } as const;
  const info = wrapInfo(head);
  const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: recipientKey }, ephemeral.privateKey, 256);
  const iv = randomBytes(IV_BYTES);
  const wrapped = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: info }, await wrappingKey(secret, info), new Uint8Array(input.caseKey));
  const unsigned: Unsigned = { ...head, iv: toBase64Url(iv), wrapped: toBase64Url(new Uint8Array(wrapped)) };
  // Parse what we made, so a bad case id or epoch fails here, at the sender, not at every recipient.
  const parsed = CaseKeyDelivery.omit({ sig: true }).safeParse(unsigned);
  if (!parsed.success) throw new RangeError('delivery fields out of range');
  return signDelivery(unsigned, input.senderIdentity);
}

export interface UnwrapCaseKeyOptions {
  recipientIdentity: DeviceIdentity;
  /** The sender's ECDSA identity key, as confirmed by safety number when linking. */
  expectedSenderSigningPublic: Uint8Array;
  /** The case this delivery arrived for. */
  caseId: CaseId;
  /** The epoch of the case key held now, or null when none is held yet. */
  currentEpoch: number | null;
}

export interface UnwrappedCaseKey {
  caseId: CaseId;
  epoch: number;
  caseKey: Bytes;
}

function parseDelivery(received: unknown): CaseKeyDelivery {
  if (typeof received === 'object' && received !== null && !('sig' in received && received.sig)) throw new LinkError('unsigned');
  const parsed = CaseKeyDelivery.safeParse(received);
  if (!parsed.success) throw new LinkError('malformed', 'case key delivery');
  return parsed.data;
}

/**
 * Verifies and opens a delivery. In order: shape (malformed, unsigned), the sender's signature
 * (bad_signature), case (wrong_case), recipient (wrong_recipient), epoch (stale_epoch), and only
 * then the ciphertext (tampered).
 */
export async function unwrapCaseKey(received: unknown, options: UnwrapCaseKeyOptions): Promise<UnwrappedCaseKey> {
  const delivery = parseDelivery(received);
  const senderKey = await importVerifyKey(options.expectedSenderSigningPublic);
  const signed = await crypto.subtle.verify(ECDSA, senderKey, fromBase64Url(delivery.sig), deliverySignatureInput(delivery));
  if (!signed) throw new LinkError('bad_signature');
  if (delivery.case !== options.caseId) throw new LinkError('wrong_case');
  if (!equalBytes(fromBase64Url(delivery.recipient), options.recipientIdentity.ecdhPublic)) throw new LinkError('wrong_recipient');
  if (!isAcceptableEpoch(delivery.epoch, options.currentEpoch)) throw new LinkError('stale_epoch');

  const ephemeral = await importEcdhPublic(fromBase64Url(delivery.ephemeral));
  const info = wrapInfo(delivery);
  try {
    const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: ephemeral }, options.recipientIdentity.ecdhPrivate, 256);
    const caseKey = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64Url(delivery.iv), additionalData: info },
      await wrappingKey(secret, info),
      fromBase64Url(delivery.wrapped),
    );
    return { caseId: delivery.case, epoch: delivery.epoch, caseKey: new Uint8Array(caseKey) };
  } catch {
    throw new LinkError('tampered', 'case key failed to open');
  }
}
