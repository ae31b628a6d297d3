// Attachments against real IndexedDB, WebCrypto and streams in Chromium.
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { countSegments, putSegment, segmentOwners } from '../../platform/store';
import { endSession, sha256Hex } from '../../platform/vault';
import { freshVaultEachTest } from '../../platform/store/testing';
import { type IncomingFile, checkSpaceFor, commitPendingAttachments, importAttachment, loadAttachment, readAttachment, sweepOrphanSegments } from './attachments';
import { blankContent } from './content';
import { createEntry, redactEntry } from './entries';
import { loadIndex } from './logStore';
import type { Attachment, EntryContent } from './schema';
import { checkLog } from './verify';

const content: EntryContent = blankContent('2026-01-04T21:15:00+00:00', { kinds: ['at_home'], what: 'Doorbell camera' });

function bytes(size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 31 + 7) % 256;
  return out;
}

function incoming(data: Uint8Array<ArrayBuffer>, extra: Partial<IncomingFile> = {}): IncomingFile {
  return { stream: new Blob([data]).stream(), size: data.length, name: 'doorbell.mp4', type: 'video/mp4', lastModified: Date.UTC(2026, 0, 4, 21, 16), source: 'file', capture: null, ...extra };
}

async function readAll(id: string): Promise<Uint8Array> {
  const record = (await loadAttachment(id)) as Attachment;
  const parts: Uint8Array[] = [];
  for await (const part of readAttachment(id, record)) parts.push(part);
  return new Uint8Array(await new Blob(parts as BlobPart[]).arrayBuffer());
}

const vault = freshVaultEachTest();

describe('attachments', () => {
  it('keeps the exact bytes, with their SHA-256 as received, and joins the chain', async () => {
    const entryId = await createEntry(content);
    const data = bytes(3 * 1024 * 1024 + 12_345);
    const id = await importAttachment(entryId, incoming(data));
    const record = (await loadAttachment(id)) as Attachment;
    expect(record).toMatchObject({ entryId, name: 'doorbell.mp4', type: 'video/mp4', size: data.length, segments: 4, source: 'file' });
    expect(record.sha256).toBe(await sha256Hex(data));
    expect(await sha256Hex(await readAll(id))).toBe(record.sha256);
    expect((await loadIndex())[0]?.attachments).toEqual([id]);
    expect(await checkLog()).toMatchObject({ ok: true, length: 2 });
  });

  it('stores nothing readable: the segments do not contain the file', async () => {
    const entryId = await createEntry(content);
    const marker = new TextEncoder().encode('MARKER-ATTACHMENT-9Z'.repeat(5000));
    await importAttachment(entryId, incoming(marker));
    const db = await openDB('calc');
    const all = (await db.getAll('s')) as { c: Uint8Array }[];
    db.close();
    expect(all.length).toBeGreaterThan(0);
    for (const s of all) expect(new TextDecoder('latin1').decode(s.c)).not.toContain('MARKER-ATTACHMENT');
  });

  it('catches an altered segment: that attachment is damaged, nothing else is', async () => {
    const entryId = await createEntry(content);
    const id = await importAttachment(entryId, incoming(bytes(2 * 1024 * 1024 + 1)));
    const other = await importAttachment(entryId, incoming(bytes(1000), { name: 'screenshot.png', type: 'image/png', source: 'picker' }));
    const record = (await loadAttachment(id)) as Attachment;
    const db = await openDB('calc');
    const segment = await db.get('s', [record.storage, 1]);
    segment.c[5] ^= 1;
    await db.put('s', segment);
    db.close();
    await expect(readAll(id)).rejects.toMatchObject({ code: 'damaged' });
    expect((await readAll(other)).length).toBe(1000);
  });

  it('an import abandoned part way leaves nothing behind', async () => {
    const entryId = await createEntry(content);
    const controller = new AbortController();
    let chunks = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        chunks += 1;
        if (chunks === 4) controller.abort();
        c.enqueue(bytes(512 * 1024));
      },
    });
    await expect(importAttachment(entryId, incoming(bytes(0), { stream, size: null }), { signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
    expect(await segmentOwners()).toEqual([]);
    expect((await loadIndex())[0]?.attachments).toEqual([]);
    expect(await checkLog()).toMatchObject({ ok: true, length: 1 });
  });

  it('sweeps away segments a crash left behind, and nothing else', async () => {
    const entryId = await createEntry(content);
    const id = await importAttachment(entryId, incoming(bytes(10)));
    await putSegment('crashed-import', 0, bytes(16));
    expect(await sweepOrphanSegments()).toBe(1);
    const record = (await loadAttachment(id)) as Attachment;
    expect(await segmentOwners()).toEqual([record.storage]);
  });

  it('refuses, before writing anything, a file larger than the free space', async () => {
    await expect(checkSpaceFor(1e15)).rejects.toMatchObject({ code: 'no_space' });
    const entryId = await createEntry(content);
    await expect(importAttachment(entryId, incoming(bytes(10), { size: 1e15 }))).rejects.toMatchObject({ code: 'no_space' });
    expect(await segmentOwners()).toEqual([]);
  });

  it('redacting the entry destroys its attachments, and the chain still verifies', async () => {
    const entryId = await createEntry(content);
    const id = await importAttachment(entryId, incoming(bytes(1_500_000)));
    const { storage } = (await loadAttachment(id)) as Attachment;
    await redactEntry(entryId);
    expect(await loadAttachment(id)).toBe('redacted');
    expect(await countSegments(storage)).toBe(0);
    expect(await checkLog()).toMatchObject({ ok: true, length: 3, redacted: 2 });
  });

  it('keeps a recording that a lock stopped, and files it at the next unlock', async () => {
    const entryId = await createEntry(content);
    let push: ((chunk: Uint8Array | null) => void) | null = null;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (chunk) => (chunk ? controller.enqueue(chunk) : controller.close());
      },
    });
    const recording = importAttachment(entryId, incoming(bytes(0), { stream, size: null, name: '', type: 'audio/webm', source: 'in_app', capture: 'audio' }));
    push!(bytes(700_000));
    endSession(); // the app locks; the recorder delivers its last data and stops
    push!(bytes(900_000));
    push!(null);
    const id = await recording;
    expect(await sweepOrphanSegments().catch(() => 'locked')).toBe('locked');
    await vault.unlockAgain();
    expect(await sweepOrphanSegments()).toBe(0);
    expect(await commitPendingAttachments()).toBe(1);
    expect((await loadIndex())[0]?.attachments).toEqual([id]);
    expect((await readAll(id)).length).toBe(1_600_000);
    expect(await checkLog()).toMatchObject({ ok: true, length: 2 });
    expect(await commitPendingAttachments()).toBe(0);
  });
});

