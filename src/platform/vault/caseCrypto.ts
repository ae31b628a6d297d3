// Messages and Yjs updates sealed under a case key (DESIGN §4, §8). Layout (format v1):
//
//   sealed = 0x01 (version) ‖ epoch (uint32 big-endian) ‖ IV (12 random bytes) ‖ AES-256-GCM(case key, padded)
//   aad    = UTF-8 "waymark/v1|case|<caseId>|<epoch>|<messageId>"
//   padded = plaintext length (uint32 little-endian) ‖ plaintext ‖ zeros       (padding.ts's layout)
//
// The whole sealed message is exactly one of the relay's message buckets (RELAY.messageBuckets:
// 1, 4, 16, 64, 256 KiB), so it goes into a mailbox as it is and its length says little. The epoch
// is in the clear so the receiver knows which case key to try; it is also in the AAD, so changing it
// makes the message fail to open. The AAD binds case, epoch and the message's client-made id: the
// relay cannot move a message into another case, replay it under another id, or relabel its epoch.

import { RELAY } from '../../shared/protocol/relay';
import { type Bytes, concat, utf8 } from './bytes';
import { LinkError } from './linkErrors';
import { unpad } from './padding';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + 4 + IV_BYTES;
/** Bytes a sealed message adds around its padded plaintext. */
export const CASE_MESSAGE_OVERHEAD = HEADER_BYTES + TAG_BYTES;
const LENGTH_PREFIX = 4;
/** The largest plaintext one sealed message holds (the largest bucket less overhead and length prefix). */
export const MAX_CASE_PLAINTEXT = Math.max(...RELAY.messageBuckets) - CASE_MESSAGE_OVERHEAD - LENGTH_PREFIX;

export interface CaseMessageContext {
  caseId: string;
  epoch: number;
  messageId: string;
}

function aad(ctx: CaseMessageContext): Bytes {
  // A "|" inside a field would let two contexts share one AAD.
  if ([ctx.caseId, ctx.messageId].some((field) => !/^[A-Za-z0-9_-]+$/.test(field)) || !Number.isInteger(ctx.epoch) || ctx.epoch < 1 || ctx.epoch > 0xffff_ffff) {
    throw new RangeError('case message context out of range');
  }
  return utf8(`waymark/v1|case|${ctx.caseId}|${ctx.epoch}|${ctx.messageId}`);
}

/** The length-prefixed plaintext, zero-filled so the sealed message is exactly a relay bucket. */
function padToBucket(plaintext: Uint8Array): Bytes {
  const needed = plaintext.length + LENGTH_PREFIX + CASE_MESSAGE_OVERHEAD;
  const bucket = RELAY.messageBuckets.find((size) => size >= needed);
  if (bucket === undefined) throw new RangeError('case message too large');
  const out = new Uint8Array(bucket - CASE_MESSAGE_OVERHEAD);
  new DataView(out.buffer).setUint32(0, plaintext.length, true);
  out.set(plaintext, LENGTH_PREFIX);
  return out;
}

/** The case key as a non-extractable AES-GCM key for sealing and opening case messages. */
export function importCaseKey(caseKey: Uint8Array): Promise<CryptoKey> {
  if (caseKey.length !== 32) throw new RangeError('a case key is 32 bytes');
  return crypto.subtle.importKey('raw', new Uint8Array(caseKey), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** Seals one message or Yjs update under the case key of `ctx.epoch`, with a fresh IV. */
export async function sealCaseMessage(key: CryptoKey, ctx: CaseMessageContext, plaintext: Uint8Array): Promise<Bytes> {
  const additionalData = aad(ctx);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const body = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, padToBucket(plaintext));
  const epoch = new Uint8Array(4);
  new DataView(epoch.buffer).setUint32(0, ctx.epoch, false);
  return concat(Uint8Array.of(VERSION), epoch, iv, new Uint8Array(body));
}

/** The epoch a sealed message claims, to choose the key to open it with (authenticated only by opening). */
export function caseMessageEpoch(sealed: Uint8Array): number {
  if (sealed.length < CASE_MESSAGE_OVERHEAD + LENGTH_PREFIX || sealed[0] !== VERSION) throw new LinkError('malformed', 'not a case message');
  return new DataView(sealed.buffer, sealed.byteOffset, sealed.byteLength).getUint32(1, false);
}

/**
 * Opens a sealed case message; `ctx.epoch` is the epoch of `key`. Throws LinkError malformed (shape,
 * version, padding) or tampered (authentication failed, or a header epoch that is not `ctx.epoch`).
 */
export async function openCaseMessage(key: CryptoKey, ctx: CaseMessageContext, sealed: Uint8Array): Promise<Bytes> {
  // The header's epoch is not itself under the tag: compare it, or it could be changed unnoticed.
  if (caseMessageEpoch(sealed) !== ctx.epoch) throw new LinkError('tampered', 'epoch does not match');
  let padded: ArrayBuffer;
  try {
    padded = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.slice(1 + 4, HEADER_BYTES), additionalData: aad(ctx) },
      key,
      sealed.slice(HEADER_BYTES),
    );
  } catch {
    throw new LinkError('tampered', 'case message failed to open');
  }
  try {
    return unpad(new Uint8Array(padded));
  } catch {
    // Authentic but badly padded: the sender's bug, never the relay's doing.
    throw new LinkError('malformed', 'padding');
  }
}
