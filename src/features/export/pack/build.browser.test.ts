// The pack end to end against real IndexedDB and WebCrypto: files flagged in the review (GPS, and a
// HEIC photo the inspector cannot read) go as copies or are left out, and the pack still verifies.
import { unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { jpegWithGps } from '../../../../tests/fixtures/media';
import { freshVaultEachTest } from '../../../platform/store/testing';
import type { PackManifest } from '../../../shared/protocol/pack';
import { importAttachment } from '../../evidence/attachments';
import { blankContent } from '../../evidence/content';
import { createEntry } from '../../evidence/entries';
import { inspectMetadata } from '../metadata';
import { memorySource } from '../metadata/testing';
import { bytesSource, verifyPack } from '../verify';
import type { AttachmentChoice } from './attachmentChoice';
import { buildPack } from './build';
import { type PackSelection, collect } from './collect';
import { reviewPack } from './review';

// i18next is not set up in this runner: the pack's words come straight from locales/en/pack.json.
vi.mock('../../../platform/i18n', async (importOriginal) => {
  const pack = (await import('../../../../locales/en/pack.json')).default as unknown as Record<string, unknown>;
  const lookup = (key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), pack);
  return {
    ...(await importOriginal<object>()),
    loadLanguage: async () => {},
    t: (key: string, vars: Record<string, unknown> = {}) => {
      const found = key.startsWith('pack:') ? lookup(key.slice(5)) : undefined;
      return typeof found === 'string' ? found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? '')) : key;
    },
  };
});

freshVaultEachTest();

const selection: PackSelection = { from: null, to: null, kinds: [], orders: [], histories: false, language: 'en' };
// Not a real HEIC: the inspector reads its ftyp brand and gives up, as it does on a real one.
const heic = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic'), 0, 0, 0, 0, ...new TextEncoder().encode('mif1heic'), 1, 2, 3, 4]);

function file(data: Uint8Array, name: string, type: string) {
  return { stream: new Blob([data as BlobPart]).stream(), size: data.length, name, type, lastModified: Date.UTC(2026, 0, 4), source: 'picker' as const, capture: null };
}

async function makePack(choices: Map<string, AttachmentChoice>) {
  const entryId = await createEntry(blankContent('2026-01-04T21:15:00+00:00', { kinds: ['at_home'], what: 'At the door' }));
  const jpegId = await importAttachment(entryId, file(jpegWithGps(), 'IMG_2041.jpg', 'image/jpeg'));
  const heicId = await importAttachment(entryId, file(heic, 'IMG_0007.HEIC', 'image/heic'));
  const collected = await collect(selection, []);
  const review = await reviewPack(collected);
  const stream = await buildPack(collected, review, selection, { attachments: choices, entries: new Map() }, { exportedAt: '2026-02-01T10:00:00+00:00' });
  const zip = new Uint8Array(await new Response(stream).arrayBuffer());
  const files = unzipSync(zip);
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as PackManifest;
  return { jpegId, heicId, review, zip, files, manifest, chronology: new TextDecoder().decode(files['chronology.html']) };
}

const linkOf = (manifest: PackManifest, attachmentId: string) => manifest.chain.find((l) => l.type === 'attachment.added' && l.ref.attachment === attachmentId);

describe('evidence pack: files that may hold her location', () => {
  it('flags a HEIC photo it cannot read and leaves it out by default; the GPS photo goes as a copy; the pack verifies', async () => {
    const { jpegId, heicId, review, zip, files, manifest, chronology } = await makePack(new Map());
    expect(review.attachments.find((f) => f.attachment.id === heicId)).toMatchObject({ findings: [], unreadable: true, canCopy: false });
    expect(review.attachments.find((f) => f.attachment.id === jpegId)).toMatchObject({ findings: ['location', 'device'], canCopy: true });

    expect(manifest.files.map((f) => f.role).sort()).toEqual(['chronology', 'copy']);
    expect(manifest.files.some((f) => f.role !== 'chronology' && f.attachment === heicId)).toBe(false);
    expect(linkOf(manifest, heicId)?.opening).toBeNull();
    expect(linkOf(manifest, jpegId)?.opening).not.toBeNull();
    expect(manifest.entries[0]?.events).not.toContain(linkOf(manifest, heicId)?.seq);
    expect(Object.values(files).some((bytes) => bytes.length === heic.length && bytes.every((b, i) => b === heic[i]))).toBe(false);
    expect(chronology).toContain('IMG_0007.HEIC');
    expect(chronology).toContain('left out because it may hold location details');

    const copy = manifest.files.find((f) => f.role === 'copy')!;
    expect((await inspectMetadata(memorySource(files[copy.path]!), 'image/jpeg')).findings).toEqual([]);
    const report = await verifyPack(bytesSource(zip));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('leaves out a file that could be copied when she asks, and sends the unreadable one as the original when she chooses it', async () => {
    const choices = new Map<string, AttachmentChoice>();
    // The ids are only known once imported: a first pack makes the log, a second one uses her choices.
    const first = await makePack(choices);
    choices.set(first.jpegId, 'leave_out');
    choices.set(first.heicId, 'original');
    const { zip, manifest, jpegId, heicId } = await makePackWithIds(choices, first);
    expect(manifest.files.map((f) => [f.role, f.role === 'chronology' ? '' : f.attachment])).toEqual([
      ['chronology', ''],
      ['attachment', heicId],
    ]);
    expect(manifest.files.some((f) => f.role === 'copy' || (f.role === 'attachment' && f.attachment === jpegId))).toBe(false);
    expect(linkOf(manifest, jpegId)?.opening).toBeNull();
    const report = await verifyPack(bytesSource(zip));
    expect(report.problems).toEqual([]);
  });
});

/** Builds a second pack over the same log (made by makePack) with these choices. */
async function makePackWithIds(choices: Map<string, AttachmentChoice>, first: { jpegId: string; heicId: string }) {
  const collected = await collect(selection, []);
  const review = await reviewPack(collected);
  const stream = await buildPack(collected, review, selection, { attachments: choices, entries: new Map() }, { exportedAt: '2026-02-01T10:00:00+00:00' });
  const zip = new Uint8Array(await new Response(stream).arrayBuffer());
  const manifest = JSON.parse(new TextDecoder().decode(unzipSync(zip)['manifest.json'])) as PackManifest;
  return { jpegId: first.jpegId, heicId: first.heicId, zip, manifest };
}
