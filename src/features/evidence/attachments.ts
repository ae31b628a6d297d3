// Attachments: photos, screenshots, voice notes, doorbell clips — kept byte for byte as received,
// encrypted in 1 MiB segments as they stream in, hashed on the way (SHA-256 "as the app received
// it"). Memory stays flat whatever the size. Nothing of an import exists until it is complete: the
// segments are written under an owner id nobody refers to, and only the final transaction (record,
// chain event, index) makes the attachment real; a failed or abandoned import removes its segments,
// and a sweep after unlock removes any that a crash left behind.
import { StoreError, commitWrites, deleteSegments, getSegment, putSegment, segmentOwners, storageStatus } from '../../platform/store';
import { type Json, SegmentWriter, VaultError, captureSession, isVaultError, commitment, createSha256Stream, fromBase64Url, newFileKey, newId, newSalt, newStreamParams, nextLink, openSegment, segmentKey, sessionGeneration, toBase64Url } from '../../platform/vault';
import { changeLog } from './logStore';
import { attachments, links, pendingAttachments } from './repository';
import type { Attachment, AttachmentSource } from './schema';
import { nowMoment, toMoment } from './time';

export class AttachmentProblem extends Error {
  constructor(readonly code: 'no_space' | 'aborted' | 'entry_gone' | 'damaged') {
    super(code);
    this.name = 'AttachmentProblem';
  }
}

/** Room kept free beyond the file itself: the ciphertext is a little larger, and the phone needs space. */
const SPACE_MARGIN = 64 * 1024 * 1024;

export interface IncomingFile {
  stream: ReadableStream<Uint8Array>;
  /** Known size (a picked file), or null (a recording still going). */
  size: number | null;
  name: string;
  type: string;
  lastModified: number | null;
  source: AttachmentSource;
  capture: Attachment['capture'];
}

export function attachmentPayload(id: string, a: Attachment): Json {
  const { entryId, name, type, size, sha256, source, capture, addedAt, lastModified } = a;
  return { attachmentId: id, entryId, name, type, size, sha256, source, capture, addedAt, lastModified };
}

/** Refuses, before anything is written, a file larger than the space the browser will give us. */
export async function checkSpaceFor(size: number): Promise<void> {
  const { available } = await storageStatus();
  if (available !== null && size + SPACE_MARGIN > available) throw new AttachmentProblem('no_space');
}

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (bytes: number) => void;
}

/**
 * Streams a file into the vault and attaches it to an entry. Returns the attachment's id.
 *
 * If the app locks while the file is still coming in (a recording the lock just stopped), the keys
 * captured at the start seal it as a pending attachment, committed to the log at the next unlock:
 * what was recorded is kept.
 */
export async function importAttachment(entryId: string, file: IncomingFile, { signal, onProgress }: ImportOptions = {}): Promise<string> {
  const session = captureSession();
  const startedIn = sessionGeneration();
  if (file.size !== null) await checkSpaceFor(file.size);
  const id = newId();
  const storage = newId();
  const fileKey = newFileKey();
  const params = newStreamParams();
  // Held for the whole import so a sweep in another tab never takes these segments for debris.
  return navigator.locks.request(`calc-import:${storage}`, async () => {
    try {
      const [key, hasher] = await Promise.all([segmentKey(fileKey, params, id), createSha256Stream()]);
      const writer = new SegmentWriter(key, params, (index, sealed) => putSegment(storage, index, sealed));
      const reader = file.stream.getReader();
      let size = 0;
      for (;;) {
        if (signal?.aborted) throw new AttachmentProblem('aborted');
        const { done, value } = await reader.read();
        if (done) break;
        hasher.update(value);
        await writer.write(value);
        size += value.length;
        onProgress?.(size);
      }
      const segments = await writer.close();
      const commitSalt = newSalt();
      const record: Attachment = {
        entryId,
        storage,
        name: file.name.slice(0, 500),
        type: file.type.slice(0, 200),
        size,
        sha256: hasher.digestHex(),
        source: file.source,
        capture: file.capture,
        addedAt: nowMoment(),
        lastModified: file.lastModified === null ? null : toMoment(new Date(file.lastModified)),
        segments,
        fileKey: toBase64Url(fileKey),
        salt: toBase64Url(params.salt),
        noncePrefix: toBase64Url(params.noncePrefix),
        commitSalt: toBase64Url(commitSalt),
      };
      fileKey.fill(0);
      try {
        if (sessionGeneration() !== startedIn) throw new VaultError('locked');
        await commitAttachment(id, record, commitSalt);
      } catch (error) {
        if (!isVaultError(error, 'locked')) throw error;
        await commitWrites([await pendingAttachments.prepare({ id, attachment: record }, undefined, session)]);
      }
      return id;
    } catch (error) {
      await deleteSegments(storage).catch(() => undefined);
      throw error;
    }
  });
}

async function commitAttachment(id: string, record: Attachment, commitSalt: Uint8Array): Promise<void> {
  const c = await commitment(commitSalt, attachmentPayload(id, record));
  await changeLog(async (tx) => {
    const n = await tx.shardOf(record.entryId);
    const shard = n < 0 ? null : await tx.shard(n);
    const entry = shard?.entries.find((e) => e.id === record.entryId);
    if (!shard || !entry || entry.redactedAt) throw new AttachmentProblem('entry_gone');
    const link = await nextLink(tx.manifest.head, { type: 'attachment.added', ref: { entry: record.entryId, attachment: id }, at: record.addedAt, commitment: c });
    const linkId = newId();
    const updated = { ...entry, linkIds: [...entry.linkIds, linkId], attachments: [...entry.attachments, id] };
    return {
      result: undefined,
      change: {
        manifest: { ...tx.manifest, head: { seq: link.seq, hash: link.hash } },
        shards: [{ n, entries: shard.entries.map((e) => (e.id === record.entryId ? updated : e)) }],
        writes: [await attachments.prepare(record, id), await links.prepare(link, linkId)],
      },
    };
  });
}

/** The key to open an attachment's segments. */
export async function attachmentKey(id: string, record: Attachment): Promise<CryptoKey> {
  return segmentKey(fromBase64Url(record.fileKey), { salt: fromBase64Url(record.salt), noncePrefix: fromBase64Url(record.noncePrefix) }, id);
}

/** The attachment's bytes, segment by segment, authenticated; a damaged or missing segment stops it. */
export async function* readAttachment(id: string, record: Attachment, key?: CryptoKey): AsyncGenerator<Uint8Array> {
  const segmentKeyForFile = key ?? (await attachmentKey(id, record));
  const params = { salt: fromBase64Url(record.salt), noncePrefix: fromBase64Url(record.noncePrefix) };
  for (let i = 0; i < record.segments; i++) {
    const sealed = await getSegment(record.storage, i);
    if (!sealed) throw new AttachmentProblem('damaged');
    try {
      yield await openSegment(segmentKeyForFile, params, i, i === record.segments - 1, sealed);
    } catch {
      throw new AttachmentProblem('damaged');
    }
  }
}

export async function loadAttachment(id: string): Promise<Attachment | 'redacted' | 'damaged'> {
  try {
    const record = await attachments.get(id);
    if (!record) return 'damaged';
    return 'sha256' in record ? record : 'redacted';
  } catch (error) {
    if (error instanceof StoreError && error.code === 'damaged') return 'damaged';
    throw error;
  }
}

/** Commits files finished after a lock (see importAttachment). Returns how many were kept. */
export async function commitPendingAttachments(): Promise<number> {
  let kept = 0;
  for (const pending of await pendingAttachments.list()) {
    if (pending.damaged) continue;
    const { id, attachment } = pending.value;
    try {
      await commitAttachment(id, attachment, fromBase64Url(attachment.commitSalt));
      kept += 1;
    } catch (error) {
      // The entry was redacted meanwhile: the file goes with it.
      if (!(error instanceof AttachmentProblem)) throw error;
      await deleteSegments(attachment.storage).catch(() => undefined);
    }
    await pendingAttachments.delete(pending.id);
  }
  return kept;
}

/**
 * Removes segments no attachment refers to (an import cut off by a crash or a closed tab), skipping
 * any import still running in another tab.
 */
export async function sweepOrphanSegments(): Promise<number> {
  const [owners, committed, pending, held] = await Promise.all([segmentOwners(), attachments.list(), pendingAttachments.list(), navigator.locks.query()]);
  const all = [...committed, ...pending.map((p) => (p.damaged ? p : { ...p, value: p.value.attachment }))];
  const known = new Set(all.flatMap((a) => (!a.damaged && 'storage' in a.value ? [a.value.storage] : [])));
  const running = new Set([...(held.held ?? []), ...(held.pending ?? [])].map((l) => l.name ?? ''));
  const orphans = owners.filter((o) => !known.has(o) && !running.has(`calc-import:${o}`));
  // A damaged attachment record might still own segments: when any record is damaged, keep everything.
  if (all.some((a) => a.damaged)) return 0;
  await Promise.all(orphans.map((o) => deleteSegments(o)));
  return orphans.length;
}
