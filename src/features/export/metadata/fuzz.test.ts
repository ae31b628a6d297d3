// Property tests: damaged and hostile files never make inspectMetadata throw, and any plan it
// returns is one applyEdits accepts and that fits the file. ~3,000 cases on small files.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jpegWithGps, mp4WithLocation, phoneExif, pngChunk, pngWith, riffChunk, webpWith } from '../../../../tests/fixtures/media';
import { inspectMetadata } from './index';
import { applyInChunks, memorySource } from './testing';
import type { MetadataReport } from './types';

const SAMPLES: Array<[string, Uint8Array]> = [
  ['image/jpeg', jpegWithGps()],
  ['image/png', pngWith(pngChunk('eXIf', phoneExif('MM')), pngChunk('tEXt', Uint8Array.from([65, 0, 66])))],
  ['image/webp', webpWith(0x0c, riffChunk('VP8L', new Uint8Array(9)), riffChunk('EXIF', phoneExif()))],
  ['video/mp4', mp4WithLocation()],
];

async function check(bytes: Uint8Array, type: string): Promise<MetadataReport> {
  const report = await inspectMetadata(memorySource(bytes), type);
  expect(['jpeg', 'png', 'webp', 'mp4', 'webm', 'heic', 'other']).toContain(report.format);
  if (report.strip) {
    let end = 0;
    let size = bytes.length;
    for (const e of report.strip.edits) {
      expect(e.offset).toBeGreaterThanOrEqual(end);
      expect(e.offset + e.remove).toBeLessThanOrEqual(bytes.length);
      end = e.offset + e.remove;
      size += e.insert.length - e.remove;
    }
    expect(report.strip.outputSize).toBe(size);
  }
  return report;
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  let out = bytes.slice();
  for (const m of mutations) {
    if (!out.length) break;
    const at = m.at % out.length;
    if (m.kind === 'flip') out[at] = m.value;
    else if (m.kind === 'cut') out = out.slice(0, at);
    else out = Uint8Array.from([...out.subarray(0, at), ...m.bytes, ...out.subarray(at)]);
  }
  return out;
}

describe('inspectMetadata on damaged files', () => {
  it('never throws on mutated JPEG, PNG, WebP and MP4 files, and its plans fit them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: SAMPLES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (which, mutations) => {
        const [type, sample] = SAMPLES[which]!;
        await check(mutate(sample, mutations), type);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on random bytes behind a known header', async () => {
    const headers = [[0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0x52, 0x49, 0x46, 0x46, 9, 0, 0, 0, 0x57, 0x45, 0x42, 0x50], [0, 0, 0, 8, 0x66, 0x74, 0x79, 0x70], [0x1a, 0x45, 0xdf, 0xa3]];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...headers), fc.uint8Array({ maxLength: 200 }), fc.constantFrom('image/jpeg', 'video/mp4', 'image/heic', ''), async (header, tail, type) => {
        await check(Uint8Array.from([...header, ...tail]), type);
      }),
      { numRuns: 1000 },
    );
  });

  it('a clean copy of a mutated file that still has a plan parses again with nothing to remove', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: SAMPLES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 2 }), async (which, mutations) => {
        const [type, sample] = SAMPLES[which]!;
        const bytes = mutate(sample, mutations);
        const report = await check(bytes, type);
        if (!report.strip || report.unknown) return;
        const copy = await applyInChunks(bytes, report.strip.edits, [37]);
        const again = await check(copy, type);
        expect(again.findings.filter((f) => f === 'location' || f === 'device')).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
