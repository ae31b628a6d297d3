// The pack verifier's core: the same code in the app's "Check a pack" screen and in
// `node bin/waymark-verify.mjs`. Pure — no DOM, no storage: it takes the zip as a ByteSource and
// recomputes everything a pack claims:
//
//   1. the zip itself (every header cross-checked, every CRC-32; see zip.ts);
//   2. the manifest (zod schema, format and version);
//   3. every file's SHA-256 and size against the manifest; files present but not listed (added) and
//      listed but absent (removed);
//   4. the chain, position by position: sequence, each link's `prev`, each link's hash, and each
//      included event's commitment from its opening; then the head;
//   5. that every attachment file (or the original of a copy) is the one the chain commits to, that
//      every attachment the pack opens for a listed entry has exactly one file, that the chronology's
//      entries are shown only from events the pack opens, that no listed entry hides its latest
//      version (or, with histories, any version), and that there is exactly one chronology.html;
//   6. every countersignature (witnessed chronology): its signature, and that the pack's chain holds
//      the head it signed. A chain rewritten from top to bottom still hangs together, so these are
//      what tie a pack to something outside it.
//
// It never throws for a bad pack: whatever is wrong comes back as named problems.
//
// What "no problems" proves: the pack is internally consistent. Links carry no key, so anyone can
// recompute a whole chain; only a countersignature (or a head fingerprint recorded elsewhere) ties
// the pack to the log as it was. And a copy "without metadata" is tied to its original only by the
// manifest's word (the chain commits to the original's hash, not the copy's), so copies are counted
// as not checkable against the log rather than passed silently.
//
// Hashing comes from platform/vault's pure modules, imported by file rather than through the vault's
// index so the verifier can be built for Node on its own (the index brings the key store and workers).
import { type PackLink, type PackManifest, CHRONOLOGY_PATH, MANIFEST_MAX_BYTES, MANIFEST_PATH, PACK_FORMAT, PACK_VERSION, PackHeader, PackManifest as PackManifestSchema } from '../../../shared/protocol/pack';
import { fromBase64Url, utf8 } from '../../../platform/vault/bytes';
import { type Json, canonicalJson } from '../../../platform/vault/canonicalJson';
import { commitment, sha256Hex } from '../../../platform/vault/chain';
import { createSha256Stream } from '../../../platform/vault/sha256Stream';
import { keyFingerprint, verifyCountersignature } from '../../../platform/vault/witness';
import { type ByteSource, type ZipEntry, ZipProblem, readEntry, readZip } from './zip';

export type PackProblem =
  | { code: 'not_a_zip' }
  | { code: 'zip_damaged'; path: string | null }
  | { code: 'manifest_missing' }
  | { code: 'manifest_invalid' }
  | { code: 'unsupported'; format: string; version: number }
  | { code: 'file_removed'; path: string }
  | { code: 'file_added'; path: string }
  | { code: 'file_changed'; path: string }
  | { code: 'file_not_in_chain'; path: string }
  | { code: 'chain_order'; position: number; seq: number }
  | { code: 'chain_broken'; position: number; seq: number }
  | { code: 'link_changed'; position: number; seq: number }
  | { code: 'content_changed'; position: number; seq: number; entry: string | null }
  | { code: 'head_mismatch' }
  | { code: 'entry_not_included'; entry: string; seq: number }
  | { code: 'attachment_missing'; entry: string; seq: number }
  | { code: 'attachment_duplicated'; entry: string; seq: number }
  | { code: 'entry_latest_hidden'; entry: string; seq: number }
  | { code: 'entry_history_hidden'; entry: string; seq: number }
  | { code: 'chronology_missing' }
  | { code: 'chronology_extra'; path: string }
  | { code: 'witness_invalid'; index: number }
  | { code: 'witness_mismatch'; index: number; seq: number };

/** A countersignature that checked out: the log up to `seq` existed no later than `receivedAt`. */
export interface Witnessed {
  seq: number;
  receivedAt: number;
  signedAt: number;
  /** The witness key's fingerprint (platform/vault keyFingerprint). */
  key: string;
}

export type PackProblemCode = PackProblem['code'];

export interface PackSummary {
  exportedAt: string;
  appVersion: string;
  head: PackManifest['head'];
  /** Chain events in the pack, and how many of them it opens. */
  events: number;
  opened: number;
  entries: number;
  files: number;
  /**
   * Files that are copies "without metadata": the manifest says which original each came from, but
   * the chain commits only to the original's hash, so nothing in the pack proves the copy's bytes.
   */
  uncheckedCopies: number;
  witnessed: Witnessed[];
}

export interface PackReport {
  ok: boolean;
  problems: PackProblem[];
  /** What the manifest says, when it could be read. */
  summary: PackSummary | null;
}

export interface VerifyOptions {
  signal?: AbortSignal;
  /** Called with a fraction done (0–1) as files are hashed. */
  onProgress?: (done: number) => void;
}

async function linkHash(link: PackLink): Promise<string> {
  const { seq, type, ref, at, commitment: c, prev } = link;
  return sha256Hex(utf8(canonicalJson({ seq, type, ref, at, commitment: c, prev })));
}

async function readManifest(source: ByteSource, entry: ZipEntry, signal?: AbortSignal): Promise<unknown> {
  if (entry.size > MANIFEST_MAX_BYTES) return undefined;
  const bytes = new Uint8Array(entry.size);
  let at = 0;
  if (!(await readEntry(source, entry, (chunk) => (bytes.set(chunk, at), (at += chunk.length)), signal))) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

async function hashEntry(source: ByteSource, entry: ZipEntry, signal?: AbortSignal): Promise<{ sha256: string; size: number; crcOk: boolean }> {
  const hasher = await createSha256Stream();
  let size = 0;
  const crcOk = await readEntry(source, entry, (bytes) => (hasher.update(bytes), (size += bytes.length)), signal);
  return { sha256: hasher.digestHex(), size, crcOk };
}

async function checkChain(manifest: PackManifest, problems: PackProblem[]): Promise<void> {
  let prev = '0'.repeat(64);
  for (const [i, link] of manifest.chain.entries()) {
    const position = i + 1;
    if (link.seq !== position) problems.push({ code: 'chain_order', position, seq: link.seq });
    if (link.prev !== prev) problems.push({ code: 'chain_broken', position, seq: link.seq });
    if ((await linkHash(link)) !== link.hash) problems.push({ code: 'link_changed', position, seq: link.seq });
    if (link.opening) {
      let matches = false;
      try {
        matches = (await commitment(fromBase64Url(link.opening.salt), link.opening.payload as Json)) === link.commitment;
      } catch {
        matches = false;
      }
      const entry = typeof link.ref.entry === 'string' ? link.ref.entry : null;
      if (!matches) problems.push({ code: 'content_changed', position, seq: link.seq, entry });
    }
    prev = link.hash;
  }
  const last = manifest.chain[manifest.chain.length - 1];
  const head = last ? { seq: last.seq, hash: last.hash } : null;
  if (head?.seq !== manifest.head?.seq || head?.hash !== manifest.head?.hash) problems.push({ code: 'head_mismatch' });
}

function payloadField(link: PackLink | undefined, field: string): unknown {
  const payload = link?.opening?.payload;
  return payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>)[field] : undefined;
}

const ENTRY_EVENTS = new Set<PackLink['type']>(['entry.created', 'entry.revised', 'entry.redacted']);

/** Every file and every listed entry against the chain: nothing shown that the log lacks, nothing hidden it has. */
function checkTies(manifest: PackManifest, problems: PackProblem[]): void {
  const attachmentEvents = new Map<string, PackLink>();
  for (const link of manifest.chain) if (link.type === 'attachment.added' && link.opening) attachmentEvents.set(String(link.ref.attachment), link);
  const filesOf = new Map<string, number>();
  const chronologies = manifest.files.filter((f) => f.role === 'chronology');
  if (!chronologies.some((f) => f.path === CHRONOLOGY_PATH)) problems.push({ code: 'chronology_missing' });
  let chronologySeen = false;
  for (const file of chronologies) {
    if (file.path === CHRONOLOGY_PATH && !chronologySeen) chronologySeen = true;
    else problems.push({ code: 'chronology_extra', path: file.path });
  }
  for (const file of manifest.files) {
    if (file.role === 'chronology') continue;
    filesOf.set(file.attachment, (filesOf.get(file.attachment) ?? 0) + 1);
    const event = attachmentEvents.get(file.attachment);
    const claimed = file.role === 'copy' ? file.original : file;
    const tied = event !== undefined && payloadField(event, 'attachmentId') === file.attachment && payloadField(event, 'sha256') === claimed.sha256 && payloadField(event, 'size') === claimed.size;
    if (!tied) problems.push({ code: 'file_not_in_chain', path: file.path });
  }
  const bySeq = new Map(manifest.chain.map((link) => [link.seq, link]));
  const listed = new Set(manifest.entries.map((e) => e.id));
  // An opened attachment of a listed entry is shown in the chronology, so its file must be there
  // (once). One left out on purpose stays hash-only, and needs no file.
  for (const link of manifest.chain) {
    const entry = link.ref.entry;
    if (link.type !== 'attachment.added' || !link.opening || typeof entry !== 'string' || !listed.has(entry)) continue;
    const count = filesOf.get(String(link.ref.attachment)) ?? 0;
    if (count === 0) problems.push({ code: 'attachment_missing', entry, seq: link.seq });
    else if (count > 1) problems.push({ code: 'attachment_duplicated', entry, seq: link.seq });
  }
  const entryLinks = new Map<string, PackLink[]>();
  for (const link of manifest.chain) {
    const entry = link.ref.entry;
    if (!ENTRY_EVENTS.has(link.type) || typeof entry !== 'string' || !listed.has(entry)) continue;
    const links = entryLinks.get(entry);
    if (links) links.push(link);
    else entryLinks.set(entry, [link]);
  }
  for (const entry of manifest.entries) {
    const shownFrom = new Set(entry.events);
    for (const seq of shownFrom) {
      const link = bySeq.get(seq);
      if (!link?.opening || link.ref.entry !== entry.id) problems.push({ code: 'entry_not_included', entry: entry.id, seq });
    }
    // Its latest version (or its redaction) must be shown; with histories, every version. A
    // redaction destroys the earlier versions' content, so those can only ever be hash-only.
    const links = entryLinks.get(entry.id) ?? [];
    const latest = links.reduce<PackLink | undefined>((best, link) => (!best || link.seq > best.seq ? link : best), undefined);
    if (!latest) continue;
    const shown = (link: PackLink) => link.opening !== null && shownFrom.has(link.seq);
    if (!shown(latest)) problems.push({ code: 'entry_latest_hidden', entry: entry.id, seq: latest.seq });
    else if (manifest.histories && latest.type !== 'entry.redacted') {
      for (const link of links) if (!shown(link)) problems.push({ code: 'entry_history_hidden', entry: entry.id, seq: link.seq });
    }
  }
}

async function checkWitnesses(manifest: PackManifest, problems: PackProblem[]): Promise<Witnessed[]> {
  const witnessed: Witnessed[] = [];
  const bySeq = new Map(manifest.chain.map((link) => [link.seq, link]));
  for (const [i, c] of (manifest.witnesses ?? []).entries()) {
    const index = i + 1;
    if (!(await verifyCountersignature(c))) {
      problems.push({ code: 'witness_invalid', index });
      continue;
    }
    if (bySeq.get(c.head.seq)?.hash !== c.head.hash) {
      problems.push({ code: 'witness_mismatch', index, seq: c.head.seq });
      continue;
    }
    witnessed.push({ seq: c.head.seq, receivedAt: c.receivedAt, signedAt: c.signedAt, key: await keyFingerprint(fromBase64Url(c.key)) });
  }
  return witnessed;
}

/** Verifies a pack. Never throws for a bad pack; only an abort (or a failing byte source) rejects. */
export async function verifyPack(source: ByteSource, { signal, onProgress }: VerifyOptions = {}): Promise<PackReport> {
  const problems: PackProblem[] = [];
  let entries: ZipEntry[];
  try {
    entries = await readZip(source);
  } catch (error) {
    if (!(error instanceof ZipProblem)) throw error;
    return { ok: false, problems: [error.code === 'not_a_zip' ? { code: 'not_a_zip' } : { code: 'zip_damaged', path: error.path }], summary: null };
  }
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const manifestEntry = byPath.get(MANIFEST_PATH);
  if (!manifestEntry) return { ok: false, problems: [{ code: 'manifest_missing' }], summary: null };

  let raw: unknown;
  try {
    raw = await readManifest(source, manifestEntry, signal);
  } catch (error) {
    if (!(error instanceof ZipProblem)) throw error;
    return { ok: false, problems: [{ code: 'zip_damaged', path: MANIFEST_PATH }], summary: null };
  }
  // A hostile manifest (say, nested a million deep) may make parsing itself throw.
  const safeParse = <T>(parse: () => T): T | null => {
    try {
      return parse();
    } catch {
      return null;
    }
  };
  const header = safeParse(() => PackHeader.safeParse(raw));
  if (header?.success && (header.data.format !== PACK_FORMAT || header.data.version !== PACK_VERSION)) {
    return { ok: false, problems: [{ code: 'unsupported', format: header.data.format.slice(0, 40), version: header.data.version }], summary: null };
  }
  const parsed = safeParse(() => PackManifestSchema.safeParse(raw));
  if (!parsed?.success) return { ok: false, problems: [{ code: 'manifest_invalid' }], summary: null };
  const manifest = parsed.data;

  // Files: listed and present, hashed; present and not listed.
  const listed = new Set<string>();
  const total = manifest.files.reduce((n, f) => n + f.size, 0) || 1;
  let done = 0;
  for (const file of manifest.files) {
    if (listed.has(file.path) || file.path === MANIFEST_PATH) {
      problems.push({ code: 'manifest_invalid' });
      continue;
    }
    listed.add(file.path);
    const entry = byPath.get(file.path);
    if (!entry) {
      problems.push({ code: 'file_removed', path: file.path });
      continue;
    }
    try {
      const actual = await hashEntry(source, entry, signal);
      if (!actual.crcOk || actual.sha256 !== file.sha256 || actual.size !== file.size) problems.push({ code: 'file_changed', path: file.path });
    } catch (error) {
      if (!(error instanceof ZipProblem)) throw error;
      problems.push({ code: 'zip_damaged', path: file.path });
    }
    done += file.size;
    onProgress?.(Math.min(1, done / total));
  }
  for (const entry of entries) if (entry.path !== MANIFEST_PATH && !listed.has(entry.path)) problems.push({ code: 'file_added', path: entry.path });

  await checkChain(manifest, problems);
  checkTies(manifest, problems);
  const witnessed = await checkWitnesses(manifest, problems);

  const summary: PackSummary = {
    exportedAt: manifest.exportedAt,
    appVersion: manifest.app.version,
    head: manifest.head,
    events: manifest.chain.length,
    opened: manifest.chain.filter((l) => l.opening).length,
    entries: manifest.entries.length,
    files: manifest.files.length,
    uncheckedCopies: manifest.files.filter((f) => f.role === 'copy').length,
    witnessed,
  };
  return { ok: problems.length === 0, problems, summary };
}
