// The PostgreSQL adapter, used when DATABASE_URL is set. Each operation is one transaction; appends and
// segment writes lock their mailbox row (SELECT … FOR UPDATE), which serialises sequence numbers and
// quota checks per mailbox across any number of relay processes sharing the database.
import pg from 'pg';
import { sameBytes, type AppendOutcome, type BackupWriteOutcome, type ConsumeInviteOutcome, type CreateInviteInput, type CreateInviteOutcome, type MailboxQuota, type Membership, type PutOutcome, type RelayStore, type StoredMessage } from './store.js';

/** Numbered migrations, recorded in relay_schema. Ids compare with COLLATE "C" so order is byte order, as in SQLite. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE mailboxes (id TEXT COLLATE "C" PRIMARY KEY, opened_at BIGINT, last_seq BIGINT NOT NULL DEFAULT 0,
     bytes BIGINT NOT NULL DEFAULT 0, messages BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL);
   CREATE TABLE members (mailbox TEXT COLLATE "C" NOT NULL, key TEXT COLLATE "C" NOT NULL, PRIMARY KEY (mailbox, key));
   CREATE TABLE invites (token_hash TEXT COLLATE "C" PRIMARY KEY, mailbox TEXT COLLATE "C" NOT NULL, creator TEXT NOT NULL,
     expires_at BIGINT NOT NULL, consumer TEXT);
   CREATE INDEX invites_mailbox ON invites (mailbox);
   CREATE TABLE messages (mailbox TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, id TEXT COLLATE "C" NOT NULL, sender TEXT NOT NULL,
     received_at BIGINT NOT NULL, ciphertext BYTEA NOT NULL, PRIMARY KEY (mailbox, seq), UNIQUE (mailbox, id));
   CREATE TABLE segments (mailbox TEXT COLLATE "C" NOT NULL, blob TEXT COLLATE "C" NOT NULL, segment INTEGER NOT NULL, data BYTEA NOT NULL,
     PRIMARY KEY (mailbox, blob, segment));
   CREATE TABLE nonces (key TEXT COLLATE "C" NOT NULL, nonce TEXT COLLATE "C" NOT NULL, expires_at BIGINT NOT NULL, PRIMARY KEY (key, nonce));
   CREATE INDEX nonces_expiry ON nonces (expires_at);
   CREATE TABLE backups (locator TEXT COLLATE "C" PRIMARY KEY, key TEXT NOT NULL, last_write_at BIGINT NOT NULL, bytes BIGINT NOT NULL DEFAULT 0);
   CREATE TABLE backup_objects (locator TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (locator, id));`,
];

type Client = pg.PoolClient;

/** Thrown inside a transaction to roll it back and return a value. */
class Rollback<T> {
  constructor(readonly value: T) {}
}

interface MessageRow {
  id: string;
  seq: string;
  sender: string;
  received_at: string;
  ciphertext: Buffer;
}

const toMessage = (row: MessageRow): StoredMessage => ({ id: row.id, seq: Number(row.seq), sender: row.sender, receivedAt: Number(row.received_at), ciphertext: new Uint8Array(row.ciphertext) });

/** Connects to PostgreSQL at `connectionString` and brings its schema up to date. */
export async function openPostgresStore(connectionString: string): Promise<RelayStore> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client's error (the server restarting) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);

  async function transaction<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      try {
        const value = await fn(client);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK');
        if (error instanceof Rollback) return error.value as T;
        throw error;
      }
    } finally {
      client.release();
    }
  }

  await migrate(pool);

  const lockMailbox = async (client: Client, id: string) =>
    (await client.query<{ opened_at: string | null; last_seq: string; bytes: string; messages: string }>('SELECT opened_at, last_seq, bytes, messages FROM mailboxes WHERE id = $1 FOR UPDATE', [id])).rows[0];

  return {
    async rememberNonce(key, nonce, expiresAt) {
      const result = await pool.query('INSERT INTO nonces (key, nonce, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [key, nonce, expiresAt]);
      return result.rowCount === 1;
    },

    createInvite: (input: CreateInviteInput) =>
      transaction(async (client): Promise<CreateInviteOutcome> => {
        const existing = (await client.query<{ mailbox: string; creator: string; expires_at: string }>('SELECT mailbox, creator, expires_at FROM invites WHERE token_hash = $1', [input.tokenHash])).rows[0];
        if (existing) return existing.mailbox === input.mailbox && existing.creator === input.creator ? { kind: 'created', expiresAt: Number(existing.expires_at) } : { kind: 'conflict' };
        const created = await client.query('INSERT INTO mailboxes (id, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [input.mailbox, input.now]);
        if (created.rowCount === 1) {
          await client.query('INSERT INTO members (mailbox, key) VALUES ($1, $2)', [input.mailbox, input.creator]);
        } else {
          await lockMailbox(client, input.mailbox);
          const member = await client.query('SELECT 1 FROM members WHERE mailbox = $1 AND key = $2', [input.mailbox, input.creator]);
          if (member.rowCount === 0) return { kind: 'mailbox_taken' };
          const open = await client.query<{ n: string }>('SELECT count(*) AS n FROM invites WHERE mailbox = $1 AND consumer IS NULL AND expires_at > $2', [input.mailbox, input.now]);
          if (Number(open.rows[0]?.n ?? 0) >= input.maxOpenInvites) return { kind: 'quota' };
        }
        const inserted = await client.query('INSERT INTO invites (token_hash, mailbox, creator, expires_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [input.tokenHash, input.mailbox, input.creator, input.expiresAt]);
        // Another request took this token between our check and insert.
        if (inserted.rowCount !== 1) throw new Rollback<CreateInviteOutcome>({ kind: 'conflict' });
        return { kind: 'created', expiresAt: input.expiresAt };
      }),

    consumeInvite: ({ tokenHash, consumer, now }) =>
      transaction(async (client): Promise<ConsumeInviteOutcome> => {
        const invite = (await client.query<{ mailbox: string; expires_at: string; consumer: string | null }>('SELECT mailbox, expires_at, consumer FROM invites WHERE token_hash = $1 FOR UPDATE', [tokenHash])).rows[0];
        if (!invite) return { kind: 'unknown' };
        const head = async () => Number((await client.query<{ last_seq: string }>('SELECT last_seq FROM mailboxes WHERE id = $1', [invite.mailbox])).rows[0]?.last_seq ?? 0);
        if (invite.consumer !== null) return invite.consumer === consumer ? { kind: 'joined', mailbox: invite.mailbox, head: await head() } : { kind: 'used' };
        if (Number(invite.expires_at) <= now) return { kind: 'expired' };
        await client.query('UPDATE invites SET consumer = $1 WHERE token_hash = $2', [consumer, tokenHash]);
        await client.query('INSERT INTO members (mailbox, key) VALUES ($1, $2) ON CONFLICT DO NOTHING', [invite.mailbox, consumer]);
        await client.query('UPDATE mailboxes SET opened_at = coalesce(opened_at, $1) WHERE id = $2', [now, invite.mailbox]);
        return { kind: 'joined', mailbox: invite.mailbox, head: await head() };
      }),

    async membership(mailbox, key): Promise<Membership> {
      const row = (await pool.query<{ opened_at: string | null; member: boolean }>('SELECT opened_at, EXISTS (SELECT 1 FROM members WHERE mailbox = $1 AND key = $2) AS member FROM mailboxes WHERE id = $1', [mailbox, key])).rows[0];
      if (!row || row.opened_at === null) return 'unknown';
      return row.member ? 'member' : 'stranger';
    },

    appendMessage: (input: { mailbox: string; id: string; sender: string; ciphertext: Uint8Array; receivedAt: number; quota: MailboxQuota }) =>
      transaction(async (client): Promise<AppendOutcome> => {
        const mailbox = await lockMailbox(client, input.mailbox);
        if (!mailbox || mailbox.opened_at === null) return { kind: 'unknown' };
        const existing = (await client.query<MessageRow>('SELECT id, seq, sender, received_at, ciphertext FROM messages WHERE mailbox = $1 AND id = $2', [input.mailbox, input.id])).rows[0];
        if (existing) return sameBytes(existing.ciphertext, input.ciphertext) ? { kind: 'duplicate', message: toMessage(existing) } : { kind: 'conflict' };
        if (Number(mailbox.messages) + 1 > input.quota.maxMessages || Number(mailbox.bytes) + input.ciphertext.length > input.quota.maxBytes) return { kind: 'quota' };
        const seq = Number(mailbox.last_seq) + 1;
        await client.query('UPDATE mailboxes SET last_seq = $1, bytes = bytes + $2, messages = messages + 1 WHERE id = $3', [seq, input.ciphertext.length, input.mailbox]);
        await client.query('INSERT INTO messages (mailbox, seq, id, sender, received_at, ciphertext) VALUES ($1, $2, $3, $4, $5, $6)', [input.mailbox, seq, input.id, input.sender, input.receivedAt, Buffer.from(input.ciphertext)]);
        return { kind: 'appended', message: { id: input.id, seq, sender: input.sender, receivedAt: input.receivedAt, ciphertext: input.ciphertext } };
      }),

    async readMessages(mailbox, after, limit) {
      const rows = await pool.query<MessageRow>('SELECT id, seq, sender, received_at, ciphertext FROM messages WHERE mailbox = $1 AND seq > $2 ORDER BY seq LIMIT $3', [mailbox, after, limit]);
      return rows.rows.map(toMessage);
    },

    async head(mailbox) {
      return Number((await pool.query<{ last_seq: string }>('SELECT last_seq FROM mailboxes WHERE id = $1', [mailbox])).rows[0]?.last_seq ?? 0);
    },

    putSegment: (input: { mailbox: string; blob: string; segment: number; data: Uint8Array; quota: MailboxQuota }) =>
      transaction(async (client): Promise<PutOutcome> => {
        const mailbox = await lockMailbox(client, input.mailbox);
        if (!mailbox || mailbox.opened_at === null) return 'unknown';
        const existing = (await client.query<{ data: Buffer }>('SELECT data FROM segments WHERE mailbox = $1 AND blob = $2 AND segment = $3', [input.mailbox, input.blob, input.segment])).rows[0];
        if (existing) return sameBytes(existing.data, input.data) ? 'duplicate' : 'conflict';
        if (Number(mailbox.bytes) + input.data.length > input.quota.maxBytes) return 'quota';
        await client.query('UPDATE mailboxes SET bytes = bytes + $1 WHERE id = $2', [input.data.length, input.mailbox]);
        await client.query('INSERT INTO segments (mailbox, blob, segment, data) VALUES ($1, $2, $3, $4)', [input.mailbox, input.blob, input.segment, Buffer.from(input.data)]);
        return 'stored';
      }),

    async getSegment(mailbox, blob, segment) {
      const row = (await pool.query<{ data: Buffer }>('SELECT data FROM segments WHERE mailbox = $1 AND blob = $2 AND segment = $3', [mailbox, blob, segment])).rows[0];
      return row ? new Uint8Array(row.data) : null;
    },

    async listSegments(mailbox, blob) {
      return (await pool.query<{ segment: number }>('SELECT segment FROM segments WHERE mailbox = $1 AND blob = $2 ORDER BY segment', [mailbox, blob])).rows.map((row) => row.segment);
    },

    async backupInfo(locator) {
      const row = (await pool.query<{ key: string; last_write_at: string; bytes: string }>('SELECT key, last_write_at, bytes FROM backups WHERE locator = $1', [locator])).rows[0];
      return row ? { key: row.key, lastWriteAt: Number(row.last_write_at), bytes: Number(row.bytes) } : null;
    },

    putBackupObject: (input) =>
      transaction(async (client): Promise<BackupWriteOutcome> => {
        await client.query('INSERT INTO backups (locator, key, last_write_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [input.locator, input.key, input.now]);
        const backup = (await client.query<{ key: string; bytes: string }>('SELECT key, bytes FROM backups WHERE locator = $1 FOR UPDATE', [input.locator])).rows[0];
        if (!backup || backup.key !== input.key) throw new Rollback<BackupWriteOutcome>('forbidden');
        const previous = (await client.query<{ size: number }>('SELECT length(data) AS size FROM backup_objects WHERE locator = $1 AND id = $2', [input.locator, input.object])).rows[0]?.size ?? 0;
        const bytes = Number(backup.bytes) - previous + input.data.length;
        // Rolling back also undoes the registration above when this was the first write.
        if (bytes > input.maxBytes) throw new Rollback<BackupWriteOutcome>('quota');
        await client.query('UPDATE backups SET last_write_at = $1, bytes = $2 WHERE locator = $3', [input.now, bytes, input.locator]);
        await client.query('INSERT INTO backup_objects (locator, id, data) VALUES ($1, $2, $3) ON CONFLICT (locator, id) DO UPDATE SET data = excluded.data', [input.locator, input.object, Buffer.from(input.data)]);
        return 'stored';
      }),

    async getBackupObject(locator, object) {
      const row = (await pool.query<{ data: Buffer }>('SELECT data FROM backup_objects WHERE locator = $1 AND id = $2', [locator, object])).rows[0];
      return row ? new Uint8Array(row.data) : null;
    },

    async listBackupObjects(locator, after, limit) {
      const rows = await pool.query<{ id: string; size: number }>('SELECT id, length(data) AS size FROM backup_objects WHERE locator = $1 AND id > $2 ORDER BY id LIMIT $3', [locator, after ?? '', limit]);
      return rows.rows.map((row) => ({ id: row.id, size: Number(row.size) }));
    },

    deleteBackup: (locator) =>
      transaction(async (client) => {
        await client.query('DELETE FROM backup_objects WHERE locator = $1', [locator]);
        await client.query('DELETE FROM backups WHERE locator = $1', [locator]);
      }),

    sweep: (now, backupCutoff) =>
      transaction(async (client) => {
        await client.query('DELETE FROM nonces WHERE expires_at <= $1', [now]);
        const stale = `SELECT id FROM mailboxes m WHERE opened_at IS NULL AND NOT EXISTS (SELECT 1 FROM invites i WHERE i.mailbox = m.id AND i.expires_at > $1)`;
        await client.query(`DELETE FROM members WHERE mailbox IN (${stale})`, [now]);
        await client.query(`DELETE FROM mailboxes WHERE id IN (${stale})`, [now]);
        await client.query('DELETE FROM invites WHERE expires_at <= $1', [now]);
        await client.query('DELETE FROM backup_objects WHERE locator IN (SELECT locator FROM backups WHERE last_write_at < $1)', [backupCutoff]);
        await client.query('DELETE FROM backups WHERE last_write_at < $1', [backupCutoff]);
      }),

    close: () => pool.end(),
  };
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    // One relay process migrates at a time; the others wait on this lock.
    await client.query('SELECT pg_advisory_lock(7412001)');
    await client.query('CREATE TABLE IF NOT EXISTS relay_schema (version INTEGER NOT NULL)');
    const done = Number((await client.query<{ v: number | null }>('SELECT max(version) AS v FROM relay_schema')).rows[0]?.v ?? 0);
    for (let version = done; version < MIGRATIONS.length; version++) {
      await client.query('BEGIN');
      await client.query(MIGRATIONS[version] ?? '');
      await client.query('INSERT INTO relay_schema (version) VALUES ($1)', [version + 1]);
      await client.query('COMMIT');
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(7412001)').catch(() => undefined);
    client.release();
  }
}
