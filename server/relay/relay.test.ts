// The relay factory driven directly (no HTTP), on both storage adapters.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELAY, type ServerFrame } from '../../src/shared/protocol/relay';
import { createRelay, type Relay, type RelayLimits } from './relay';
import type { RelayStore } from './store';
import { ciphertext, newId, newSigner, type Signer } from './testing/client';
import { call, code, json, routeOf, silent } from './testing/factory';
import { findPostgresBin } from './testing/postgres';
import { storeHarnesses, type StorePlace } from './testing/stores';

for (const harness of storeHarnesses()) {
  describe.runIf(harness.available)(`the relay factory on ${harness.name}`, () => {
    const opened: RelayStore[] = [];
    beforeAll(() => harness.start(), 60_000);
    afterAll(async () => {
      // Closing twice (a test that restarts closes its own) is harmless to ignore.
      for (const store of opened) await store.close().catch(() => undefined);
      await harness.stop();
    });

    let clock = 1_800_000_000_000;
    const now = () => clock;

    async function setup(limits: Partial<RelayLimits> = {}) {
      const place: StorePlace = await harness.place();
      const store = await place.open();
      opened.push(store);
      const relay = createRelay({ store, limits, log: silent, now });
      const alice = await newSigner(now);
      const bob = await newSigner(now);
      const mailbox = newId();
      const invite = newId();
      return { place, store, relay, alice, bob, mailbox, invite };
    }

    async function paired(limits: Partial<RelayLimits> = {}) {
      const s = await setup(limits);
      expect((await call(s.relay, 'invites.create', s.alice, { json: { invite: s.invite, mailbox: s.mailbox } })).status).toBe(200);
      expect((await call(s.relay, 'invites.consume', s.bob, { json: { invite: s.invite } })).status).toBe(200);
      return s;
    }

    const append = (s: { relay: Relay; mailbox: string }, signer: Signer, id = newId(), text = ciphertext()) =>
      call(s.relay, 'messages.append', signer, { params: { mailbox: s.mailbox }, json: { id, ciphertext: text } });

    describe('invites', () => {
      it('make a mailbox only once consumed, and only once', async () => {
        const s = await setup();
        const created = await call(s.relay, 'invites.create', s.alice, { json: { invite: s.invite, mailbox: s.mailbox } });
        expect(json(created)).toEqual({ mailbox: s.mailbox, expiresAt: clock + RELAY.defaultInviteTtlMs });
        // Before consumption the mailbox does not exist, even for its creator.
        expect(code(await append(s, s.alice))).toBe('unknown_mailbox');
        expect(json(await call(s.relay, 'invites.consume', s.bob, { json: { invite: s.invite } }))).toEqual({ mailbox: s.mailbox, head: 0 });
        // A retry by the same key succeeds again; any other key is refused.
        expect((await call(s.relay, 'invites.consume', s.bob, { json: { invite: s.invite } })).status).toBe(200);
        const eve = await newSigner(now);
        const second = await call(s.relay, 'invites.consume', eve, { json: { invite: s.invite } });
        expect([second.status, code(second)]).toEqual([409, 'invite_used']);
        expect(code(await append(s, eve))).toBe('forbidden');
        expect((await append(s, s.alice)).status).toBe(200);
        expect((await append(s, s.bob)).status).toBe(200);
      });

      it('refuse an expired invite and a forged one', async () => {
        const s = await setup();
        await call(s.relay, 'invites.create', s.alice, { json: { invite: s.invite, mailbox: s.mailbox, ttlMs: 60_000 } });
        clock += 60_000;
        const expired = await call(s.relay, 'invites.consume', s.bob, { json: { invite: s.invite } });
        expect([expired.status, code(expired)]).toEqual([410, 'invite_expired']);
        const forged = await call(s.relay, 'invites.consume', s.bob, { json: { invite: newId() } });
        expect([forged.status, code(forged)]).toEqual([404, 'unknown_invite']);
        // After the sweep, the never-opened mailbox is gone and its id is free again.
        await s.relay.sweep();
        const eve = await newSigner(now);
        expect((await call(s.relay, 'invites.create', eve, { json: { invite: newId(), mailbox: s.mailbox } })).status).toBe(200);
      });

      it('keep a mailbox id to its keys', async () => {
        const s = await paired();
        const eve = await newSigner(now);
        expect(code(await call(s.relay, 'invites.create', eve, { json: { invite: newId(), mailbox: s.mailbox } }))).toBe('mailbox_taken');
        // The same token for another mailbox is a conflict; a retry of the same creation is not.
        expect(code(await call(s.relay, 'invites.create', s.alice, { json: { invite: s.invite, mailbox: newId() } }))).toBe('conflict');
        expect((await call(s.relay, 'invites.create', s.alice, { json: { invite: s.invite, mailbox: s.mailbox } })).status).toBe(200);
        // A member may invite another device to the open mailbox, within the open-invite limit.
        const third = newId();
        expect((await call(s.relay, 'invites.create', s.alice, { json: { invite: third, mailbox: s.mailbox } })).status).toBe(200);
        const carol = await newSigner(now);
        expect(json(await call(s.relay, 'invites.consume', carol, { json: { invite: third } }))).toMatchObject({ mailbox: s.mailbox });
        expect((await append(s, carol)).status).toBe(200);
      });

      it('validate the request body', async () => {
        const s = await setup();
        for (const body of [{ invite: 'short', mailbox: s.mailbox }, { invite: s.invite, mailbox: s.mailbox, extra: 1 }, { invite: s.invite, mailbox: s.mailbox, ttlMs: RELAY.maxInviteTtlMs + 1 }, null]) {
          expect(code(await call(s.relay, 'invites.create', s.alice, { json: body }))).toBe('bad_request');
        }
      });
    });

    describe('signatures', () => {
      it('accept a good one and refuse unsigned, flipped, wrong-key, moved and stale requests', async () => {
        const s = await paired();
        const text = ciphertext();
        const body = { id: newId(), ciphertext: text };
        const params = { mailbox: s.mailbox };
        const unsigned = await call(s.relay, 'messages.append', s.alice, { params, json: body, unsigned: true });
        expect([unsigned.status, code(unsigned)]).toEqual([401, 'unsigned']);
        const readRoute = routeOf(s.relay, 'messages.read');
        const readPath = `${RELAY.prefix}/mailboxes/${s.mailbox}/messages`;
        const readHeaders = await s.alice.headers('GET', readPath);
        const partly = { ...readHeaders, 'x-wm-nonce': undefined };
        expect(code(await readRoute.handle({ method: 'GET', pathWithQuery: readPath, params, query: {}, headers: partly, body: new Uint8Array(0) }))).toBe('unsigned');
        const shortSig = { ...readHeaders, 'x-wm-sig': (readHeaders['x-wm-sig'] ?? '').slice(0, 80) };
        expect(code(await readRoute.handle({ method: 'GET', pathWithQuery: readPath, params, query: {}, headers: shortSig, body: new Uint8Array(0) }))).toBe('bad_signature');

        const route = routeOf(s.relay, 'messages.append');
        const path = `${RELAY.prefix}/mailboxes/${s.mailbox}/messages`;
        const bytes = new TextEncoder().encode(JSON.stringify(body));
        const headers = await s.alice.headers('POST', path, bytes);
        const sig = Buffer.from(headers['x-wm-sig'] ?? '', 'base64url');
        sig[10] = (sig[10] ?? 0) ^ 1;
        const flipped = await route.handle({ method: 'POST', pathWithQuery: path, params, query: {}, headers: { ...headers, 'x-wm-sig': sig.toString('base64url') }, body: bytes });
        expect([flipped.status, code(flipped)]).toEqual([401, 'bad_signature']);

        // Signed by Alice, presented as Bob's key.
        expect(code(await call(s.relay, 'messages.append', s.alice, { params, json: body, sign: { key: s.bob.key } }))).toBe('bad_signature');
        // A signature over another body (or path) does not carry over.
        expect(code(await call(s.relay, 'messages.append', s.alice, { params, json: body, sign: { body: new Uint8Array([1]) } }))).toBe('bad_signature');
        const moved = await route.handle({ method: 'POST', pathWithQuery: `${RELAY.prefix}/mailboxes/${newId()}/messages`, params, query: {}, headers, body: bytes });
        expect(code(moved)).toBe('bad_signature');
        // A key that is not a point on the curve.
        expect(code(await call(s.relay, 'messages.append', s.alice, { params, json: body, sign: { key: `B${'A'.repeat(86)}` } }))).toBe('bad_signature');

        for (const ts of [clock - RELAY.maxSkewMs - 1, clock + RELAY.maxSkewMs + 1]) {
          expect(code(await call(s.relay, 'messages.append', s.alice, { params, json: body, sign: { ts } }))).toBe('clock_skew');
        }
        expect((await call(s.relay, 'messages.append', s.alice, { params, json: body, sign: { ts: clock - RELAY.maxSkewMs } })).status).toBe(200);
        // The real request went through untouched.
        const good = await route.handle({ method: 'POST', pathWithQuery: path, params, query: {}, headers, body: bytes });
        expect(json(good)).toMatchObject({ duplicate: true });
      });

      it('refuse a replayed nonce, even after a restart, and not for a forged request', async () => {
        const s = await paired();
        const params = { mailbox: s.mailbox };
        const nonce = randomBytes(16).toString('base64url');
        // A forged request with this nonce must not burn it.
        expect(code(await call(s.relay, 'messages.read', s.alice, { params, sign: { nonce, key: s.bob.key } }))).toBe('bad_signature');
        expect((await call(s.relay, 'messages.read', s.alice, { params, sign: { nonce } })).status).toBe(200);
        const replay = await call(s.relay, 'messages.read', s.alice, { params, sign: { nonce } });
        expect([replay.status, code(replay)]).toEqual([401, 'replayed']);
        await s.store.close();
        const store = await s.place.open();
        opened.push(store);
        const reopened = createRelay({ store, log: silent, now });
        expect(code(await call(reopened, 'messages.read', s.alice, { params, sign: { nonce } }))).toBe('replayed');
      });
    });

    describe('messages', () => {
      it('are idempotent by client id and refuse a different body under the same id', async () => {
        const s = await paired();
        const id = newId();
        const text = ciphertext();
        const first = json(await append(s, s.alice, id, text));
        expect(first).toEqual({ seq: 1, receivedAt: clock, duplicate: false });
        clock += 1000;
        expect(json(await append(s, s.alice, id, text))).toEqual({ seq: 1, receivedAt: first.receivedAt, duplicate: true });
        const conflict = await append(s, s.alice, id, ciphertext());
        expect([conflict.status, code(conflict)]).toEqual([409, 'conflict']);
        expect(json(await call(s.relay, 'messages.read', s.bob, { params: { mailbox: s.mailbox } })).messages).toHaveLength(1);
      });

      it('get one sequence number each when appended concurrently, and a retry racing its original is stored once', async () => {
        const s = await paired();
        const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => append(s, i % 2 ? s.alice : s.bob)));
        expect(replies.map((r) => json(r).seq).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        const id = newId();
        const text = ciphertext();
        const racing = await Promise.all(Array.from({ length: 5 }, () => append(s, s.alice, id, text)));
        expect(racing.map((r) => json(r).seq)).toEqual([21, 21, 21, 21, 21]);
        expect(racing.filter((r) => json(r).duplicate === false)).toHaveLength(1);
      });

      it('are read by cursor, in order, with the sender and the relay time', async () => {
        const s = await paired();
        const sent: string[] = [];
        for (let i = 0; i < 5; i++) {
          const text = ciphertext(RELAY.messageBuckets[i % 2]);
          sent.push(text);
          await append(s, i % 2 ? s.bob : s.alice, newId(), text);
        }
        const page = json(await call(s.relay, 'messages.read', s.bob, { params: { mailbox: s.mailbox }, query: { after: '0', limit: '2' } }));
        expect(page).toMatchObject({ next: 2, more: true });
        const rest = json(await call(s.relay, 'messages.read', s.bob, { params: { mailbox: s.mailbox }, query: { after: '2' } }));
        expect(rest).toMatchObject({ next: 5, more: false });
        const all = [...(page.messages as { ciphertext: string; seq: number; sender: string }[]), ...(rest.messages as { ciphertext: string; seq: number; sender: string }[])];
        expect(all.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
        expect(all.map((m) => m.ciphertext)).toEqual(sent);
        expect(all.map((m) => m.sender)).toEqual([s.alice.key, s.bob.key, s.alice.key, s.bob.key, s.alice.key]);
        expect(json(await call(s.relay, 'messages.read', s.bob, { params: { mailbox: s.mailbox }, query: { after: '5' } }))).toEqual({ messages: [], next: 5, more: false });
        for (const query of [{ limit: '0' }, { limit: String(RELAY.maxReadLimit + 1) }, { after: '-1' }, { after: '01' }, { after: 'x' }, { cursor: '1' }] as Record<string, string>[]) {
          expect(code(await call(s.relay, 'messages.read', s.bob, { params: { mailbox: s.mailbox }, query }))).toBe('bad_request');
        }
        expect(code(await call(s.relay, 'messages.read', s.bob, { params: { mailbox: newId() } }))).toBe('unknown_mailbox');
      });

      it('must be padded to a bucket and no larger than the largest', async () => {
        const s = await paired();
        const unpadded = await append(s, s.alice, newId(), ciphertext(1000));
        expect([unpadded.status, code(unpadded)]).toEqual([400, 'unpadded']);
        const huge = await append(s, s.alice, newId(), ciphertext(RELAY.maxMessageBytes * 2));
        expect([huge.status, code(huge)]).toEqual([413, 'too_large']);
        // Padded, but not canonical base64url (a second encoding of the same bytes).
        const text = ciphertext(RELAY.messageBuckets[0]);
        const noncanonical = text.slice(0, -1) + (text.endsWith('B') ? 'C' : 'B');
        expect(code(await append(s, s.alice, newId(), noncanonical))).toBe('bad_request');
      });
    });

    describe('limits', () => {
      it('rate-limit each key with a token bucket', async () => {
        const s = await paired({ perKey: { capacity: 3, refillPerSecond: 1 } });
        const read = (signer: Signer) => call(s.relay, 'messages.read', signer, { params: { mailbox: s.mailbox } });
        // Forged requests under Alice's key spend none of her tokens.
        const eve = await newSigner(now);
        for (let i = 0; i < 5; i++) expect(code(await call(s.relay, 'messages.read', eve, { params: { mailbox: s.mailbox }, sign: { key: s.alice.key } }))).toBe('bad_signature');
        // Creating the invite took one of Alice's three tokens.
        expect((await read(s.alice)).status).toBe(200);
        expect((await read(s.alice)).status).toBe(200);
        const limited = await read(s.alice);
        expect([limited.status, code(limited), 'retryAfter' in limited && limited.retryAfter]).toEqual([429, 'rate_limited', 1]);
        expect((await read(s.bob)).status).toBe(200);
        clock += 1000;
        expect((await read(s.alice)).status).toBe(200);
      });

      it('hold each mailbox to its message and byte quotas', async () => {
        const s = await paired({ quota: { maxMessages: 2, maxBytes: 10 * 1024 } });
        expect((await append(s, s.alice)).status).toBe(200);
        expect((await append(s, s.alice)).status).toBe(200);
        const full = await append(s, s.alice);
        expect([full.status, code(full)]).toEqual([507, 'quota_exceeded']);
        // Bytes: 2 KiB of messages are stored, so one 16 KiB segment does not fit.
        const segment = await call(s.relay, 'blobs.put', s.alice, { params: { mailbox: s.mailbox, blob: newId(), segment: '0' }, bytes: randomBytes(RELAY.blobBuckets[0]) });
        expect(code(segment)).toBe('quota_exceeded');
      });
    });

    describe('blobs', () => {
      it('store segments idempotently and list them so an upload resumes', async () => {
        const s = await paired();
        const blob = newId();
        const segments = [0, 1, 2].map(() => randomBytes(RELAY.blobBuckets[1]));
        const put = (index: number, bytes: Uint8Array = segments[index] ?? new Uint8Array()) =>
          call(s.relay, 'blobs.put', s.alice, { params: { mailbox: s.mailbox, blob, segment: String(index) }, bytes });
        expect(json(await put(0))).toEqual({ duplicate: false });
        expect(json(await put(2))).toEqual({ duplicate: false });
        // The upload stopped: the list says what is missing.
        expect(json(await call(s.relay, 'blobs.list', s.bob, { params: { mailbox: s.mailbox, blob } }))).toEqual({ segments: [0, 2] });
        expect(json(await put(1))).toEqual({ duplicate: false });
        expect(json(await put(2))).toEqual({ duplicate: true });
        expect(code(await put(2, randomBytes(RELAY.blobBuckets[1])))).toBe('conflict');
        expect(json(await call(s.relay, 'blobs.list', s.bob, { params: { mailbox: s.mailbox, blob } }))).toEqual({ segments: [0, 1, 2] });
        const got = await call(s.relay, 'blobs.get', s.bob, { params: { mailbox: s.mailbox, blob, segment: '1' } });
        expect('bytes' in got && Buffer.from(got.bytes).equals(segments[1] ?? Buffer.alloc(0))).toBe(true);
        expect(code(await call(s.relay, 'blobs.get', s.bob, { params: { mailbox: s.mailbox, blob, segment: '3' } }))).toBe('not_found');
        expect(code(await put(3, randomBytes(1000)))).toBe('unpadded');
        expect(code(await call(s.relay, 'blobs.put', s.alice, { params: { mailbox: s.mailbox, blob, segment: String(RELAY.maxSegments) }, bytes: randomBytes(RELAY.blobBuckets[0]) }))).toBe('bad_request');
        const eve = await newSigner(now);
        expect(code(await call(s.relay, 'blobs.get', eve, { params: { mailbox: s.mailbox, blob, segment: '1' } }))).toBe('forbidden');
      });
    });

    describe('the backup area', () => {
      it('belongs to the key of its first write, is listed, deleted by its owner, and expires after 24 months', async () => {
        const s = await setup();
        const locator = randomBytes(32).toString('base64url');
        const object = newId();
        const data = randomBytes(RELAY.blobBuckets[0]);
        const put = (signer: Signer, bytes: Uint8Array = data, id = object) => call(s.relay, 'backups.put', signer, { params: { locator, object: id }, bytes });
        expect(code(await call(s.relay, 'backups.list', s.alice, { params: { locator } }))).toBe('unknown_backup');
        expect((await put(s.alice)).status).toBe(200);
        expect(code(await put(s.bob))).toBe('forbidden');
        expect(code(await call(s.relay, 'backups.get', s.bob, { params: { locator, object } }))).toBe('forbidden');
        expect(code(await call(s.relay, 'backups.delete', s.bob, { params: { locator } }))).toBe('forbidden');
        // A PUT replaces (the backup's index object changes over time).
        const replacement = randomBytes(RELAY.blobBuckets[1]);
        expect((await put(s.alice, replacement)).status).toBe(200);
        const got = await call(s.relay, 'backups.get', s.alice, { params: { locator, object } });
        expect('bytes' in got && Buffer.from(got.bytes).equals(replacement)).toBe(true);
        expect(json(await call(s.relay, 'backups.list', s.alice, { params: { locator } }))).toEqual({ objects: [{ id: object, size: replacement.length }], more: false, lastWriteAt: clock, bytes: replacement.length });

        clock += RELAY.backupRetentionMs - 1;
        await s.relay.sweep();
        expect((await call(s.relay, 'backups.list', s.alice, { params: { locator } })).status).toBe(200);
        expect((await call(s.relay, 'backups.delete', s.alice, { params: { locator } })).status).toBe(200);
        expect(code(await call(s.relay, 'backups.list', s.alice, { params: { locator } }))).toBe('unknown_backup');

        await put(s.alice);
        clock += RELAY.backupRetentionMs + 1;
        await s.relay.sweep();
        expect(code(await call(s.relay, 'backups.get', s.alice, { params: { locator, object } }))).toBe('unknown_backup');
      });

      it('holds each backup to its byte quota', async () => {
        const s = await setup({ backupMaxBytes: RELAY.blobBuckets[1] });
        const locator = randomBytes(32).toString('base64url');
        expect((await call(s.relay, 'backups.put', s.alice, { params: { locator, object: newId() }, bytes: randomBytes(RELAY.blobBuckets[1]) })).status).toBe(200);
        expect(code(await call(s.relay, 'backups.put', s.alice, { params: { locator, object: newId() }, bytes: randomBytes(RELAY.blobBuckets[0]) }))).toBe('quota_exceeded');
      });
    });

    describe('WebSocket push', () => {
      it('delivers new messages to authenticated subscribers only', async () => {
        const s = await paired();
        const frames: ServerFrame[] = [];
        const socket = s.relay.connect((frame) => frames.push(frame));
        await socket.receive(JSON.stringify(await s.bob.subscribe(s.mailbox)));
        expect(frames).toEqual([{ type: 'subscribed', mailbox: s.mailbox, head: 0 }]);

        const eve = await newSigner(now);
        const eveFrames: ServerFrame[] = [];
        const eveSocket = s.relay.connect((frame) => eveFrames.push(frame));
        await eveSocket.receive(JSON.stringify(await eve.subscribe(s.mailbox)));
        const forged = { ...(await eve.subscribe(s.mailbox)), key: s.bob.key };
        await eveSocket.receive(JSON.stringify(forged));
        await eveSocket.receive('{"type":"subscribe"');
        expect(eveFrames.map((f) => (f.type === 'error' ? f.error.code : f.type))).toEqual(['forbidden', 'bad_signature', 'bad_request']);

        const text = ciphertext();
        await append(s, s.alice, newId(), text);
        expect(frames[1]).toMatchObject({ type: 'message', mailbox: s.mailbox, message: { seq: 1, ciphertext: text, sender: s.alice.key } });
        expect(eveFrames).toHaveLength(3);
        // A duplicate append pushes nothing; after unsubscribing nothing arrives.
        socket.closed();
        await append(s, s.alice);
        expect(frames).toHaveLength(2);
      });
    });

    it('keeps everything across a restart on the same data', async () => {
      const s = await paired();
      const texts = [ciphertext(), ciphertext(RELAY.messageBuckets[2])];
      for (const text of texts) await append(s, s.alice, newId(), text);
      const blob = newId();
      const segment = randomBytes(RELAY.blobBuckets[0]);
      await call(s.relay, 'blobs.put', s.alice, { params: { mailbox: s.mailbox, blob, segment: '0' }, bytes: segment });
      await s.store.close();

      const store: RelayStore = await s.place.open();
      opened.push(store);
      const relay = createRelay({ store, log: silent, now });
      const read = json(await call(relay, 'messages.read', s.bob, { params: { mailbox: s.mailbox } }));
      expect((read.messages as { ciphertext: string }[]).map((m) => m.ciphertext)).toEqual(texts);
      const got = await call(relay, 'blobs.get', s.bob, { params: { mailbox: s.mailbox, blob, segment: '0' } });
      expect('bytes' in got && Buffer.from(got.bytes).equals(segment)).toBe(true);
      // Sequence numbers continue; nothing is appended twice.
      expect(json(await append({ relay, mailbox: s.mailbox }, s.alice))).toMatchObject({ seq: 3 });
    });
  });
}

describe('PostgreSQL for the relay tests', () => {
  it('is installed wherever CI runs (CI never skips the PostgreSQL adapter)', () => {
    if (process.env.CI) expect(findPostgresBin(), 'install postgresql (see .ci/run)').not.toBeNull();
    else expect(typeof findPostgresBin()).toMatch(/string|object/);
  });
});
