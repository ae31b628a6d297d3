// The SQLite adapter (the default): one file under data/, WAL journal so readers never block the
// writer. better-sqlite3 is synchronous, and each operation below runs in one immediate transaction,
// so a sequence number or a quota check can never race another request in this process.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { sameBytes, type AppendOutcome, type BackupInfo, type BackupWriteOutcome, type ConsumeInviteOutcome, type CreateInviteInput, type CreateInviteOutcome, type MailboxQuota, type Membership, type PutOutcome, type RelayStore, type StoredMessage } from './store.js';

/** Numbered migrations; PRAGMA user_version records how many have run. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE mailboxes (id TEXT PRIMARY KEY, opened_at INTEGER, last_seq INTEGER NOT NULL DEFAULT 0,
     bytes INTEGER NOT NULL DEFAULT 0, messages INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);
   CREATE TABLE members (mailbox TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (mailbox, key));
   CREATE TABLE invites (token_hash TEXT PRIMARY KEY, mailbox TEXT NOT NULL, creator TEXT NOT NULL,
     expires_at INTEGER NOT NULL, consumer TEXT);
   CREATE INDEX invites_mailbox ON invites (mailbox);
   CREATE TABLE messages (mailbox TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, sender TEXT NOT NULL,
     received_at INTEGER NOT NULL, ciphertext BLOB NOT NULL, PRIMARY KEY (mailbox, seq), UNIQUE (mailbox, id));
   CREATE TABLE segments (mailbox TEXT NOT NULL, blob TEXT NOT NULL, segment INTEGER NOT NULL, data BLOB NOT NULL,
     PRIMARY KEY (mailbox, blob, segment));
   CREATE TABLE nonces (key TEXT NOT NULL, nonce TEXT NOT NULL, expires_at INTEGER NOT NULL, PRIMARY KEY (key, nonce));
   CREATE INDEX nonces_expiry ON nonces (expires_at);
   CREATE TABLE backups (locator TEXT PRIMARY KEY, key TEXT NOT NULL, last_write_at INTEGER NOT NULL, bytes INTEGER NOT NULL DEFAULT 0);
   CREATE TABLE backup_objects (locator TEXT NOT NULL, id TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (locator, id));`,
];

interface MessageRow {
  id: string;
  seq: number;
  sender: string;
  received_at: number;
  ciphertext: Buffer;
}

const toMessage = (row: MessageRow): StoredMessage => ({ id: row.id, seq: row.seq, sender: row.sender, receivedAt: row.received_at, ciphertext: new Uint8Array(row.ciphertext) });

/** Opens (creating if needed) the SQLite store at `file`. */
export function openSqliteStore(file: string): RelayStore {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Deleted rows are overwritten, not left in free pages (ciphertext only, but less to find later).
  db.pragma('secure_delete = ON');
  migrate(db);

  const tx = <A extends unknown[], R>(fn: (...args: A) => R) => {
    const wrapped = db.transaction(fn);
    return (...args: A): R => wrapped.immediate(...args);
  };

  const stmt = {
    insertNonce: db.prepare('INSERT OR IGNORE INTO nonces (key, nonce, expires_at) VALUES (?, ?, ?)'),
    mailbox: db.prepare<[string], { opened_at: number | null; last_seq: number; bytes: number; messages: number }>('SELECT opened_at, last_seq, bytes, messages FROM mailboxes WHERE id = ?'),
    member: db.prepare<[string, string], { key: string }>('SELECT key FROM members WHERE mailbox = ? AND key = ?'),
    invite: db.prepare<[string], { mailbox: string; creator: string; expires_at: number; consumer: string | null }>('SELECT mailbox, creator, expires_at, consumer FROM invites WHERE token_hash = ?'),
    openInvites: db.prepare<[string, number], { n: number }>('SELECT count(*) AS n FROM invites WHERE mailbox = ? AND consumer IS NULL AND expires_at > ?'),
    message: db.prepare<[string, string], MessageRow>('SELECT id, seq, sender, received_at, ciphertext FROM messages WHERE mailbox = ? AND id = ?'),
    messages: db.prepare<[string, number, number], MessageRow>('SELECT id, seq, sender, received_at, ciphertext FROM messages WHERE mailbox = ? AND seq > ? ORDER BY seq LIMIT ?'),
    segment: db.prepare<[string, string, number], { data: Buffer }>('SELECT data FROM segments WHERE mailbox = ? AND blob = ? AND segment = ?'),
    segments: db.prepare<[string, string], { segment: number }>('SELECT segment FROM segments WHERE mailbox = ? AND blob = ? ORDER BY segment'),
    backup: db.prepare<[string], { key: string; last_write_at: number; bytes: number }>('SELECT key, last_write_at, bytes FROM backups WHERE locator = ?'),
    backupObject: db.prepare<[string, string], { data: Buffer }>('SELECT data FROM backup_objects WHERE locator = ? AND id = ?'),
  };

  const rememberNonce = tx((key: string, nonce: string, expiresAt: number) => stmt.insertNonce.run(key, nonce, expiresAt).changes === 1);

  const createInvite = tx((input: CreateInviteInput): CreateInviteOutcome => {
    const existing = stmt.invite.get(input.tokenHash);
    if (existing) {
      return existing.mailbox === input.mailbox && existing.creator === input.creator ? { kind: 'created', expiresAt: existing.expires_at } : { kind: 'conflict' };
    }
    const mailbox = stmt.mailbox.get(input.mailbox);
    if (mailbox && !stmt.member.get(input.mailbox, input.creator)) return { kind: 'mailbox_taken' };
    if (!mailbox) {
      db.prepare('INSERT INTO mailboxes (id, created_at) VALUES (?, ?)').run(input.mailbox, input.now);
      db.prepare('INSERT INTO members (mailbox, key) VALUES (?, ?)').run(input.mailbox, input.creator);
    } else if ((stmt.openInvites.get(input.mailbox, input.now)?.n ?? 0) >= input.maxOpenInvites) {
      return { kind: 'quota' };
    }
    db.prepare('INSERT INTO invites (token_hash, mailbox, creator, expires_at) VALUES (?, ?, ?, ?)').run(input.tokenHash, input.mailbox, input.creator, input.expiresAt);
    return { kind: 'created', expiresAt: input.expiresAt };
  });

  const consumeInvite = tx(({ tokenHash, consumer, now }: { tokenHash: string; consumer: string; now: number }): ConsumeInviteOutcome => {
    const invite = stmt.invite.get(tokenHash);
    if (!invite) return { kind: 'unknown' };
    const head = () => stmt.mailbox.get(invite.mailbox)?.last_seq ?? 0;
    if (invite.consumer !== null) return invite.consumer === consumer ? { kind: 'joined', mailbox: invite.mailbox, head: head() } : { kind: 'used' };
    if (invite.expires_at <= now) return { kind: 'expired' };
    db.prepare('UPDATE invites SET consumer = ? WHERE token_hash = ?').run(consumer, tokenHash);
    db.prepare('INSERT OR IGNORE INTO members (mailbox, key) VALUES (?, ?)').run(invite.mailbox, consumer);
    db.prepare('UPDATE mailboxes SET opened_at = coalesce(opened_at, ?) WHERE id = ?').run(now, invite.mailbox);
    return { kind: 'joined', mailbox: invite.mailbox, head: head() };
  });

  const membership = (mailbox: string, key: string): Membership => {
    const row = stmt.mailbox.get(mailbox);
    if (!row || row.opened_at === null) return 'unknown';
    return stmt.member.get(mailbox, key) ? 'member' : 'stranger';
  };

  const appendMessage = tx((input: { mailbox: string; id: string; sender: string; ciphertext: Uint8Array; receivedAt: number; quota: MailboxQuota }): AppendOutcome => {
    const mailbox = stmt.mailbox.get(input.mailbox);
    if (!mailbox || mailbox.opened_at === null) return { kind: 'unknown' };
    const existing = stmt.message.get(input.mailbox, input.id);
    if (existing) return sameBytes(existing.ciphertext, input.ciphertext) ? { kind: 'duplicate', message: toMessage(existing) } : { kind: 'conflict' };
    if (mailbox.messages + 1 > input.quota.maxMessages || mailbox.bytes + input.ciphertext.length > input.quota.maxBytes) return { kind: 'quota' };
    const seq = mailbox.last_seq + 1;
    db.prepare('UPDATE mailboxes SET last_seq = ?, bytes = bytes + ?, messages = messages + 1 WHERE id = ?').run(seq, input.ciphertext.length, input.mailbox);
    db.prepare('INSERT INTO messages (mailbox, seq, id, sender, received_at, ciphertext) VALUES (?, ?, ?, ?, ?, ?)').run(input.mailbox, seq, input.id, input.sender, input.receivedAt, input.ciphertext);
    return { kind: 'appended', message: { id: input.id, seq, sender: input.sender, receivedAt: input.receivedAt, ciphertext: input.ciphertext } };
  });

  const putSegment = tx((input: { mailbox: string; blob: string; segment: number; data: Uint8Array; quota: MailboxQuota }): PutOutcome => {
    const mailbox = stmt.mailbox.get(input.mailbox);
    if (!mailbox || mailbox.opened_at === null) return 'unknown';
    const existing = stmt.segment.get(input.mailbox, input.blob, input.segment);
    if (existing) return sameBytes(existing.data, input.data) ? 'duplicate' : 'conflict';
    if (mailbox.bytes + input.data.length > input.quota.maxBytes) return 'quota';
    db.prepare('UPDATE mailboxes SET bytes = bytes + ? WHERE id = ?').run(input.data.length, input.mailbox);
    db.prepare('INSERT INTO segments (mailbox, blob, segment, data) VALUES (?, ?, ?, ?)').run(input.mailbox, input.blob, input.segment, input.data);
    return 'stored';
  });

  const putBackupObject = tx((input: { locator: string; key: string; object: string; data: Uint8Array; now: number; maxBytes: number }): BackupWriteOutcome => {
    const backup = stmt.backup.get(input.locator);
    if (backup && backup.key !== input.key) return 'forbidden';
    const previous = stmt.backupObject.get(input.locator, input.object)?.data.length ?? 0;
    const bytes = (backup?.bytes ?? 0) - previous + input.data.length;
    if (bytes > input.maxBytes) return 'quota';
    if (backup) db.prepare('UPDATE backups SET last_write_at = ?, bytes = ? WHERE locator = ?').run(input.now, bytes, input.locator);
    else db.prepare('INSERT INTO backups (locator, key, last_write_at, bytes) VALUES (?, ?, ?, ?)').run(input.locator, input.key, input.now, bytes);
    db.prepare('INSERT INTO backup_objects (locator, id, data) VALUES (?, ?, ?) ON CONFLICT (locator, id) DO UPDATE SET data = excluded.data').run(input.locator, input.object, input.data);
    return 'stored';
  });

  const deleteBackupRows = (locator: string) => {
    db.prepare('DELETE FROM backup_objects WHERE locator = ?').run(locator);
    db.prepare('DELETE FROM backups WHERE locator = ?').run(locator);
  };
  const deleteBackup = tx(deleteBackupRows);

  const sweep = tx((now: number, backupCutoff: number) => {
    db.prepare('DELETE FROM nonces WHERE expires_at <= ?').run(now);
    // A mailbox no invite ever opened, whose invites have all expired, is dropped with its key.
    const stale = db.prepare<[number], { id: string }>(
      `SELECT id FROM mailboxes m WHERE opened_at IS NULL AND NOT EXISTS (SELECT 1 FROM invites i WHERE i.mailbox = m.id AND i.expires_at > ?)`,
    ).all(now);
    for (const { id } of stale) {
      db.prepare('DELETE FROM members WHERE mailbox = ?').run(id);
      db.prepare('DELETE FROM mailboxes WHERE id = ?').run(id);
    }
    db.prepare('DELETE FROM invites WHERE expires_at <= ?').run(now);
    const old = db.prepare<[number], { locator: string }>('SELECT locator FROM backups WHERE last_write_at < ?').all(backupCutoff);
    for (const { locator } of old) deleteBackupRows(locator);
  });

  return {
    rememberNonce: async (key, nonce, expiresAt) => rememberNonce(key, nonce, expiresAt),
    createInvite: async (input) => createInvite(input),
    consumeInvite: async (input) => consumeInvite(input),
    membership: async (mailbox, key) => membership(mailbox, key),
    appendMessage: async (input) => appendMessage(input),
    readMessages: async (mailbox, after, limit) => stmt.messages.all(mailbox, after, limit).map(toMessage),
    head: async (mailbox) => stmt.mailbox.get(mailbox)?.last_seq ?? 0,
    putSegment: async (input) => putSegment(input),
    getSegment: async (mailbox, blob, segment) => {
      const row = stmt.segment.get(mailbox, blob, segment);
      return row ? new Uint8Array(row.data) : null;
    },
    listSegments: async (mailbox, blob) => stmt.segments.all(mailbox, blob).map((row) => row.segment),
    backupInfo: async (locator): Promise<BackupInfo | null> => {
      const row = stmt.backup.get(locator);
      return row ? { key: row.key, lastWriteAt: row.last_write_at, bytes: row.bytes } : null;
    },
    putBackupObject: async (input) => putBackupObject(input),
    getBackupObject: async (locator, object) => {
      const row = stmt.backupObject.get(locator, object);
      return row ? new Uint8Array(row.data) : null;
    },
    listBackupObjects: async (locator, after, limit) =>
      db
        .prepare<[string, string, number], { id: string; size: number }>('SELECT id, length(data) AS size FROM backup_objects WHERE locator = ? AND id > ? ORDER BY id LIMIT ?')
        .all(locator, after ?? '', limit),
    deleteBackup: async (locator) => deleteBackup(locator),
    sweep: async (now, backupCutoff) => sweep(now, backupCutoff),
    close: async () => {
      db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  const done = Number(db.pragma('user_version', { simple: true }));
  for (let version = done; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
