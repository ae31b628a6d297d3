import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PackManifest } from '../../../shared/protocol/pack';
import { randomBytes, toBase64Url } from '../../../platform/vault/bytes';
import { commitment, nextLink } from '../../../platform/vault/chain';
import { createMailboxKey } from '../../../platform/vault/mailboxKey';
import { countersign } from '../../../platform/vault/witness';
import { PackExportProblem } from '../pack/problem';
import { type ZipSourceFile, ZIP_LIMITS, zipStream } from '../pack/zipStream';
import { type ByteSource, bytesSource, describeReport, printable, verifyPack } from './index';
import { makeTestPack, repack, sha256, unpack, withManifest } from './testing';
import { ZipProblem, readEntry, readZip } from './zip';

const verify = (zip: Uint8Array) => verifyPack(bytesSource(zip));

describe('pack manifest schema', () => {
  it('accepts what the app writes and refuses unsafe paths, bad hashes and other versions', async () => {
    const { manifest } = await makeTestPack({ copy: true });
    expect(PackManifest.safeParse(manifest).success).toBe(true);
    const files = manifest.files.map((f) => ({ ...f }));
    expect(PackManifest.safeParse({ ...manifest, files: [{ ...files[0], path: '../etc/passwd' }] }).success).toBe(false);
    expect(PackManifest.safeParse({ ...manifest, files: [{ ...files[0], path: '.hidden' }] }).success).toBe(false);
    expect(PackManifest.safeParse({ ...manifest, files: [{ ...files[0], sha256: 'ABC' }] }).success).toBe(false);
    expect(PackManifest.safeParse({ ...manifest, version: 2 }).success).toBe(false);
  });
});

describe('verifyPack', () => {
  it('passes an intact pack, a partial pack and a pack with a metadata-free copy', async () => {
    for (const options of [{}, { partial: true }, { copy: true }]) {
      const { zip, manifest } = await makeTestPack(options);
      const report = await verify(zip);
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.summary?.events).toBe(5);
      expect(report.summary?.head).toEqual(manifest.head);
    }
    const partial = await verify((await makeTestPack({ partial: true })).zip);
    expect(partial.summary?.opened).toBe(4);
    expect(describeReport(partial)[0]).toBe('Internally consistent: every file and log event matches the manifest and the chain.');
  });

  it('passes the same pack re-zipped by another zip writer', async () => {
    const { zip } = await makeTestPack();
    expect((await verify(repack(unpack(zip)))).ok).toBe(true);
  });

  it('names a flipped bit in an attachment', async () => {
    const { zip } = await makeTestPack();
    const files = unpack(zip);
    const photo = files['files/0001.jpg'] as Uint8Array;
    photo[10] = (photo[10] as number) ^ 0x01;
    const report = await verify(repack(files));
    expect(report.problems).toEqual([{ code: 'file_changed', path: 'files/0001.jpg' }]);
    expect(describeReport(report).join('\n')).toContain('files/0001.jpg');
  });

  it('names a flipped bit in the zip bytes of an attachment (the CRC no longer matches)', async () => {
    const { zip } = await makeTestPack();
    const at = zip.length - 1500;
    const flipped = zip.slice();
    flipped[at] = (flipped[at] as number) ^ 0x80;
    const report = await verify(flipped);
    expect(report.ok).toBe(false);
    expect(report.problems.length).toBeGreaterThan(0);
  });

  it('names a changed entry by its chain position', async () => {
    const { zip } = await makeTestPack();
    const altered = withManifest(zip, (m) => {
      const payload = m.chain[2]?.opening?.payload as { content: { what: string } };
      payload.content.what = 'Texts once';
    });
    expect((await verify(altered)).problems).toEqual([{ code: 'content_changed', position: 3, seq: 3, entry: 'e2' }]);
  });

  it('names removed and added files', async () => {
    const { zip } = await makeTestPack();
    const files = unpack(zip);
    delete files['files/0001.jpg'];
    files['files/extra.txt'] = new TextEncoder().encode('hello');
    const report = await verify(repack(files));
    expect(report.problems).toContainEqual({ code: 'file_removed', path: 'files/0001.jpg' });
    expect(report.problems).toContainEqual({ code: 'file_added', path: 'files/extra.txt' });
  });

  it('names the positions of a reordered chain, and a chain cut short', async () => {
    const { zip } = await makeTestPack();
    const swapped = withManifest(zip, (m) => {
      const [a, b] = [m.chain[1], m.chain[2]];
      if (a && b) [m.chain[1], m.chain[2]] = [b, a];
    });
    const report = await verify(swapped);
    expect(report.problems).toContainEqual({ code: 'chain_order', position: 2, seq: 3 });
    expect(report.problems).toContainEqual({ code: 'chain_order', position: 3, seq: 2 });
    const cut = withManifest(zip, (m) => void m.chain.pop());
    expect((await verify(cut)).problems).toContainEqual({ code: 'head_mismatch' });
  });

  it('refuses a file that is not the one the chain records, and an entry shown from a left-out event', async () => {
    const { zip } = await makeTestPack({ copy: true });
    const untied = withManifest(zip, (m) => {
      const file = m.files.find((f) => f.role === 'copy');
      if (file?.role === 'copy') file.original.size += 1;
    });
    expect((await verify(untied)).problems).toEqual([{ code: 'file_not_in_chain', path: 'files/0001-copy.jpg' }]);
    const partial = (await makeTestPack({ partial: true })).zip;
    const claims = withManifest(partial, (m) => void m.entries.push({ id: 'e3', events: [5] }));
    expect((await verify(claims)).problems).toEqual([
      { code: 'entry_not_included', entry: 'e3', seq: 5 },
      { code: 'entry_latest_hidden', entry: 'e3', seq: 5 },
    ]);
  });

  it('says what it is when it is not a pack at all', async () => {
    expect((await verify(new TextEncoder().encode('just some text, not a zip'))).problems).toEqual([{ code: 'not_a_zip' }]);
    const files = unpack((await makeTestPack()).zip);
    delete files['manifest.json'];
    expect((await verify(repack(files))).problems).toEqual([{ code: 'manifest_missing' }]);
    const other = withManifest((await makeTestPack()).zip, () => ({ format: 'waymark-pack', version: 9 }));
    expect((await verify(other)).problems).toEqual([{ code: 'unsupported', format: 'waymark-pack', version: 9 }]);
    const junk = withManifest((await makeTestPack()).zip, () => ({ format: 'waymark-pack', version: 1, files: 'no' }));
    expect((await verify(junk)).problems).toEqual([{ code: 'manifest_invalid' }]);
  });
});

describe('witnessed chronology (countersignatures)', () => {
  // Any ECDSA P-256 signing key will do as the advocate device's.
  const witness = async () => (await createMailboxKey()).key;
  const RECEIVED = Date.parse('2026-11-20T10:00:00Z');

  it('reports a countersigned head as witnessed, for a whole and for a partial pack', async () => {
    const key = await witness();
    for (const options of [{}, { partial: true }]) {
      const { zip, manifest } = await makeTestPack(options);
      const link = manifest.chain[3];
      const c = await countersign(key, { seq: link!.seq, hash: link!.hash }, RECEIVED, RECEIVED + 5000);
      const report = await verify(withManifest(zip, (m) => ({ ...m, witnesses: [c] })));
      expect(report.problems).toEqual([]);
      expect(report.summary?.witnessed).toEqual([{ seq: 4, receivedAt: RECEIVED, signedAt: RECEIVED + 5000, key: expect.stringMatching(/^[0-9a-f]{4}( [0-9a-f]{4}){9}$/) }]);
      expect(describeReport(report).join('\n')).toMatch(/If the key with fingerprint [0-9a-f ]{49} is your advocate's device, log events 1 to 4 existed, unaltered, no later than 2026-11-20T10:00:00\.000Z/);
      expect(describeReport(report).join('\n')).not.toContain('Not anchored');
    }
  });

  it('names a countersignature that was altered, and one made for another log', async () => {
    const key = await witness();
    const { zip, manifest } = await makeTestPack();
    const link = manifest.chain[1]!;
    const good = await countersign(key, { seq: link.seq, hash: link.hash }, RECEIVED, RECEIVED);
    const moved = { ...good, receivedAt: RECEIVED - 86_400_000 };
    const elsewhere = await countersign(key, { seq: link.seq, hash: 'ef'.repeat(32) }, RECEIVED, RECEIVED);
    const report = await verify(withManifest(zip, (m) => ({ ...m, witnesses: [good, moved, elsewhere] })));
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      { code: 'witness_invalid', index: 2 },
      { code: 'witness_mismatch', index: 3, seq: 2 },
    ]);
  });

  it('a chain rewritten from top to bottom hangs together, but no longer matches its witness', async () => {
    const key = await witness();
    const { zip: original, manifest } = await makeTestPack();
    const head = manifest.head!;
    const c = await countersign(key, head, RECEIVED, RECEIVED);
    // Another pack (other salts, so other hashes) carrying the first one's countersignature.
    const { zip: forged } = await makeTestPack();
    const report = await verify(withManifest(forged, (m) => ({ ...m, witnesses: [c] })));
    expect(report.problems).toEqual([{ code: 'witness_mismatch', index: 1, seq: head.seq }]);
    expect((await verify(withManifest(original, (m) => ({ ...m, witnesses: [c] })))).ok).toBe(true);
  });
});

describe('what a pack hides or swaps (the ties between manifest, files and chain)', () => {
  it('names an opened attachment whose file and manifest row were both removed, chain untouched', async () => {
    const { zip } = await makeTestPack();
    const files = unpack(zip);
    delete files['files/0001.jpg'];
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as PackManifest;
    manifest.files = manifest.files.filter((f) => f.path !== 'files/0001.jpg');
    files['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest));
    const report = await verify(repack(files));
    expect(report.problems).toEqual([{ code: 'attachment_missing', entry: 'e1', seq: 2 }]);
    expect(describeReport(report).join('\n')).toContain('entry e1 shows the attachment of chain event 2, but the pack has no file for it');
  });

  it('passes an attachment left out on purpose (hash-only link, no file) of an entry that is shown', async () => {
    const { zip } = await makeTestPack();
    const files = unpack(zip);
    delete files['files/0001.jpg'];
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as PackManifest;
    manifest.files = manifest.files.filter((f) => f.path !== 'files/0001.jpg');
    const link = manifest.chain[1];
    if (link) link.opening = null;
    manifest.entries = manifest.entries.map((e) => ({ ...e, events: e.events.filter((seq) => seq !== 2) }));
    files['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest));
    const report = await verify(repack(files));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('names an attachment that is in the pack as two files', async () => {
    const { zip, manifest } = await makeTestPack();
    const files = unpack(zip);
    const photo = files['files/0001.jpg'] as Uint8Array;
    const second = photo.slice(1);
    files['files/0002-copy.jpg'] = second;
    const original = manifest.files.find((f) => f.role === 'attachment');
    const altered = { ...manifest, files: [...manifest.files, { role: 'copy' as const, path: 'files/0002-copy.jpg', sha256: await sha256(second), size: second.length, attachment: 'a1', original: { sha256: original?.sha256 ?? '', size: original?.size ?? 0 }, removed: [] }] };
    files['manifest.json'] = new TextEncoder().encode(JSON.stringify(altered));
    expect((await verify(repack(files))).problems).toEqual([{ code: 'attachment_duplicated', entry: 'e1', seq: 2 }]);
  });

  it('names an entry shown from an older version with its latest version hidden', async () => {
    const { zip } = await makeTestPack();
    // Entry e2: version 1 is event 3, version 2 (latest) event 4.
    for (const histories of [true, false]) {
      const hidden = withManifest(zip, (m) => {
        m.histories = histories;
        const latest = m.chain[3];
        if (latest) latest.opening = null;
        m.entries = m.entries.map((e) => (e.id === 'e2' ? { ...e, events: [3] } : e));
      });
      expect((await verify(hidden)).problems).toEqual([{ code: 'entry_latest_hidden', entry: 'e2', seq: 4 }]);
    }
    // Opened but not listed among the events the entry is shown from: hidden all the same.
    const unlisted = withManifest(zip, (m) => void (m.entries = m.entries.map((e) => (e.id === 'e2' ? { ...e, events: [3] } : e))));
    expect((await verify(unlisted)).problems).toEqual([{ code: 'entry_latest_hidden', entry: 'e2', seq: 4 }]);
  });

  it('names an earlier version hidden when the pack claims every version, and allows it when it does not', async () => {
    const { zip } = await makeTestPack();
    const hideFirst = (histories: boolean) =>
      withManifest(zip, (m) => {
        m.histories = histories;
        const first = m.chain[2];
        if (first) first.opening = null;
        m.entries = m.entries.map((e) => (e.id === 'e2' ? { ...e, events: [4] } : e));
      });
    expect((await verify(hideFirst(true))).problems).toEqual([{ code: 'entry_history_hidden', entry: 'e2', seq: 3 }]);
    expect((await verify(hideFirst(false))).problems).toEqual([]);
  });

  it('passes a redacted entry whose earlier versions are hash-only, even with histories', async () => {
    // Redacting e2 (versions at events 3 and 4) destroys their content: only the redaction (event 6) opens.
    const { zip, manifest } = await makeTestPack();
    const salt = randomBytes(16);
    const payload = { entryId: 'e2', rev: 3, redactedAt: '2026-11-21T10:00:00+00:00' };
    const link = await nextLink(manifest.head, { type: 'entry.redacted', ref: { entry: 'e2', rev: 3 }, at: '2026-11-21T10:00:00+00:00', commitment: await commitment(salt, payload) });
    const redacted = (hideRedaction: boolean) =>
      withManifest(zip, (m) => {
        for (const l of m.chain) if (l.ref.entry === 'e2') l.opening = null;
        m.chain.push({ ...link, opening: hideRedaction ? null : { salt: toBase64Url(salt), payload } });
        m.head = { seq: link.seq, hash: link.hash };
        m.entries = m.entries.map((e) => (e.id === 'e2' ? { ...e, events: hideRedaction ? [3] : [6] } : e));
      });
    expect((await verify(redacted(false))).problems).toEqual([]);
    // Showing a destroyed version instead of the redaction is refused.
    expect((await verify(redacted(true))).problems).toEqual([
      { code: 'entry_not_included', entry: 'e2', seq: 3 },
      { code: 'entry_latest_hidden', entry: 'e2', seq: 6 },
    ]);
  });

  it('wants exactly one chronology, at chronology.html', async () => {
    const { zip } = await makeTestPack();
    const files = unpack(zip);
    const withFiles = (change: (m: PackManifest) => void, extra: Record<string, Uint8Array> = {}) => {
      const m = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as PackManifest;
      change(m);
      return repack({ ...files, ...extra, 'manifest.json': new TextEncoder().encode(JSON.stringify(m)) });
    };
    const chronology = files['chronology.html'] as Uint8Array;
    const row = { role: 'chronology' as const, path: 'chronology2.html', sha256: await sha256(chronology), size: chronology.length };
    const second = withFiles((m) => void m.files.push(row), { 'chronology2.html': chronology });
    expect((await verify(second)).problems).toEqual([{ code: 'chronology_extra', path: 'chronology2.html' }]);
    const moved = withFiles((m) => void (m.files = [row, ...m.files.filter((f) => f.role !== 'chronology')]), { 'chronology2.html': chronology });
    const movedProblems = (await verify(moved)).problems;
    expect(movedProblems).toHaveLength(3);
    expect(movedProblems).toEqual(expect.arrayContaining([{ code: 'file_added', path: 'chronology.html' }, { code: 'chronology_missing' }, { code: 'chronology_extra', path: 'chronology2.html' }]));
  });
});

describe('what a report claims', () => {
  it('counts copies as not checkable against the log, even one swapped for unrelated bytes with its hash updated', async () => {
    const { zip } = await makeTestPack({ copy: true });
    const files = unpack(zip);
    const unrelated = new TextEncoder().encode('not the photo at all');
    files['files/0001-copy.jpg'] = unrelated;
    const m = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as PackManifest;
    const copy = m.files.find((f) => f.role === 'copy');
    if (copy) Object.assign(copy, { sha256: await sha256(unrelated), size: unrelated.length });
    files['manifest.json'] = new TextEncoder().encode(JSON.stringify(m));
    const report = await verify(repack(files));
    // Nothing in the pack can tell: so the report must say the copy is unchecked, never just "consistent".
    expect(report.ok).toBe(true);
    expect(report.summary?.uncheckedCopies).toBe(1);
    expect(describeReport(report).join('\n')).toContain('Copies not checkable against the log: 1.');
    const plain = await verify((await makeTestPack()).zip);
    expect(plain.summary?.uncheckedCopies).toBe(0);
    expect(describeReport(plain).join('\n')).not.toContain('Copies not checkable');
  });

  it('says a pack without countersignatures is not anchored', async () => {
    const lines = describeReport(await verify((await makeTestPack()).zip));
    expect(lines).toContain("Not anchored: anyone can recompute a whole chain. Compare the last log event's fingerprint with one recorded independently (for example by the advocate's app).");
    expect(lines.join('\n')).not.toMatch(/Intact|exactly as it was made/);
  });
});

describe('printing text from a pack', () => {
  it('shows control and bidi characters as escapes, never raw', () => {
    expect(printable('x\u001b[2K\u001b[1AIntact')).toBe('x\\u001b[2K\\u001b[1AIntact');
    expect(printable('a\u202eb\u2066c\u0085d\u007fe\nf')).toBe('a\\u202eb\\u2066c\\u0085d\\u007fe\\u000af');
    expect(printable('files/0001.jpg “ok” \\u001b')).toBe('files/0001.jpg “ok” \\u001b');
  });

  it('prints a file named to rewrite the terminal escaped, and the manifest texts too', async () => {
    const name = 'x\u001b[2K\u001b[1AIntact';
    const files = unpack((await makeTestPack()).zip);
    files[name] = new TextEncoder().encode('hello');
    const report = await verify(repack(files));
    expect(report.problems).toEqual([{ code: 'file_added', path: name }]);
    const text = describeReport(report).join('\n');
    expect(text).toContain('File added: "x\\u001b[2K\\u001b[1AIntact"');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);

    const odd = withManifest((await makeTestPack()).zip, (m) => ({ ...m, exportedAt: '2026\u202e-11', app: { name: 'Waymark', version: '0.1\u001b[31m' } }));
    const oddText = describeReport(await verify(odd)).join('\n');
    expect(oddText).toContain('Exported 2026\\u202e-11 by app version 0.1\\u001b[31m.');
    expect(oddText).not.toMatch(/[\u001b\u202e]/);
  });
});

describe('zip reader limits', () => {
  it('stops inflating a file as soon as it runs past its recorded size (decompression bomb)', async () => {
    // 3 MB that deflate cannot shrink, so the compressed bytes span several 1 MiB reads.
    const data = new Uint8Array(3 * 1024 * 1024);
    let x = 12345;
    for (let i = 0; i < data.length; i++) data[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
    const zip = zipSync({ 'big.bin': [data, { level: 1 }] });
    // Claim 1,000 bytes, in the local header and the central directory alike.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    view.setUint32(22, 1000, true);
    const central = view.getUint32(zip.length - 22 + 16, true);
    view.setUint32(central + 24, 1000, true);
    const [entry] = await readZip(bytesSource(zip));
    expect(entry?.compressedSize).toBeGreaterThan(2 * 1024 * 1024);
    let reads = 0;
    const counting: ByteSource = { size: zip.length, read: (offset, length) => (reads++, bytesSource(zip).read(offset, length)) };
    let passed = 0;
    const error = await readEntry(counting, entry!, (bytes) => (passed += bytes.length)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZipProblem);
    expect(error).toMatchObject({ code: 'damaged', path: 'big.bin' });
    expect(reads).toBe(1);
    expect(passed).toBeLessThanOrEqual(1000);
  });
});

describe('zip writer limits (no zip64)', () => {
  const options = { mtime: new Date(0), createHasher: async () => ({ update: () => undefined, digestHex: () => '' }), finish: async () => ({ path: 'manifest.json', bytes: new Uint8Array(0) }) };
  const never = (path: string, size: number): ZipSourceFile => ({
    path,
    compress: false,
    size,
    bytes: async function* () {
      throw new Error('read a file of a pack that should have been refused');
    },
  });
  const refusal = (files: ZipSourceFile[]) => {
    try {
      zipStream(files, options);
      return null;
    } catch (error) {
      return error;
    }
  };

  it('refuses, before writing anything, a pack that would reach 4 GiB', () => {
    const big = refusal([never('files/a.mp4', 2 ** 31), never('files/b.mp4', 2 ** 31)]);
    expect(big).toBeInstanceOf(PackExportProblem);
    expect(big).toMatchObject({ code: 'too_large' });
    expect(refusal([never('files/a.mp4', ZIP_LIMITS.maxBytes)])).toMatchObject({ code: 'too_large' });
    expect(refusal([never('files/a.mp4', ZIP_LIMITS.maxBytes - 1000)])).toBeNull();
  });

  it('refuses a pack of more than 65,535 files (the manifest counts)', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => never(`files/${i}.jpg`, 10));
    expect(refusal(many(65_535))).toMatchObject({ code: 'too_large' });
    expect(refusal(many(65_534))).toBeNull();
  });
});
