// Wire schemas of the relay (DESIGN §7), shared by the relay client and the relay itself.
//
// How the relay works, in short: mailboxes are append-only lists of encrypted messages. A mailbox
// comes into being only through a one-time pairing invite: the inviter registers the mailbox id (made
// by the client) and its own signing key; the invitee consumes the invite once and registers its key.
// Every request is signed (see relaySigning.ts) by one of the mailbox's keys. The relay never sees a
// plaintext: message bodies and blob segments are ciphertext, padded by the client to one of the size
// buckets below so their lengths say little. Blobs hold encrypted attachment segments, addressed by
// (mailbox, blob id, segment index) and uploaded resumably. The backup area stores a survivor's
// encrypted backup objects under a locator derived from her recovery code; the first write registers
// its write key and every later request must be signed by that key.
import { z } from 'zod';

const KIB = 1024;

/** Every number the relay and its clients agree on. */
export const RELAY = {
  /** All HTTP routes live under this prefix; the WebSocket is `${prefix}/socket`. */
  prefix: '/relay/v1',
  /** A request's timestamp may differ from the relay's clock by at most this. */
  maxSkewMs: 5 * 60 * 1000,
  /** Ciphertext sizes (decoded bytes) a message may have. */
  messageBuckets: [1 * KIB, 4 * KIB, 16 * KIB, 64 * KIB, 256 * KIB],
  maxMessageBytes: 256 * KIB,
  /** Sizes a blob segment or backup object may have; the largest holds a 1 MiB stream-AEAD segment with its tag and header. */
  blobBuckets: [16 * KIB, 256 * KIB, 1024 * KIB + 64 * KIB],
  /** Upper bound of a JSON request body: the largest message in base64url plus its envelope. */
  maxJsonBody: 360 * KIB,
  /** Largest number of messages one cursor read returns. */
  maxReadLimit: 500,
  defaultReadLimit: 100,
  /** Invites live at most this long; the default when the client asks for nothing. */
  maxInviteTtlMs: 7 * 24 * 60 * 60 * 1000,
  defaultInviteTtlMs: 24 * 60 * 60 * 1000,
  /** Segments per blob: 4096 × 1 MiB is a 4 GiB attachment. */
  maxSegments: 4096,
  /** A backup is kept this long after its last write (24 months). */
  backupRetentionMs: 730 * 24 * 60 * 60 * 1000,
  /** Largest incoming WebSocket frame (a subscribe or unsubscribe frame is well under 1 KiB). */
  maxSocketFrame: 4 * KIB,
} as const;

/**
 * Decoded length of a canonical unpadded base64url string, or null when it is not one. Canonical
 * means the unused low bits of the last character are zero, so each byte string has exactly one
 * encoding (two encodings of one ciphertext must not pass as two different bodies).
 */
export function base64urlLength(text: string): number | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const rest = text.length % 4;
  if (rest === 1) return null;
  if (rest !== 0) {
    const last = ALPHABET.indexOf(text[text.length - 1] ?? 'A');
    const unusedBits = rest === 2 ? 4 : 2;
    if ((last & ((1 << unusedBits) - 1)) !== 0) return null;
  }
  return Math.floor((text.length * 3) / 4);
}
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A canonical base64url string of exactly `bytes` decoded bytes. */
function fixedBytes(bytes: number, what: string) {
  const chars = Math.ceil((bytes * 4) / 3);
  return z
    .string()
    .length(chars)
    .refine((text) => base64urlLength(text) === bytes, { message: `${what}: not ${bytes} bytes of canonical base64url` });
}

/** 16 random bytes made by a client: mailbox, message, blob, invite and backup object ids. */
export const Id = fixedBytes(16, 'id');
export type Id = z.infer<typeof Id>;
export const MailboxId = Id;
export type MailboxId = Id;
export const MessageId = Id;
export type MessageId = Id;
export const BlobId = Id;
export type BlobId = Id;
/** The invite's secret: whoever holds it (QR or typed code) may join the mailbox, once. */
export const InviteToken = Id;
export type InviteToken = Id;
/** A backup's address: 32 bytes the client derives from the recovery code (HKDF, its own label). */
export const BackupLocator = fixedBytes(32, 'locator');
export type BackupLocator = z.infer<typeof BackupLocator>;
/** A raw uncompressed P-256 public key (0x04 ‖ x ‖ y, 65 bytes), base64url. */
export const SigningKey = fixedBytes(65, 'key').refine((text) => text.startsWith('B'), { message: 'key: not an uncompressed point' });
export type SigningKey = z.infer<typeof SigningKey>;
export const Nonce = fixedBytes(16, 'nonce');
export type Nonce = z.infer<typeof Nonce>;
/** ECDSA P-256 signature in IEEE P1363 form (r ‖ s, 64 bytes), as WebCrypto produces it. */
export const Signature = fixedBytes(64, 'signature');
export type Signature = z.infer<typeof Signature>;

/** Message ciphertext in base64url whose decoded length is one of the message buckets. */
export const PaddedCiphertext = z
  .string()
  .max(Math.ceil((RELAY.maxMessageBytes * 4) / 3))
  .refine((text) => (RELAY.messageBuckets as readonly number[]).includes(base64urlLength(text) ?? -1), {
    message: 'ciphertext: not padded to a size bucket',
  });
export type PaddedCiphertext = z.infer<typeof PaddedCiphertext>;

/** A decimal integer in a query string (cursor, limit). */
const QueryInt = (max: number) =>
  z
    .string()
    .regex(/^(0|[1-9][0-9]{0,15})$/)
    .transform(Number)
    .pipe(z.number().int().min(0).max(max));

/** The signature headers, as Node lowercases them. */
export const SignedHeaders = z.object({
  'x-wm-key': SigningKey,
  'x-wm-ts': z.string().regex(/^[0-9]{1,16}$/).transform(Number),
  'x-wm-nonce': Nonce,
  'x-wm-sig': Signature,
});
export type SignedHeaders = z.infer<typeof SignedHeaders>;

// ---- invites --------------------------------------------------------------------------------

/** POST /invites: the inviter registers a one-time invite for a mailbox (new, or one it belongs to). */
export const CreateInviteRequest = z.strictObject({
  invite: InviteToken,
  mailbox: MailboxId,
  ttlMs: z.number().int().min(60_000).max(RELAY.maxInviteTtlMs).optional(),
});
export type CreateInviteRequest = z.infer<typeof CreateInviteRequest>;
export const CreateInviteResponse = z.strictObject({ mailbox: MailboxId, expiresAt: z.number().int() });
export type CreateInviteResponse = z.infer<typeof CreateInviteResponse>;

/** POST /invites/consume: the invitee joins with the key that signs this request. Idempotent for that key. */
export const ConsumeInviteRequest = z.strictObject({ invite: InviteToken });
export type ConsumeInviteRequest = z.infer<typeof ConsumeInviteRequest>;
export const ConsumeInviteResponse = z.strictObject({ mailbox: MailboxId, head: z.number().int().min(0) });
export type ConsumeInviteResponse = z.infer<typeof ConsumeInviteResponse>;

// ---- messages -------------------------------------------------------------------------------

export const MailboxParams = z.strictObject({ mailbox: MailboxId });
export type MailboxParams = z.infer<typeof MailboxParams>;

/** POST /mailboxes/:mailbox/messages. The id is the client's, so a retry never appends twice. */
export const AppendMessageRequest = z.strictObject({ id: MessageId, ciphertext: PaddedCiphertext });
export type AppendMessageRequest = z.infer<typeof AppendMessageRequest>;

/** One stored message. `seq` is its cursor; `receivedAt` is the relay's clock (ms), used to witness time. */
export const RelayMessage = z.strictObject({
  id: MessageId,
  seq: z.number().int().min(1),
  sender: SigningKey,
  receivedAt: z.number().int(),
  ciphertext: PaddedCiphertext,
});
export type RelayMessage = z.infer<typeof RelayMessage>;

export const AppendMessageResponse = z.strictObject({
  seq: z.number().int().min(1),
  receivedAt: z.number().int(),
  /** True when this id was already stored with this very ciphertext (a retry). */
  duplicate: z.boolean(),
});
export type AppendMessageResponse = z.infer<typeof AppendMessageResponse>;

/** GET /mailboxes/:mailbox/messages?after=<seq>&limit=<n> */
export const ReadMessagesQuery = z.strictObject({
  after: QueryInt(Number.MAX_SAFE_INTEGER).optional(),
  limit: QueryInt(RELAY.maxReadLimit).pipe(z.number().min(1)).optional(),
});
export type ReadMessagesQuery = z.infer<typeof ReadMessagesQuery>;
export const ReadMessagesResponse = z.strictObject({
  messages: z.array(RelayMessage),
  /** The cursor to pass as `after` next time. */
  next: z.number().int().min(0),
  more: z.boolean(),
});
export type ReadMessagesResponse = z.infer<typeof ReadMessagesResponse>;

// ---- blobs (encrypted attachment segments) -------------------------------------------------

export const SegmentIndex = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,3})$/)
  .transform(Number)
  .pipe(z.number().int().min(0).max(RELAY.maxSegments - 1));
/** PUT|GET /mailboxes/:mailbox/blobs/:blob/:segment (body: application/octet-stream, a blob bucket long). */
export const SegmentParams = z.strictObject({ mailbox: MailboxId, blob: BlobId, segment: SegmentIndex });
export type SegmentParams = z.infer<typeof SegmentParams>;
export const BlobParams = z.strictObject({ mailbox: MailboxId, blob: BlobId });
export type BlobParams = z.infer<typeof BlobParams>;
export const PutSegmentResponse = z.strictObject({ duplicate: z.boolean() });
export type PutSegmentResponse = z.infer<typeof PutSegmentResponse>;
/** GET /mailboxes/:mailbox/blobs/:blob: which segments are stored, so an upload resumes where it stopped. */
export const BlobSegmentsResponse = z.strictObject({ segments: z.array(z.number().int().min(0)) });
export type BlobSegmentsResponse = z.infer<typeof BlobSegmentsResponse>;

// ---- backup area ----------------------------------------------------------------------------

export const BackupParams = z.strictObject({ locator: BackupLocator });
export type BackupParams = z.infer<typeof BackupParams>;
/** PUT|GET /backups/:locator/objects/:object (body: octet-stream, a blob bucket long). A PUT replaces. */
export const BackupObjectParams = z.strictObject({ locator: BackupLocator, object: Id });
export type BackupObjectParams = z.infer<typeof BackupObjectParams>;
/** GET /backups/:locator/objects?after=<object id>&limit=<n>: listed in id order. */
export const ListBackupQuery = z.strictObject({
  after: Id.optional(),
  limit: QueryInt(RELAY.maxReadLimit).pipe(z.number().min(1)).optional(),
});
export type ListBackupQuery = z.infer<typeof ListBackupQuery>;
export const BackupObjectInfo = z.strictObject({ id: Id, size: z.number().int().min(0) });
export type BackupObjectInfo = z.infer<typeof BackupObjectInfo>;
export const ListBackupResponse = z.strictObject({
  objects: z.array(BackupObjectInfo),
  more: z.boolean(),
  lastWriteAt: z.number().int(),
  bytes: z.number().int().min(0),
});
export type ListBackupResponse = z.infer<typeof ListBackupResponse>;

// ---- errors ---------------------------------------------------------------------------------

/** Every error the relay answers with, by name, and its HTTP status. */
export const RELAY_ERRORS = {
  /** The body, query, params or headers failed validation. */
  bad_request: 400,
  /** A ciphertext or segment whose size is not one of the buckets. */
  unpadded: 400,
  /** No signature headers. */
  unsigned: 401,
  /** The signature does not verify under the given key (or is not a valid point / signature). */
  bad_signature: 401,
  /** The request's timestamp is further than RELAY.maxSkewMs from the relay's clock. */
  clock_skew: 401,
  /** This key already used this nonce within the skew window. */
  replayed: 401,
  /** The key is valid but not one of this mailbox's (or this backup's) keys. */
  forbidden: 403,
  unknown_mailbox: 404,
  unknown_invite: 404,
  unknown_backup: 404,
  not_found: 404,
  /** The mailbox id is already taken by another key (invite creation). */
  mailbox_taken: 409,
  /** The invite has been consumed, by another key. */
  invite_used: 409,
  /** The same client-made id was stored with a different body. */
  conflict: 409,
  invite_expired: 410,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  /** The mailbox or backup has used its byte or message quota. */
  quota_exceeded: 507,
  internal: 500,
} as const;
export type RelayErrorCode = keyof typeof RELAY_ERRORS;
const ERROR_CODES = Object.keys(RELAY_ERRORS) as [RelayErrorCode, ...RelayErrorCode[]];

/** The body of every error response. `message` is for developers; the UI translates `code`. */
export const RelayErrorBody = z.strictObject({ error: z.strictObject({ code: z.enum(ERROR_CODES), message: z.string().max(200) }) });
export type RelayErrorBody = z.infer<typeof RelayErrorBody>;

// ---- WebSocket ------------------------------------------------------------------------------

/**
 * Client → relay. A subscribe frame carries a signature like a request's (relaySigning.ts), over method
 * SUBSCRIBE, path `${prefix}/mailboxes/<mailbox>/subscribe` and an empty body: browsers cannot set
 * headers on a WebSocket, and one socket may follow several mailboxes, each with its own key.
 */
export const SubscribeFrame = z.strictObject({
  type: z.literal('subscribe'),
  mailbox: MailboxId,
  key: SigningKey,
  ts: z.number().int().min(0),
  nonce: Nonce,
  sig: Signature,
});
export type SubscribeFrame = z.infer<typeof SubscribeFrame>;
export const UnsubscribeFrame = z.strictObject({ type: z.literal('unsubscribe'), mailbox: MailboxId });
export type UnsubscribeFrame = z.infer<typeof UnsubscribeFrame>;
export const ClientFrame = z.discriminatedUnion('type', [SubscribeFrame, UnsubscribeFrame]);
export type ClientFrame = z.infer<typeof ClientFrame>;

/** Relay → client. After `subscribed`, read from your cursor up to `head`; pushes carry what follows. */
export const ServerFrame = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('subscribed'), mailbox: MailboxId, head: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('message'), mailbox: MailboxId, message: RelayMessage }),
  z.strictObject({ type: z.literal('error'), mailbox: MailboxId.nullable(), error: RelayErrorBody.shape.error }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;
