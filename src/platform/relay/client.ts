// The relay client (DESIGN §7): one typed call per relay route (server/relay/README.md), each signed
// at send time with the caller's key, checked against the shared wire schemas both ways, retried with
// capped backoff when the relay was unreachable, slow, overloaded or failing. Every call is safe to
// retry: ids are made by the client, so the relay answers a repeat with `duplicate` (or, for reads,
// deletes and backup PUTs, the same result) rather than doing the work twice.
import { z } from 'zod';
import {
  AppendMessageRequest,
  AppendMessageResponse,
  BackupLocator,
  BlobSegmentsResponse,
  ConsumeInviteRequest,
  ConsumeInviteResponse,
  CreateInviteRequest,
  CreateInviteResponse,
  Id,
  ListBackupResponse,
  MailboxId,
  PutSegmentResponse,
  RELAY,
  ReadMessagesResponse,
  base64urlLength,
} from '../../shared/protocol/relay';
import type { RequestSigningKey } from '../vault';
import { type BackoffPolicy, DEFAULT_BACKOFF, sleep as realSleep } from './backoff';
import { RelayClientError } from './errors';
import { type Subscription, type SubscribeOptions, subscribeMailbox } from './subscribe';
import type { WebSocketConstructor } from './socket';
import { type CallOptions, type RetryInfo, createTransport } from './transport';
import { type UploadOptions, type UploadResult, uploadSegments } from './upload';

export interface RelayClientOptions {
  /** The relay's origin, e.g. https://relay.example; '' for the page's own origin. */
  baseUrl: string;
  fetch?: typeof fetch;
  WebSocket?: WebSocketConstructor;
  /** The clock requests are signed with (ms). */
  now?: () => number;
  /** How the client waits between attempts; tests pass one that needs no real time. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Per attempt, from sending to the last byte of the answer. */
  timeoutMs?: number;
  /** Attempts per call, the first included. */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  onRetry?: (retry: RetryInfo) => void;
}

export const CLIENT_DEFAULTS = { timeoutMs: 30_000, maxAttempts: 5 } as const;

const Empty = z.strictObject({});

export interface ReadMessagesOptions extends CallOptions {
  /** The cursor: messages with a larger seq are returned. */
  after?: number;
  limit?: number;
}

export interface ListBackupOptions extends CallOptions {
  after?: string;
  limit?: number;
}

export interface RelayClient {
  createInvite(key: RequestSigningKey, request: CreateInviteRequest, options?: CallOptions): Promise<CreateInviteResponse>;
  consumeInvite(key: RequestSigningKey, request: ConsumeInviteRequest, options?: CallOptions): Promise<ConsumeInviteResponse>;
  appendMessage(mailbox: string, key: RequestSigningKey, message: AppendMessageRequest, options?: CallOptions): Promise<AppendMessageResponse>;
  readMessages(mailbox: string, key: RequestSigningKey, options?: ReadMessagesOptions): Promise<ReadMessagesResponse>;
  putSegment(mailbox: string, key: RequestSigningKey, blob: string, segment: number, bytes: Uint8Array, options?: CallOptions): Promise<PutSegmentResponse>;
  getSegment(mailbox: string, key: RequestSigningKey, blob: string, segment: number, options?: CallOptions): Promise<Uint8Array>;
  listSegments(mailbox: string, key: RequestSigningKey, blob: string, options?: CallOptions): Promise<number[]>;
  /** Sends only the segments the relay does not hold yet, so an upload cut off anywhere resumes. */
  uploadBlob(mailbox: string, key: RequestSigningKey, blob: string, segments: AsyncIterable<Uint8Array>, options?: UploadOptions): Promise<UploadResult>;
  putBackupObject(locator: string, key: RequestSigningKey, object: string, bytes: Uint8Array, options?: CallOptions): Promise<void>;
  listBackupObjects(locator: string, key: RequestSigningKey, options?: ListBackupOptions): Promise<ListBackupResponse>;
  getBackupObject(locator: string, key: RequestSigningKey, object: string, options?: CallOptions): Promise<Uint8Array>;
  deleteBackup(locator: string, key: RequestSigningKey, options?: CallOptions): Promise<void>;
  /** Follows a mailbox over the WebSocket; see subscribe.ts. Returns the way to stop. */
  subscribe(mailbox: string, key: RequestSigningKey, onMessage: SubscribeOptions['onMessage'], options?: Omit<SubscribeOptions, 'onMessage'>): Subscription;
}

/** Refuses, before any request, what the relay would refuse: malformed ids, unpadded bodies. */
function check<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new RelayClientError('bad_request', `${what} is malformed`);
  return parsed.data;
}

function checkCiphertext(ciphertext: string): void {
  const length = base64urlLength(ciphertext);
  if (length !== null && length > RELAY.maxMessageBytes) throw new RelayClientError('too_large', 'larger than the largest message bucket');
  if (length === null || !(RELAY.messageBuckets as readonly number[]).includes(length)) throw new RelayClientError('unpadded', 'not padded to a message bucket');
}

/** A blob segment or backup object: exactly one of the blob buckets long. */
function checkBinary(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const largest = RELAY.blobBuckets[RELAY.blobBuckets.length - 1] ?? 0;
  if (bytes.length > largest) throw new RelayClientError('too_large', 'larger than the largest blob bucket');
  if (!(RELAY.blobBuckets as readonly number[]).includes(bytes.length)) throw new RelayClientError('unpadded', 'not padded to a blob bucket');
  return new Uint8Array(bytes);
}

function checkSegmentIndex(segment: number): number {
  if (!Number.isInteger(segment) || segment < 0 || segment >= RELAY.maxSegments) throw new RelayClientError('bad_request', 'segment index out of range');
  return segment;
}

function query(entries: Record<string, string | number | undefined>): string {
  const parts = Object.entries(entries).flatMap(([name, value]) => (value === undefined ? [] : [`${name}=${encodeURIComponent(String(value))}`]));
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** Builds a client for one relay. Nothing is sent until a call is made. */
export function createRelayClient(options: RelayClientOptions): RelayClient {
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const transport = createTransport({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch: fetchImpl,
    now,
    sleep,
    random,
    timeoutMs: options.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs,
    maxAttempts: options.maxAttempts ?? CLIENT_DEFAULTS.maxAttempts,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  });
  const mailboxPath = (mailbox: string) => `/mailboxes/${check(MailboxId, mailbox, 'mailbox id')}`;
  const blobPath = (mailbox: string, blob: string) => `${mailboxPath(mailbox)}/blobs/${check(Id, blob, 'blob id')}`;
  const backupPath = (locator: string) => `/backups/${check(BackupLocator, locator, 'backup locator')}`;

  const client: RelayClient = {
    async createInvite(key, request, callOptions) {
      const body = check(CreateInviteRequest, request, 'invite');
      return transport.call(key, { method: 'POST', path: '/invites', body: { json: body }, response: CreateInviteResponse }, callOptions);
    },
    async consumeInvite(key, request, callOptions) {
      const body = check(ConsumeInviteRequest, request, 'invite');
      return transport.call(key, { method: 'POST', path: '/invites/consume', body: { json: body }, response: ConsumeInviteResponse }, callOptions);
    },
    async appendMessage(mailbox, key, message, callOptions) {
      checkCiphertext(message.ciphertext);
      const body = check(AppendMessageRequest, message, 'message');
      return transport.call(key, { method: 'POST', path: `${mailboxPath(mailbox)}/messages`, body: { json: body }, response: AppendMessageResponse }, callOptions);
    },
    async readMessages(mailbox, key, { after, limit, ...callOptions } = {}) {
      const path = `${mailboxPath(mailbox)}/messages${query({ after, limit })}`;
      return transport.call(key, { method: 'GET', path, response: ReadMessagesResponse }, callOptions);
    },
    async putSegment(mailbox, key, blob, segment, bytes, callOptions) {
      const path = `${blobPath(mailbox, blob)}/${checkSegmentIndex(segment)}`;
      return transport.call(key, { method: 'PUT', path, body: { bytes: checkBinary(bytes) }, response: PutSegmentResponse }, callOptions);
    },
    async getSegment(mailbox, key, blob, segment, callOptions) {
      return transport.call(key, { method: 'GET', path: `${blobPath(mailbox, blob)}/${checkSegmentIndex(segment)}`, response: 'bytes' }, callOptions);
    },
    async listSegments(mailbox, key, blob, callOptions) {
      return (await transport.call(key, { method: 'GET', path: blobPath(mailbox, blob), response: BlobSegmentsResponse }, callOptions)).segments;
    },
    uploadBlob(mailbox, key, blob, segments, uploadOptions) {
      return uploadSegments(client, mailbox, key, blob, segments, uploadOptions);
    },
    async putBackupObject(locator, key, object, bytes, callOptions) {
      const path = `${backupPath(locator)}/objects/${check(Id, object, 'object id')}`;
      await transport.call(key, { method: 'PUT', path, body: { bytes: checkBinary(bytes) }, response: Empty }, callOptions);
    },
    async listBackupObjects(locator, key, { after, limit, ...callOptions } = {}) {
      if (after !== undefined) check(Id, after, 'object id');
      return transport.call(key, { method: 'GET', path: `${backupPath(locator)}/objects${query({ after, limit })}`, response: ListBackupResponse }, callOptions);
    },
    async getBackupObject(locator, key, object, callOptions) {
      return transport.call(key, { method: 'GET', path: `${backupPath(locator)}/objects/${check(Id, object, 'object id')}`, response: 'bytes' }, callOptions);
    },
    async deleteBackup(locator, key, callOptions) {
      await transport.call(key, { method: 'DELETE', path: backupPath(locator), response: Empty, doneOnRetry: { code: 'unknown_backup', value: {} } }, callOptions);
    },
    subscribe(mailbox, key, onMessage, subscribeOptions = {}) {
      const WebSocketImpl = options.WebSocket ?? globalThis.WebSocket;
      return subscribeMailbox({ client, WebSocket: WebSocketImpl, baseUrl: options.baseUrl, now, sleep, random, mailbox, key, ...subscribeOptions, onMessage });
    },
  };
  return client;
}
