// Test-only: small packs built in Node the way the app builds them (the same zip writer, a real
// chain of salted commitments), and helpers to take them apart and put them back together altered.
import { unzipSync, zipSync } from 'fflate';
import { randomBytes, toBase64Url } from '../../../platform/vault/bytes';
import type { Json } from '../../../platform/vault/canonicalJson';
import { type ChainLink, commitment, nextLink } from '../../../platform/vault/chain';
import { createSha256Stream } from '../../../platform/vault/sha256Stream';
import { CHRONOLOGY_PATH, MANIFEST_PATH, type PackFile, type PackLink, type PackManifest } from '../../../shared/protocol/pack';
import { zipStream } from '../pack/zipStream';

export interface TestPackOptions {
  /** Leave the third entry out (hash-only links). */
  partial?: boolean;
  /** Send the photo as a copy "without metadata". */
  copy?: boolean;
}

export interface TestPack {
  zip: Uint8Array;
  manifest: PackManifest;
}

async function collectStream(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
}

export async function sha256(bytes: Uint8Array): Promise<string> {
  const h = await createSha256Stream();
  h.update(bytes);
  return h.digestHex();
}

const AT = '2026-11-20T09:30:00+00:00';

/** A pack of three entries (the second revised), one photo on the first. */
export async function makeTestPack({ partial = false, copy = false }: TestPackOptions = {}): Promise<TestPack> {
  const photo = randomBytes(3000);
  const photoCopy = photo.slice(100);
  const photoSha = await sha256(photo);
  const events: { link: ChainLink; opening: { salt: string; payload: Json }; entry: string }[] = [];
  const add = async (type: ChainLink['type'], ref: Record<string, string | number>, payload: Json, entry: string) => {
    const salt = randomBytes(16);
    const head = events.length ? { seq: events.length, hash: (events[events.length - 1] as (typeof events)[number]).link.hash } : null;
    const link = await nextLink(head, { type, ref, at: AT, commitment: await commitment(salt, payload) });
    events.push({ link, opening: { salt: toBase64Url(salt), payload }, entry });
  };
  const content = (what: string) => ({ at: AT, what, where: '', kinds: ['contact'] });
  await add('entry.created', { entry: 'e1', rev: 1 }, { entryId: 'e1', rev: 1, savedAt: AT, reason: '', content: content('He came to the door') }, 'e1');
  await add('attachment.added', { entry: 'e1', attachment: 'a1' }, { attachmentId: 'a1', entryId: 'e1', name: 'IMG_1.jpg', type: 'image/jpeg', size: photo.length, sha256: photoSha, source: 'picker', capture: null, addedAt: AT, lastModified: null }, 'e1');
  await add('entry.created', { entry: 'e2', rev: 1 }, { entryId: 'e2', rev: 1, savedAt: AT, reason: '', content: content('Texts all night') }, 'e2');
  await add('entry.revised', { entry: 'e2', rev: 2 }, { entryId: 'e2', rev: 2, savedAt: AT, reason: 'typo', content: content('Texts all evening') }, 'e2');
  await add('entry.created', { entry: 'e3', rev: 1 }, { entryId: 'e3', rev: 1, savedAt: AT, reason: '', content: content('Outside CF10 1AA') }, 'e3');
  const included = (entry: string) => !(partial && entry === 'e3');
  const chain: PackLink[] = events.map((e) => ({ ...e.link, opening: (included(e.entry) ? e.opening : null) as PackLink['opening'] }));
  const entries = ['e1', 'e2', 'e3'].filter(included).map((id) => ({ id, events: chain.filter((l) => l.opening && l.ref.entry === id).map((l) => l.seq) }));
  const html = new TextEncoder().encode('<!doctype html><title>Chronology</title><p>He came to the door</p>');
  const photoPath = copy ? 'files/0001-copy.jpg' : 'files/0001.jpg';
  const last = events[events.length - 1]?.link as ChainLink;
  let manifest: PackManifest | null = null;
  const zip = await collectStream(
    zipStream(
      [
        { path: CHRONOLOGY_PATH, compress: true, size: html.length, bytes: async function* () { yield html; } },
        { path: photoPath, compress: false, size: (copy ? photoCopy : photo).length, bytes: async function* () { yield copy ? photoCopy : photo; } },
      ],
      {
        mtime: new Date(Date.parse(AT)),
        createHasher: createSha256Stream,
        async finish(written) {
          const files: PackFile[] = written.map((w) =>
            w.path === CHRONOLOGY_PATH
              ? { role: 'chronology', ...w }
              : copy
                ? { role: 'copy', ...w, attachment: 'a1', original: { sha256: photoSha, size: photo.length }, removed: ['location'] }
                : { role: 'attachment', ...w, attachment: 'a1' },
          );
          manifest = { format: 'waymark-pack', version: 1, app: { name: 'Waymark', version: '0.1.0' }, exportedAt: AT, language: 'en', histories: true, files, chain, head: { seq: last.seq, hash: last.hash }, entries };
          return { path: MANIFEST_PATH, bytes: new TextEncoder().encode(JSON.stringify(manifest)) };
        },
      },
    ),
  );
  return { zip, manifest: manifest as unknown as PackManifest };
}

/** The pack's files, by path. */
export function unpack(zip: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(zip);
}

/** A zip of these files (fflate's one-shot writer: no data descriptors, unlike the app's stream). */
export function repack(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(files, { mtime: new Date(Date.parse(AT)) });
}

export function withManifest(zip: Uint8Array, change: (m: PackManifest) => unknown): Uint8Array {
  const files = unpack(zip);
  const manifest = JSON.parse(new TextDecoder().decode(files[MANIFEST_PATH])) as PackManifest;
  files[MANIFEST_PATH] = new TextEncoder().encode(JSON.stringify(change(manifest) ?? manifest));
  return repack(files);
}
