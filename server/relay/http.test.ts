// The relay through the real server (createServer) on 127.0.0.1: real HTTP and WebSocket sockets,
// on both storage adapters, with the log output captured.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RELAY, RelayErrorBody, ServerFrame } from '../../src/shared/protocol/relay';
import { createServer } from '../app';
import type { RelayStore } from './store';
import { ciphertext, newId, newSigner, signedFetch, type Signer } from './testing/client';
import { storeHarnesses, type StorePlace } from './testing/stores';

function distDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dist-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Calculator</title>');
  return dir;
}

interface Running {
  app: FastifyInstance;
  store: RelayStore;
  base: string;
  logs: string[];
}

async function start(place: StorePlace, allowedOrigins: string[] = []): Promise<Running> {
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter((line) => line.length > 0));
      done();
    },
  });
  const store = await place.open();
  const app = await createServer({ distDir: distDir(), logStream, relay: { store, allowedOrigins, sweepIntervalMs: 0 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, store, base: `http://127.0.0.1:${port}`, logs };
}

async function stop(running: Running): Promise<void> {
  await running.app.close();
  await running.store.close();
}

const errorCode = (json: unknown) => RelayErrorBody.parse(json).error.code;

/** Opens a WebSocket to the relay and collects its frames. */
async function openSocket(base: string, origin?: string): Promise<{ socket: WebSocket; frames: ServerFrame[]; next(count: number): Promise<ServerFrame[]> }> {
  const socket = new WebSocket(`${base.replace('http', 'ws')}${RELAY.prefix}/socket`, origin ? { origin } : {});
  const frames: ServerFrame[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data: Buffer) => {
    frames.push(ServerFrame.parse(JSON.parse(data.toString('utf8'))));
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const next = async (count: number) => {
    while (frames.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    return frames.slice(0, count);
  };
  return { socket, frames, next };
}

for (const harness of storeHarnesses()) {
  describe.runIf(harness.available)(`the relay over HTTP and WebSocket on ${harness.name}`, () => {
    beforeAll(() => harness.start(), 60_000);
    afterAll(() => harness.stop());

    async function pair(running: Running): Promise<{ alice: Signer; bob: Signer; mailbox: string }> {
      const alice = await newSigner();
      const bob = await newSigner();
      const mailbox = newId();
      const invite = newId();
      expect((await signedFetch(running.base, alice, 'POST', '/invites', { json: { invite, mailbox } })).status).toBe(200);
      expect((await signedFetch(running.base, bob, 'POST', '/invites/consume', { json: { invite } })).json).toEqual({ mailbox, head: 0 });
      return { alice, bob, mailbox };
    }

    it('pairs, pushes a message over the WebSocket, reads it by cursor, and keeps it all across a restart', async () => {
      const place = await harness.place();
      let running = await start(place);
      try {
        const { alice, bob, mailbox } = await pair(running);
        const ws = await openSocket(running.base);
        ws.socket.send(JSON.stringify(await bob.subscribe(mailbox)));
        expect(await ws.next(1)).toEqual([{ type: 'subscribed', mailbox, head: 0 }]);

        const text = ciphertext(RELAY.messageBuckets[1]);
        const id = newId();
        const sent = await signedFetch(running.base, alice, 'POST', `/mailboxes/${mailbox}/messages`, { json: { id, ciphertext: text } });
        expect(sent.json).toMatchObject({ seq: 1, duplicate: false });
        const [, pushed] = await ws.next(2);
        expect(pushed).toMatchObject({ type: 'message', mailbox, message: { id, seq: 1, ciphertext: text, sender: alice.key } });
        ws.socket.close();

        const segment = randomBytes(RELAY.blobBuckets[2]);
        const blob = newId();
        expect((await signedFetch(running.base, alice, 'PUT', `/mailboxes/${mailbox}/blobs/${blob}/0`, { bytes: segment })).json).toEqual({ duplicate: false });
        const read = await signedFetch(running.base, bob, 'GET', `/mailboxes/${mailbox}/messages?after=0&limit=10`);
        expect(read.json).toMatchObject({ next: 1, more: false, messages: [{ id, ciphertext: text }] });

        // Restart: a new server and a new store on the same file or database.
        await stop(running);
        running = await start(place);
        const again = await signedFetch(running.base, bob, 'GET', `/mailboxes/${mailbox}/messages`);
        expect(again.json).toMatchObject({ next: 1, messages: [{ id, ciphertext: text }] });
        const got = await signedFetch(running.base, bob, 'GET', `/mailboxes/${mailbox}/blobs/${blob}/0`);
        expect(Buffer.from(got.bytes).equals(segment)).toBe(true);
        expect((await signedFetch(running.base, alice, 'POST', `/mailboxes/${mailbox}/messages`, { json: { id, ciphertext: text } })).json).toMatchObject({ seq: 1, duplicate: true });
      } finally {
        await stop(running);
      }
    });

    it('answers refusals as JSON errors with the right status', async () => {
      const running = await start(await harness.place());
      try {
        const { alice, mailbox } = await pair(running);
        const url = `${running.base}${RELAY.prefix}/mailboxes/${mailbox}/messages`;
        const unsigned = await fetch(url);
        expect([unsigned.status, errorCode(await unsigned.json()), unsigned.headers.get('cache-control')]).toEqual([401, 'unsigned', 'no-store']);

        // Replayed: the very same signed request twice.
        const path = `${RELAY.prefix}/mailboxes/${mailbox}/messages`;
        const headers = await alice.headers('GET', path);
        expect((await fetch(url, { headers })).status).toBe(200);
        const replay = await fetch(url, { headers });
        expect([replay.status, errorCode(await replay.json())]).toEqual([401, 'replayed']);

        // Larger than any bucket: refused by the transport before it is read whole.
        const huge = new Uint8Array(RELAY.blobBuckets[2] + 1024);
        const oversize = await signedFetch(running.base, alice, 'PUT', `/mailboxes/${mailbox}/blobs/${newId()}/0`, { bytes: huge });
        expect([oversize.status, errorCode(oversize.json)]).toEqual([413, 'too_large']);
        const bigJson = await signedFetch(running.base, alice, 'POST', `/mailboxes/${mailbox}/messages`, { json: { id: newId(), ciphertext: ciphertext(RELAY.maxMessageBytes * 2) } });
        expect([bigJson.status, errorCode(bigJson.json)]).toEqual([413, 'too_large']);

        // JSON to a segment route; an unknown route; an unknown mailbox.
        const wrongType = await signedFetch(running.base, alice, 'PUT', `/mailboxes/${mailbox}/blobs/${newId()}/0`, { json: {} });
        expect([wrongType.status, errorCode(wrongType.json)]).toEqual([415, 'unsupported_media_type']);
        const nowhere = await signedFetch(running.base, alice, 'GET', '/nowhere');
        expect([nowhere.status, errorCode(nowhere.json)]).toEqual([404, 'not_found']);
        const unknown = await signedFetch(running.base, alice, 'GET', `/mailboxes/${newId()}/messages`);
        expect([unknown.status, errorCode(unknown.json)]).toEqual([404, 'unknown_mailbox']);
      } finally {
        await stop(running);
      }
    });

    it('serves other origins only when configured, and refuses them on the WebSocket too', async () => {
      const advocate = 'http://127.0.0.1:4999';
      const running = await start(await harness.place(), [advocate]);
      try {
        const url = `${running.base}${RELAY.prefix}/invites`;
        const evil = await fetch(url, { method: 'POST', headers: { origin: 'http://evil.example' } });
        expect([evil.status, errorCode(await evil.json()), evil.headers.get('access-control-allow-origin')]).toEqual([403, 'forbidden', null]);
        const preflight = await fetch(url, { method: 'OPTIONS', headers: { origin: advocate, 'access-control-request-method': 'POST' } });
        expect(preflight.status).toBe(204);
        expect(preflight.headers.get('access-control-allow-origin')).toBe(advocate);
        expect(preflight.headers.get('access-control-allow-headers')).toContain('x-wm-sig');
        const same = await fetch(url, { method: 'POST', headers: { origin: running.base, 'content-type': 'application/json' }, body: '{}' });
        expect([same.status, same.headers.get('access-control-allow-origin')]).toEqual([401, null]);
        await expect(openSocket(running.base, 'http://evil.example')).rejects.toThrow(/403/);
        const allowed = await openSocket(running.base, advocate);
        allowed.socket.close();
      } finally {
        await stop(running);
      }
    });

    it('logs a line for a real request with no address, no body, no key and no id', async () => {
      const running = await start(await harness.place());
      try {
        const { alice, mailbox } = await pair(running);
        const text = ciphertext();
        const id = newId();
        await signedFetch(running.base, alice, 'POST', `/mailboxes/${mailbox}/messages`, { json: { id, ciphertext: text } });
        await fetch(`${running.base}${RELAY.prefix}/mailboxes/${mailbox}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"not json' });
        const lines = running.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
        expect(lines).toContainEqual(expect.objectContaining({ route: 'messages.append', status: 200, msg: 'relay' }));
        expect(lines).toContainEqual(expect.objectContaining({ route: 'messages.append', status: 401, code: 'unsigned' }));
        // Every line but the start-up line (the server's own listening address) comes from a request.
        const all = running.logs.filter((line) => !line.includes('Server listening')).join('\n');
        expect(all.split('\n').length).toBeGreaterThanOrEqual(4);
        for (const secret of ['127.0.0.1', 'remoteAddress', text.slice(0, 40), id, mailbox, alice.key, 'not json']) expect(all).not.toContain(secret);
      } finally {
        await stop(running);
      }
    });
  });
}
