// Property tests: mutated packs never crash the verifier and never pass; each gets a named problem.
// 4,600 cases in all, on small packs so the whole file runs in seconds.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_PATH, type PackManifest } from '../../../shared/protocol/pack';
import { type PackReport, bytesSource, describeReport, verifyPack } from './index';
import { type TestPack, makeTestPack, repack, unpack } from './testing';

const CODES = new Set(['not_a_zip', 'zip_damaged', 'manifest_missing', 'manifest_invalid', 'unsupported', 'file_removed', 'file_added', 'file_changed', 'file_not_in_chain', 'chain_order', 'chain_broken', 'link_changed', 'content_changed', 'head_mismatch', 'entry_not_included', 'attachment_missing', 'attachment_duplicated', 'entry_latest_hidden', 'entry_history_hidden', 'chronology_missing', 'chronology_extra']);

function expectNamedFailure(report: PackReport): void {
  expect(report.ok).toBe(false);
  expect(report.problems.length).toBeGreaterThan(0);
  for (const problem of report.problems) expect(CODES.has(problem.code)).toBe(true);
  // Every problem has a sentence.
  for (const line of describeReport(report)) expect(line.trim().length).toBeGreaterThan(0);
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);
const decode = (b: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(b)) as PackManifest;
const encode = (m: unknown) => new TextEncoder().encode(JSON.stringify(m));

let pack: TestPack;
let partial: TestPack;
beforeAll(async () => {
  pack = await makeTestPack({ copy: true });
  partial = await makeTestPack({ partial: true });
});

describe('verifyPack on mutated packs', () => {
  it('flipped bits anywhere in the zip: never throws, never passes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 4 }), async (flips) => {
        const zip = pack.zip.slice();
        for (const [at, bit] of flips) zip[at % zip.length] = (zip[at % zip.length] as number) ^ (1 << bit);
        if (same(zip, pack.zip)) return;
        expectNamedFailure(await verifyPack(bytesSource(zip)));
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('bytes overwritten, cut off or appended: never throws, never passes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kind: fc.constant('write' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
          fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
          fc.record({ kind: fc.constant('append' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
        ),
        async (change) => {
          let zip: Uint8Array;
          if (change.kind === 'write') {
            zip = pack.zip.slice();
            zip.set(change.bytes.subarray(0, zip.length - (change.at % zip.length)), change.at % zip.length);
          } else if (change.kind === 'cut') zip = pack.zip.slice(0, change.at % pack.zip.length);
          else zip = new Uint8Array([...pack.zip, ...change.bytes]);
          if (same(zip, pack.zip)) return;
          expectNamedFailure(await verifyPack(bytesSource(zip)));
        },
      ),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('a file changed, added or removed, or the manifest edited: the named problem', async () => {
    const files = unpack(pack.zip);
    const paths = Object.keys(files).filter((p) => p !== MANIFEST_PATH);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kind: fc.constant('flip' as const), file: fc.constantFrom(...paths), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
          fc.record({ kind: fc.constant('add' as const), name: fc.stringMatching(/^[a-z]{1,8}\.[a-z]{1,3}$/), bytes: fc.uint8Array({ maxLength: 32 }) }),
          fc.record({ kind: fc.constant('remove' as const), file: fc.constantFrom(...paths) }),
          fc.record({ kind: fc.constant('manifest' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
        ),
        async (change) => {
          const copy: Record<string, Uint8Array> = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.slice()]));
          if (change.kind === 'flip') {
            const bytes = copy[change.file] as Uint8Array;
            bytes[change.at % bytes.length] = (bytes[change.at % bytes.length] as number) ^ (1 << change.bit);
          } else if (change.kind === 'add') {
            if (copy[change.name]) return;
            copy[change.name] = change.bytes;
          } else if (change.kind === 'remove') delete copy[change.file];
          else {
            const bytes = copy[MANIFEST_PATH] as Uint8Array;
            const at = change.at % bytes.length;
            bytes[at] = (bytes[at] as number) ^ (1 << change.bit);
            // Fields only about the export itself (its time, language, app version) are not evidence and
            // not covered by any hash; a change there may pass. Everything else must not.
            let edited: PackManifest | null = null;
            try {
              edited = decode(bytes);
            } catch {
              edited = null;
            }
            const original = decode(files[MANIFEST_PATH]);
            if (edited && JSON.stringify({ ...edited, exportedAt: '', language: '', app: null }) === JSON.stringify({ ...original, exportedAt: '', language: '', app: null })) return;
          }
          const report = await verifyPack(bytesSource(repack(copy)));
          expectNamedFailure(report);
          if (change.kind === 'flip') expect(report.problems).toContainEqual({ code: 'file_changed', path: change.file });
          if (change.kind === 'add') expect(report.problems).toContainEqual({ code: 'file_added', path: change.name });
          if (change.kind === 'remove') expect(report.problems).toContainEqual({ code: 'file_removed', path: change.file });
        },
      ),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('links reordered, dropped or duplicated in a partial pack: the position is named', async () => {
    const files = unpack(partial.zip);
    const manifest = decode(files[MANIFEST_PATH]);
    const n = manifest.chain.length;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kind: fc.constant('order' as const), order: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }) }),
          fc.record({ kind: fc.constant('drop' as const), at: fc.integer({ min: 0, max: n - 1 }) }),
          fc.record({ kind: fc.constant('dup' as const), at: fc.integer({ min: 0, max: n - 1 }) }),
        ),
        async (change) => {
          const m = decode(files[MANIFEST_PATH]);
          if (change.kind === 'order') {
            if (change.order.every((v, i) => v === i)) return;
            m.chain = change.order.map((i) => manifest.chain[i] as PackManifest['chain'][number]);
          } else if (change.kind === 'drop') m.chain.splice(change.at, 1);
          else m.chain.splice(change.at, 0, manifest.chain[change.at] as PackManifest['chain'][number]);
          const report = await verifyPack(bytesSource(repack({ ...files, [MANIFEST_PATH]: encode(m) })));
          expectNamedFailure(report);
          expect(report.problems.some((p) => ['chain_order', 'chain_broken', 'head_mismatch'].includes(p.code))).toBe(true);
        },
      ),
      { numRuns: 600 },
    );
  }, 60_000);
});
