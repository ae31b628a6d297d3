// platform/relay — the relay client (DESIGN §3, §7). Typed, signed calls for every relay route
// (server/relay/README.md), a WebSocket subscription that never misses or repeats a message, a
// durable outbox, and resumable blob uploads. Holds no keys of its own: every call takes the signing
// key it is made with (platform/vault makes and keeps them).
//
// Exports: createRelayClient, RelayClientError, RelayCallError (for small ports over the client), createOutbox (+ memoryOutboxStorage, and
// vaultOutboxStorage for the durable one), backoff helpers, and their types.
// Imports: shared/protocol (wire schemas), platform/vault (signing, ids, base64url) and
// platform/store (the outbox's records). Never features or UI.

export { type RelayClient, type RelayClientOptions, type ReadMessagesOptions, type ListBackupOptions, CLIENT_DEFAULTS, createRelayClient } from './client';
export { RelayClientError, type RelayClientErrorCode, isRelayClientError, isTransient } from './errors';
export { RelayCallError, asCallError } from './callError';
export { type BackoffPolicy, DEFAULT_BACKOFF, backoffDelay } from './backoff';
export type { CallOptions, RetryInfo } from './transport';
export { RECONNECT_BACKOFF, type SubscribeOptions, type Subscription, type SubscriptionState } from './subscribe';
export type { UploadOptions, UploadResult } from './upload';
export type { RelaySocket, WebSocketConstructor } from './socket';
export { type DrainReport, type Outbox, type OutboxOptions, type OutboxStorage, createOutbox, memoryOutboxStorage } from './outbox';
export { OutboxItem, OutboxMessage, OutboxSegment } from './outboxQueue';
export { OUTBOX_KIND, vaultOutboxStorage } from './outboxStore';
