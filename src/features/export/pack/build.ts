// Building the pack: from what was collected and her choices in the review, the chain with openings
// for what goes in (hash-only for what stays out), chronology.html, the attachment files (originals,
// or copies without metadata) and manifest.json, streamed as one zip. An attachment she left out
// has no file; its attachment.added link stays hash-only (no opening, so in no entry's events) and
// the chronology lists it as left out.
//
// Before anything is written, every opening is checked against its link's commitment, so a pack can
// never claim more than the log holds. Each file is hashed again on its way into the zip: an original
// whose bytes no longer give the SHA-256 the app recorded stops the export.
import { version as APP_VERSION } from '../../../../package.json';
import { type Language, directionOf, loadLanguage, t } from '../../../platform/i18n';
import { type ChainLink, type Json, commitment, createSha256Stream, fromBase64Url } from '../../../platform/vault';
import { CHRONOLOGY_PATH, MANIFEST_PATH, type PackEntry, type PackFile, type PackLink, type PackManifest, PACK_FORMAT, PACK_VERSION, PackManifest as PackManifestSchema } from '../../../shared/protocol/pack';
import { type Attachment, type Order, type OrderItem, type Revision, attachmentPayload, isRevision, nowMoment, readAttachment, redactionPayload, revisionPayload } from '../../evidence';
import { type MetadataFinding, applyEdits } from '../metadata';
import { type ChronologyEntry, type ChronologyFile, renderChronology } from './chronology';
import { type Collected, type CollectedAttachment, type CollectedEntry, PackExportProblem, type PackSelection } from './collect';
import { packFormat } from './format';
import { type AttachmentChoice, type EntryChoice, type Review, attachmentDecision } from './review';
import { canThumbnail, makeThumbnail } from './thumbnail';
import { type ZipSourceFile, zipStream } from './zipStream';

export interface PackChoices {
  /** For flagged attachments; a flagged file not listed goes as a copy without metadata, or is left out when no copy can be made. */
  attachments: ReadonlyMap<string, AttachmentChoice>;
  /** For flagged entries; an entry not listed goes in. */
  entries: ReadonlyMap<string, EntryChoice>;
}

export interface BuildOptions {
  signal?: AbortSignal;
  /** The export's time (tests fix it); now by default. */
  exportedAt?: string;
}

type Opening = { salt: string; payload: Json };

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/webm': 'weba',
  'audio/ogg': 'ogg',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
};

/** A neutral path inside the pack: a number and an extension, never her file's name. */
function packPath(n: number, a: Attachment, copy: boolean): string {
  const fromName = /\.([A-Za-z0-9]{1,8})$/.exec(a.name)?.[1]?.toLowerCase();
  const ext = fromName ?? EXTENSIONS[a.type] ?? 'bin';
  return `files/${String(n).padStart(4, '0')}${copy ? '-copy' : ''}.${ext}`;
}

const eventKey = (link: Pick<ChainLink, 'type' | 'ref'>) => (link.type === 'attachment.added' ? `a:${String(link.ref.attachment)}` : `${String(link.ref.entry)}/${String(link.ref.rev)}`);

function latestRevision(entry: CollectedEntry): Revision | null {
  return entry.revisions.filter(isRevision).reduce<Revision | null>((best, r) => (!best || r.rev > best.rev ? r : best), null);
}

/** The openings of an included entry's events, keyed as eventKey keys its links; left-out attachments have none. */
function openingsOf(entry: CollectedEntry, histories: boolean, leftOut: ReadonlySet<string>): Map<string, Opening> {
  const out = new Map<string, Opening>();
  const latest = latestRevision(entry);
  for (const r of entry.revisions) {
    if (isRevision(r)) {
      if (histories || r.rev === latest?.rev) out.set(`${r.entryId}/${r.rev}`, { salt: r.salt, payload: revisionPayload(r) });
    } else if ('salt' in r) {
      out.set(`${r.entryId}/${r.rev}`, { salt: r.salt, payload: redactionPayload(r.entryId, r.rev, r.redactedAt) });
    }
  }
  for (const a of entry.attachments) if (!leftOut.has(a.id)) out.set(`a:${a.id}`, { salt: a.record.commitSalt, payload: attachmentPayload(a.id, a.record) });
  return out;
}

async function* attachmentChunks(a: CollectedAttachment): AsyncGenerator<Uint8Array> {
  yield* readAttachment(a.id, a.record);
}

function fromIterable(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const it = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await it.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await it.return?.();
    },
  });
}

async function* toIterable(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

interface PlannedFile {
  entryId: string;
  attachment: CollectedAttachment;
  /** Its name in the pack; null when she left it out. */
  path: string | null;
  copy: { edits: Parameters<typeof applyEdits>[0]; removed: MetadataFinding[]; sha256: string; size: number } | null;
  thumbnail: string | null;
}

function copyChunks(a: CollectedAttachment, edits: Parameters<typeof applyEdits>[0]): AsyncGenerator<Uint8Array> {
  return toIterable(fromIterable(attachmentChunks(a)).pipeThrough(applyEdits(edits)));
}

async function planFiles(included: CollectedEntry[], review: Review, choices: PackChoices, signal?: AbortSignal): Promise<PlannedFile[]> {
  const planned: PlannedFile[] = [];
  let n = 0;
  for (const entry of included) {
    for (const attachment of entry.attachments) {
      signal?.throwIfAborted();
      const decision = attachmentDecision(review, choices.attachments, attachment.id);
      if (decision === 'leave_out') {
        planned.push({ entryId: entry.index.id, attachment, path: null, copy: null, thumbnail: null });
        continue;
      }
      n += 1;
      const report = review.reports.get(attachment.id);
      let copy: PlannedFile['copy'] = null;
      if (decision === 'copy') {
        // decide() only says 'copy' when the review found a plan; a missing one is a bug, not a reason to send the original.
        if (!report?.strip) throw new PackExportProblem('attachment_damaged');
        const hasher = await createSha256Stream();
        let size = 0;
        for await (const bytes of copyChunks(attachment, report.strip.edits)) {
          hasher.update(bytes);
          size += bytes.length;
        }
        copy = { edits: report.strip.edits, removed: [...report.strip.removed], sha256: hasher.digestHex(), size };
      }
      const { record } = attachment;
      const thumbnail = canThumbnail(record.type, record.size) ? await makeThumbnail(attachmentChunks(attachment), record.type) : null;
      planned.push({ entryId: entry.index.id, attachment, path: packPath(n, record, copy !== null), copy, thumbnail });
    }
  }
  return planned;
}

function conditionLines(entry: CollectedEntry, orders: OrderItem[], tr: (key: string) => string): string[] {
  return entry.index.conditions.flatMap((ref) => {
    const order = orders.find((o) => o.id === ref.orderId);
    if (!order || order.damaged) return [];
    const value: Order = order.value;
    const condition = value.conditions.find((c) => c.id === ref.conditionId);
    if (!condition) return [];
    const title = value.name.trim() || tr(`evidence:orders.kinds.${value.kind}`);
    return [`${title} – ${condition.text}`];
  });
}

/** Makes the pack as a zip stream. Throws PackExportProblem before the stream starts if the log is not sound. */
export async function buildPack(collected: Collected, review: Review, selection: PackSelection, choices: PackChoices, { signal, exportedAt = nowMoment() }: BuildOptions = {}): Promise<ReadableStream<Uint8Array>> {
  const included = collected.entries.filter((e) => (choices.entries.get(e.index.id) ?? 'include') === 'include');
  if (included.length === 0) throw new PackExportProblem('empty');
  const leftOut = new Set(included.flatMap((e) => e.attachments.filter((a) => attachmentDecision(review, choices.attachments, a.id) === 'leave_out').map((a) => a.id)));

  // The chain: every link, opened where the pack includes the event.
  const openings = new Map<string, Opening>();
  for (const entry of included) for (const [key, opening] of openingsOf(entry, selection.histories, leftOut)) openings.set(key, opening);
  const chain: PackLink[] = [];
  for (const link of collected.chain) {
    const opening = openings.get(eventKey(link)) ?? null;
    if (opening && (await commitment(fromBase64Url(opening.salt), opening.payload)) !== link.commitment) throw new PackExportProblem('log_damaged');
    const { seq, type, ref, at, commitment: c, prev, hash } = link;
    chain.push({ seq, type, ref, at, commitment: c, prev, hash, opening: opening as PackLink['opening'] });
  }
  const last = collected.chain[collected.chain.length - 1];
  const head = last ? { seq: last.seq, hash: last.hash } : null;
  const seqOf = new Map(chain.filter((l) => l.opening).map((l) => [eventKey(l), l.seq]));
  const packEntries: PackEntry[] = included.map((entry) => {
    const keys = [...openingsOf(entry, selection.histories, leftOut).keys()];
    const events = keys.flatMap((k) => (seqOf.has(k) ? [seqOf.get(k) as number] : [])).sort((a, b) => a - b);
    return { id: entry.index.id, events };
  });
  if (packEntries.some((e) => e.events.length === 0)) throw new PackExportProblem('log_damaged');

  const planned = await planFiles(included, review, choices, signal);

  // chronology.html, in the pack's language.
  const lng: Language = selection.language;
  await loadLanguage(lng, ['pack', 'evidence']);
  const translate = (key: string, vars: Record<string, string | number> = {}) => (t as unknown as (k: string, o: object) => string)(key, { lng, ...vars });
  const tr = (key: string, vars?: Record<string, string | number>) => translate(`pack:${key}`, vars);
  const fmt = packFormat(lng);
  const entriesById = new Map(packEntries.map((e) => [e.id, e.events]));
  const chronologyEntries: ChronologyEntry[] = included.map((entry) => {
    const latest = latestRevision(entry);
    const live = entry.revisions.filter(isRevision).sort((a, b) => a.rev - b.rev);
    const shown = selection.histories ? live : live.filter((r) => r.rev === latest?.rev);
    const content = latest?.content;
    const files: ChronologyFile[] = planned
      .filter((p) => p.entryId === entry.index.id)
      .map((p) => ({
        name: p.attachment.record.name,
        size: p.attachment.record.size,
        source: p.attachment.record.source,
        sha256: p.attachment.record.sha256,
        path: p.path ?? '',
        leftOut: p.path === null,
        copy: p.copy ? { sha256: p.copy.sha256, size: p.copy.size, removed: p.copy.removed } : null,
        thumbnail: p.thumbnail,
        video: p.attachment.record.type.startsWith('video/'),
      }));
    return {
      id: entry.index.id,
      at: content?.at ?? entry.index.at,
      until: content?.until ?? null,
      approximate: content?.approximate ?? entry.index.approximate,
      kinds: (content?.kinds ?? entry.index.kinds).map((k) => translate(`evidence:kinds.${k}`)),
      conditions: conditionLines(entry, collected.orders, translate),
      versions: entry.index.redactedAt
        ? []
        : shown.map((r) => ({ rev: r.rev, savedAt: r.savedAt, reason: r.reason, what: r.content.what, where: r.content.where, witnesses: r.content.witnesses, injuries: r.content.injuries, weapon: r.content.weapon, impact: r.content.impact, police: r.content.police })),
      olderNotShown: entry.index.redactedAt ? 0 : live.length - shown.length,
      redactedAt: entry.index.redactedAt,
      files,
      events: entriesById.get(entry.index.id) ?? [],
    };
  });
  const html = renderChronology(
    {
      lang: lng,
      dir: directionOf(lng),
      exportedAt,
      appVersion: APP_VERSION,
      head,
      histories: selection.histories,
      eventsTotal: chain.length,
      eventsOpened: chain.filter((l) => l.opening).length,
      entries: chronologyEntries,
    },
    { t: tr, dateTime: fmt.dateTime, date: fmt.date, size: (bytes) => tr('chronology.bytes', { size: fmt.number(bytes) }) },
  );
  const chronologyBytes = new TextEncoder().encode(html);

  const sources: ZipSourceFile[] = [
    {
      path: CHRONOLOGY_PATH,
      compress: true,
      // Sizes let zipStream refuse a pack too large for a zip before writing a byte (no zip64).
      size: chronologyBytes.length,
      async *bytes() {
        yield chronologyBytes;
      },
    },
    ...planned.flatMap((p): ZipSourceFile[] => {
      const path = p.path;
      return path === null
        ? []
        : [
            {
              path,
              compress: false,
              size: p.copy?.size ?? p.attachment.record.size,
              bytes: () => (p.copy ? copyChunks(p.attachment, p.copy.edits) : attachmentChunks(p.attachment)),
            },
          ];
    }),
  ];

  return zipStream(sources, {
    mtime: new Date(Date.parse(exportedAt)),
    createHasher: createSha256Stream,
    signal,
    async finish(written) {
      const hashOf = new Map(written.map((w) => [w.path, w]));
      const files: PackFile[] = [];
      const chronology = hashOf.get(CHRONOLOGY_PATH);
      if (!chronology) throw new PackExportProblem('log_damaged');
      files.push({ role: 'chronology', path: CHRONOLOGY_PATH, sha256: chronology.sha256, size: chronology.size });
      for (const p of planned) {
        if (p.path === null) continue; // left out: no file, its link hash-only
        const w = hashOf.get(p.path);
        const record = p.attachment.record;
        if (!w) throw new PackExportProblem('attachment_damaged');
        if (p.copy) {
          if (w.sha256 !== p.copy.sha256) throw new PackExportProblem('attachment_damaged');
          files.push({ role: 'copy', path: p.path, sha256: w.sha256, size: w.size, attachment: p.attachment.id, original: { sha256: record.sha256, size: record.size }, removed: p.copy.removed });
        } else {
          if (w.sha256 !== record.sha256 || w.size !== record.size) throw new PackExportProblem('attachment_damaged');
          files.push({ role: 'attachment', path: p.path, sha256: w.sha256, size: w.size, attachment: p.attachment.id });
        }
      }
      const manifest: PackManifest = PackManifestSchema.parse({
        format: PACK_FORMAT,
        version: PACK_VERSION,
        app: { name: 'Waymark', version: APP_VERSION },
        exportedAt,
        language: lng,
        histories: selection.histories,
        files,
        chain,
        head,
        entries: packEntries,
      } satisfies PackManifest);
      return { path: MANIFEST_PATH, bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`) };
    },
  });
}
