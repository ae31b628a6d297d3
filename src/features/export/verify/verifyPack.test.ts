import { describe, expect, it } from 'vitest';
import { PackManifest } from '../../../shared/protocol/pack';
import { createMailboxKey } from '../../../platform/vault/mailboxKey';
import { countersign } from '../../../platform/vault/witness';
import { bytesSource, describeReport, verifyPack } from './index';
import { makeTestPack, repack, unpack, withManifest } from './testing';

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
    expect(describeReport(partial)[0]).toMatch(/^Intact/);
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
    expect((await verify(claims)).problems).toEqual([{ code: 'entry_not_included', entry: 'e3', seq: 5 }]);
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
      expect(describeReport(report).join('\n')).toContain('Witnessed: chain events 1 to 4 existed, unaltered, no later than 2026-11-20T10:00:00.000Z');
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
