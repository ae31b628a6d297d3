// The relay's storage, behind one narrow interface with two adapters: SQLite (sqliteStore.ts, the
// default) and PostgreSQL (postgresStore.ts). The relay (relay.ts) validates and authenticates; the
// store only keeps data and makes each operation atomic, quota checks included, so two concurrent
// appends can neither share a sequence number nor together overrun a quota.
//
// What a store holds is ciphertext and the metadata the relay needs: mailbox ids, public signing
// keys, sizes, times. Invite tokens are stored only as their SHA-256, so a copy of the database
// cannot be used to join a mailbox.

export interface MailboxQuota {
  /** Bytes of message ciphertext and blob segments together. */
  maxBytes: number;
  maxMessages: number;
}

export interface StoredMessage {
  id: string;
  seq: number;
  sender: string;
  receivedAt: number;
  ciphertext: Uint8Array;
}

export type CreateInviteOutcome =
  /** Recorded now, or already recorded with the same mailbox and creator (a retry). */
  | { kind: 'created'; expiresAt: number }
  /** The token exists with another mailbox or creator. */
  | { kind: 'conflict' }
  /** The mailbox exists and the creator is not one of its keys. */
  | { kind: 'mailbox_taken' }
  /** Too many open invites for this mailbox. */
  | { kind: 'quota' };

export type ConsumeInviteOutcome =
  | { kind: 'joined'; mailbox: string; head: number }
  | { kind: 'unknown' }
  | { kind: 'expired' }
  | { kind: 'used' };

export type Membership = 'member' | 'stranger' | 'unknown';

export type AppendOutcome =
  | { kind: 'appended'; message: StoredMessage }
  | { kind: 'duplicate'; message: StoredMessage }
  | { kind: 'conflict' }
  | { kind: 'quota' }
  | { kind: 'unknown' };

export type PutOutcome = 'stored' | 'duplicate' | 'conflict' | 'quota' | 'unknown';

export type BackupWriteOutcome = 'stored' | 'forbidden' | 'quota';

export interface BackupInfo {
  key: string;
  lastWriteAt: number;
  bytes: number;
}

export interface CreateInviteInput {
  tokenHash: string;
  mailbox: string;
  creator: string;
  expiresAt: number;
  now: number;
  maxOpenInvites: number;
}

export interface RelayStore {
  /** Records a nonce for a key until `expiresAt`; false when it was already recorded (a replay). */
  rememberNonce(key: string, nonce: string, expiresAt: number): Promise<boolean>;
  createInvite(input: CreateInviteInput): Promise<CreateInviteOutcome>;
  /** Consumes an invite once; the consumer's key joins the mailbox. A retry by the same key succeeds again. */
  consumeInvite(input: { tokenHash: string; consumer: string; now: number }): Promise<ConsumeInviteOutcome>;
  /** Whether a key belongs to a mailbox; 'unknown' for a mailbox no invite has opened. */
  membership(mailbox: string, key: string): Promise<Membership>;
  appendMessage(input: { mailbox: string; id: string; sender: string; ciphertext: Uint8Array; receivedAt: number; quota: MailboxQuota }): Promise<AppendOutcome>;
  /** Messages with seq > after, in order, at most `limit`. */
  readMessages(mailbox: string, after: number, limit: number): Promise<StoredMessage[]>;
  /** The highest seq in a mailbox (0 when empty). */
  head(mailbox: string): Promise<number>;
  putSegment(input: { mailbox: string; blob: string; segment: number; data: Uint8Array; quota: MailboxQuota }): Promise<PutOutcome>;
  getSegment(mailbox: string, blob: string, segment: number): Promise<Uint8Array | null>;
  listSegments(mailbox: string, blob: string): Promise<number[]>;
  backupInfo(locator: string): Promise<BackupInfo | null>;
  /** Writes (or replaces) one backup object; the first write registers `key` as the write key. */
  putBackupObject(input: { locator: string; key: string; object: string; data: Uint8Array; now: number; maxBytes: number }): Promise<BackupWriteOutcome>;
  getBackupObject(locator: string, object: string): Promise<Uint8Array | null>;
  /** Object ids and sizes after `after` (id order), at most `limit`. */
  listBackupObjects(locator: string, after: string | null, limit: number): Promise<{ id: string; size: number }[]>;
  deleteBackup(locator: string): Promise<void>;
  /** Drops expired nonces and invites, mailboxes never opened whose invites expired, and backups not written since `backupCutoff`. */
  sweep(now: number, backupCutoff: number): Promise<void>;
  close(): Promise<void>;
}

/** Byte equality for idempotency checks (ciphertexts are not secrets, so no constant time needed). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
