// The relay as a blind factory (STYLE principle 6): createRelay returns transport-free handlers for
// each route and for WebSocket connections; plugin.ts only wires them into Fastify. Tests drive these
// handlers directly and through real sockets.
//
// Every HTTP handler runs the same pipeline: signature headers → clock and signature → per-key rate
// limit → nonce → zod on params, query and body → membership → the store. Everything refused is a
// RelayError with a documented code; nothing is applied before all checks pass. The relay sees only
// ciphertext, public keys, ids, sizes and times, and logs only the route, status and error code.
import { createHash } from 'node:crypto';
import {
  AppendMessageRequest,
  BackupObjectParams,
  BackupParams,
  BlobParams,
  ConsumeInviteRequest,
  CreateInviteRequest,
  ListBackupQuery,
  MailboxParams,
  RELAY,
  ReadMessagesQuery,
  SegmentParams,
  base64urlLength,
  type AppendMessageResponse,
  type BlobSegmentsResponse,
  type ConsumeInviteResponse,
  type CreateInviteResponse,
  type ListBackupResponse,
  type PutSegmentResponse,
  type ReadMessagesResponse,
  type ServerFrame,
} from '../../src/shared/protocol/relay.js';
import { createVerifier, readSignedHeaders } from './auth.js';
import { RelayError } from './errors.js';
import { createRateLimiter, type BucketOptions } from './rateLimit.js';
import { createSocketHub } from './sockets.js';
import type { MailboxQuota, RelayStore } from './store.js';
import { parse, toWire } from './wire.js';

export interface RelayLimits {
  /** Per mailbox: message and blob bytes together, and the number of messages. */
  quota: MailboxQuota;
  /** Per backup area. */
  backupMaxBytes: number;
  /** Unconsumed invites one mailbox may have at once. */
  maxOpenInvites: number;
  /** Requests per signing key. */
  perKey: BucketOptions;
  /** Invite creations across all keys: keys are free to make, mailboxes should not be. */
  inviteCreation: BucketOptions;
  /** Mailboxes one WebSocket may follow. */
  maxSubscriptionsPerSocket: number;
}

export const DEFAULT_LIMITS: RelayLimits = {
  quota: { maxBytes: 2 * 1024 ** 3, maxMessages: 100_000 },
  backupMaxBytes: 2 * 1024 ** 3,
  maxOpenInvites: 5,
  perKey: { capacity: 600, refillPerSecond: 50 },
  inviteCreation: { capacity: 200, refillPerSecond: 2 },
  maxSubscriptionsPerSocket: 500,
};

/** The pino methods the relay uses (a Fastify logger fits). */
export interface RelayLog {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface RelayOptions {
  store: RelayStore;
  limits?: Partial<RelayLimits>;
  log: RelayLog;
  now?: () => number;
}

/** What a transport hands a handler. `pathWithQuery` is the request target exactly as received (it is signed). */
export interface RelayRequest {
  method: string;
  pathWithQuery: string;
  params: Record<string, string>;
  query: Record<string, string | string[] | undefined>;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

export type RelayResponse = { status: number; json: unknown; retryAfter?: number } | { status: number; bytes: Uint8Array };

export interface RelayRoute {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to RELAY.prefix, in Fastify's `:param` syntax. */
  url: string;
  body: 'none' | 'json' | 'binary';
  handle(request: RelayRequest): Promise<RelayResponse>;
}

export interface RelaySocket {
  /** Handles one text frame from the client. */
  receive(data: string): Promise<void>;
  /** Drops every subscription; call when the socket closes. */
  closed(): void;
  /** How many mailboxes this socket follows. */
  subscriptions(): number;
}

export interface Relay {
  routes: readonly RelayRoute[];
  /** A new WebSocket connection; `send` delivers one frame to it. */
  connect(send: (frame: ServerFrame) => void): RelaySocket;
  /** Drops expired nonces, invites and backups. */
  sweep(): Promise<void>;
}

interface Context {
  key: string;
  params: Record<string, string>;
  query: Record<string, string | string[] | undefined>;
  json: unknown;
  body: Uint8Array;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

const inviteHash = (token: string) => createHash('sha256').update(`waymark-relay/invite\n${token}`).digest('hex');

/** Builds the relay's handlers over a store. */
export function createRelay({ store, limits: partialLimits, log, now = Date.now }: RelayOptions): Relay {
  const limits: RelayLimits = { ...DEFAULT_LIMITS, ...partialLimits };
  const perKey = createRateLimiter(limits.perKey, now);
  const inviteLimiter = createRateLimiter(limits.inviteCreation, now);
  const limit = (key: string) => {
    const wait = perKey.take(key);
    if (wait > 0) throw new RelayError('rate_limited', 'too many requests for this key', wait);
  };
  const verifier = createVerifier({ now, remember: (key, nonce, expiresAt) => store.rememberNonce(key, nonce, expiresAt), admit: limit });

  const requireMember = async (mailbox: string, key: string) => {
    const membership = await store.membership(mailbox, key);
    if (membership === 'unknown') throw new RelayError('unknown_mailbox', 'no such mailbox');
    if (membership === 'stranger') throw new RelayError('forbidden', 'this key does not belong to the mailbox');
  };

  const requireBackupOwner = async (locator: string, key: string) => {
    const info = await store.backupInfo(locator);
    if (!info) throw new RelayError('unknown_backup', 'no backup at this locator');
    if (info.key !== key) throw new RelayError('forbidden', 'not signed by the backup write key');
    return info;
  };

  const padded = (body: Uint8Array) => {
    const max = RELAY.blobBuckets[RELAY.blobBuckets.length - 1] ?? 0;
    if (body.length > max) throw new RelayError('too_large', 'larger than the largest bucket');
    if (!(RELAY.blobBuckets as readonly number[]).includes(body.length)) throw new RelayError('unpadded', 'not padded to a size bucket');
    return body;
  };

  function route(name: string, method: RelayRoute['method'], url: string, body: RelayRoute['body'], act: (context: Context) => Promise<RelayResponse>): RelayRoute {
    return {
      name,
      method,
      url,
      body,
      async handle(request) {
        let response: RelayResponse;
        try {
          const parts = readSignedHeaders(request.headers);
          const key = await verifier.verify(parts, { method: request.method, pathWithQuery: request.pathWithQuery, body: request.body });
          let json: unknown = undefined;
          if (body === 'json') {
            try {
              json = JSON.parse(utf8.decode(request.body));
            } catch {
              throw new RelayError('bad_request', 'body is not JSON');
            }
          } else if (body === 'none' && request.body.length > 0) {
            throw new RelayError('bad_request', 'this request takes no body');
          }
          response = await act({ key, params: request.params, query: request.query, json, body: request.body });
        } catch (error) {
          response = errorResponse(error, log, name);
        }
        const code = 'json' in response && response.status >= 400 ? (response.json as { error: { code: string } }).error.code : undefined;
        log.info({ route: name, status: response.status, ...(code ? { code } : {}) }, 'relay');
        return response;
      },
    };
  }

  const routes: RelayRoute[] = [
    route('invites.create', 'POST', '/invites', 'json', async ({ key, json }) => {
      const request = parse(CreateInviteRequest, json, 'body');
      const wait = inviteLimiter.take('all');
      if (wait > 0) throw new RelayError('rate_limited', 'too many invites', wait);
      const t = now();
      const outcome = await store.createInvite({
        tokenHash: inviteHash(request.invite),
        mailbox: request.mailbox,
        creator: key,
        expiresAt: t + (request.ttlMs ?? RELAY.defaultInviteTtlMs),
        now: t,
        maxOpenInvites: limits.maxOpenInvites,
      });
      if (outcome.kind === 'conflict') throw new RelayError('conflict', 'this invite token is already in use');
      if (outcome.kind === 'mailbox_taken') throw new RelayError('mailbox_taken', 'this mailbox id belongs to other keys');
      if (outcome.kind === 'quota') throw new RelayError('quota_exceeded', 'too many open invites for this mailbox');
      const response: CreateInviteResponse = { mailbox: request.mailbox, expiresAt: outcome.expiresAt };
      return { status: 200, json: response };
    }),

    route('invites.consume', 'POST', '/invites/consume', 'json', async ({ key, json }) => {
      const request = parse(ConsumeInviteRequest, json, 'body');
      const outcome = await store.consumeInvite({ tokenHash: inviteHash(request.invite), consumer: key, now: now() });
      if (outcome.kind === 'unknown') throw new RelayError('unknown_invite', 'no such invite');
      if (outcome.kind === 'expired') throw new RelayError('invite_expired', 'the invite has expired');
      if (outcome.kind === 'used') throw new RelayError('invite_used', 'the invite has already been used');
      const response: ConsumeInviteResponse = { mailbox: outcome.mailbox, head: outcome.head };
      return { status: 200, json: response };
    }),

    route('messages.append', 'POST', '/mailboxes/:mailbox/messages', 'json', async ({ key, params, json }) => {
      const { mailbox } = parse(MailboxParams, params, 'path');
      const raw = json as { ciphertext?: unknown } | null;
      // Name the two size failures precisely; anything else is a plain bad_request.
      if (raw && typeof raw.ciphertext === 'string') {
        const length = base64urlLength(raw.ciphertext);
        if (length !== null && length > RELAY.maxMessageBytes) throw new RelayError('too_large', 'larger than the largest bucket');
        if (length !== null && !(RELAY.messageBuckets as readonly number[]).includes(length)) throw new RelayError('unpadded', 'not padded to a size bucket');
      }
      const request = parse(AppendMessageRequest, json, 'body');
      await requireMember(mailbox, key);
      const outcome = await store.appendMessage({ mailbox, id: request.id, sender: key, ciphertext: Buffer.from(request.ciphertext, 'base64url'), receivedAt: now(), quota: limits.quota });
      if (outcome.kind === 'unknown') throw new RelayError('unknown_mailbox', 'no such mailbox');
      if (outcome.kind === 'conflict') throw new RelayError('conflict', 'this message id holds a different body');
      if (outcome.kind === 'quota') throw new RelayError('quota_exceeded', 'the mailbox is full');
      if (outcome.kind === 'appended') sockets.publish(mailbox, outcome.message);
      const response: AppendMessageResponse = { seq: outcome.message.seq, receivedAt: outcome.message.receivedAt, duplicate: outcome.kind === 'duplicate' };
      return { status: 200, json: response };
    }),

    route('messages.read', 'GET', '/mailboxes/:mailbox/messages', 'none', async ({ key, params, query }) => {
      const { mailbox } = parse(MailboxParams, params, 'path');
      const { after = 0, limit: count = RELAY.defaultReadLimit } = parse(ReadMessagesQuery, query, 'query');
      await requireMember(mailbox, key);
      // One extra row tells whether more follow, without a count query.
      const rows = await store.readMessages(mailbox, after, count + 1);
      const messages = rows.slice(0, count).map(toWire);
      const response: ReadMessagesResponse = { messages, next: messages.at(-1)?.seq ?? after, more: rows.length > count };
      return { status: 200, json: response };
    }),

    route('blobs.put', 'PUT', '/mailboxes/:mailbox/blobs/:blob/:segment', 'binary', async ({ key, params, body }) => {
      const { mailbox, blob, segment } = parse(SegmentParams, params, 'path');
      const data = padded(body);
      await requireMember(mailbox, key);
      const outcome = await store.putSegment({ mailbox, blob, segment, data, quota: limits.quota });
      if (outcome === 'unknown') throw new RelayError('unknown_mailbox', 'no such mailbox');
      if (outcome === 'conflict') throw new RelayError('conflict', 'this segment holds different bytes');
      if (outcome === 'quota') throw new RelayError('quota_exceeded', 'the mailbox is full');
      const response: PutSegmentResponse = { duplicate: outcome === 'duplicate' };
      return { status: 200, json: response };
    }),

    route('blobs.get', 'GET', '/mailboxes/:mailbox/blobs/:blob/:segment', 'none', async ({ key, params }) => {
      const { mailbox, blob, segment } = parse(SegmentParams, params, 'path');
      await requireMember(mailbox, key);
      const data = await store.getSegment(mailbox, blob, segment);
      if (!data) throw new RelayError('not_found', 'no such segment');
      return { status: 200, bytes: data };
    }),

    route('blobs.list', 'GET', '/mailboxes/:mailbox/blobs/:blob', 'none', async ({ key, params }) => {
      const { mailbox, blob } = parse(BlobParams, params, 'path');
      await requireMember(mailbox, key);
      const response: BlobSegmentsResponse = { segments: await store.listSegments(mailbox, blob) };
      return { status: 200, json: response };
    }),

    route('backups.put', 'PUT', '/backups/:locator/objects/:object', 'binary', async ({ key, params, body }) => {
      const { locator, object } = parse(BackupObjectParams, params, 'path');
      const data = padded(body);
      const outcome = await store.putBackupObject({ locator, key, object, data, now: now(), maxBytes: limits.backupMaxBytes });
      if (outcome === 'forbidden') throw new RelayError('forbidden', 'not signed by the backup write key');
      if (outcome === 'quota') throw new RelayError('quota_exceeded', 'the backup is full');
      return { status: 200, json: {} };
    }),

    route('backups.get', 'GET', '/backups/:locator/objects/:object', 'none', async ({ key, params }) => {
      const { locator, object } = parse(BackupObjectParams, params, 'path');
      await requireBackupOwner(locator, key);
      const data = await store.getBackupObject(locator, object);
      if (!data) throw new RelayError('not_found', 'no such object');
      return { status: 200, bytes: data };
    }),

    route('backups.list', 'GET', '/backups/:locator/objects', 'none', async ({ key, params, query }) => {
      const { locator } = parse(BackupParams, params, 'path');
      const { after, limit: count = RELAY.defaultReadLimit } = parse(ListBackupQuery, query, 'query');
      const info = await requireBackupOwner(locator, key);
      const rows = await store.listBackupObjects(locator, after ?? null, count + 1);
      const response: ListBackupResponse = { objects: rows.slice(0, count), more: rows.length > count, lastWriteAt: info.lastWriteAt, bytes: info.bytes };
      return { status: 200, json: response };
    }),

    route('backups.delete', 'DELETE', '/backups/:locator', 'none', async ({ key, params }) => {
      const { locator } = parse(BackupParams, params, 'path');
      await requireBackupOwner(locator, key);
      await store.deleteBackup(locator);
      return { status: 200, json: {} };
    }),
  ];

  const sockets = createSocketHub({ store, verifier, requireMember, maxSubscriptions: limits.maxSubscriptionsPerSocket, log });

  return {
    routes,
    connect: sockets.connect,
    sweep: async () => {
      const t = now();
      await store.sweep(t, t - RELAY.backupRetentionMs);
    },
  };
}

/** A RelayError (or anything else, as `internal`) as a JSON response. Unexpected errors are logged by name only. */
export function errorResponse(error: unknown, log: RelayLog, route: string): RelayResponse {
  if (error instanceof RelayError) return { status: error.status, json: error.toBody(), ...(error.retryAfter ? { retryAfter: error.retryAfter } : {}) };
  // Database errors can quote row values in their messages; only the class name is logged.
  log.error({ route, err: { name: error instanceof Error ? error.name : 'unknown' } }, 'relay internal error');
  return { status: 500, json: new RelayError('internal', 'internal error').toBody() };
}
