import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Bytes, concat, equalBytes, randomBytes } from './bytes';
import { SEGMENT_BYTES, SegmentWriter, newFileKey, newStreamParams, openSegment, segmentCount, segmentKey } from './streamAead';

async function encrypt(data: Uint8Array, chunk = 64 * 1024, id = 'att-1') {
  const fileKey = newFileKey();
  const params = newStreamParams();
  const key = await segmentKey(fileKey, params, id);
  const segments: Bytes[] = [];
  const writer = new SegmentWriter(key, params, async (index, sealed) => void (segments[index] = sealed));
  for (let at = 0; at < data.length; at += chunk) await writer.write(data.subarray(at, at + chunk));
  const count = await writer.close();
  return { fileKey, params, key, segments, count };
}

async function decrypt(key: CryptoKey, params: ReturnType<typeof newStreamParams>, segments: readonly Bytes[], count = segments.length) {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < count; i++) parts.push(await openSegment(key, params, i, i === count - 1, segments[i] as Bytes));
  return concat(...parts);
}

describe('streaming AEAD', () => {
  it('round-trips files of awkward sizes, cut into 1 MiB segments', async () => {
    for (const size of [0, 1, SEGMENT_BYTES - 1, SEGMENT_BYTES, SEGMENT_BYTES + 1, 2 * SEGMENT_BYTES + 17]) {
      const data = randomBytes(size);
      const { key, params, segments, count } = await encrypt(data, 100_003);
      expect(count).toBe(segmentCount(size));
      expect(segments).toHaveLength(count);
      expect(equalBytes(await decrypt(key, params, segments), data)).toBe(true);
    }
  });

  it('gives the same segments whatever the chunk sizes coming in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3 * SEGMENT_BYTES }), fc.integer({ min: 1, max: 2 * SEGMENT_BYTES }), async (size, chunk) => {
        const data = new Uint8Array(size);
        for (let i = 0; i < size; i++) data[i] = i % 251;
        const { key, params, segments, count } = await encrypt(data, chunk);
        expect(count).toBe(segmentCount(size));
        expect(equalBytes(await decrypt(key, params, segments), data)).toBe(true);
      }),
      { numRuns: 6 },
    );
  }, 60_000);

  it('detects truncation: dropping the last segment leaves no valid end', async () => {
    const { key, params, segments } = await encrypt(randomBytes(2 * SEGMENT_BYTES + 5));
    await expect(decrypt(key, params, segments.slice(0, -1))).rejects.toMatchObject({ code: 'record_damaged' });
  });

  it('detects reordering and a flipped bit', async () => {
    const { key, params, segments } = await encrypt(randomBytes(3 * SEGMENT_BYTES));
    await expect(decrypt(key, params, [segments[1]!, segments[0]!, segments[2]!])).rejects.toMatchObject({ code: 'record_damaged' });
    const flipped = segments.map((s) => s.slice());
    flipped[1]![10]! ^= 1;
    await expect(decrypt(key, params, flipped)).rejects.toMatchObject({ code: 'record_damaged' });
  });

  it('detects a segment swapped in from another file, even under the same file key', async () => {
    const a = await encrypt(randomBytes(2 * SEGMENT_BYTES), 64 * 1024, 'att-a');
    const b = await encrypt(randomBytes(2 * SEGMENT_BYTES), 64 * 1024, 'att-b');
    await expect(decrypt(a.key, a.params, [b.segments[0]!, a.segments[1]!])).rejects.toMatchObject({ code: 'record_damaged' });
    // Same file key and params but another attachment id: another segment key.
    const other = await segmentKey(a.fileKey, a.params, 'att-b');
    await expect(decrypt(other, a.params, a.segments)).rejects.toMatchObject({ code: 'record_damaged' });
  });

  it('refuses to write after closing', async () => {
    const params = newStreamParams();
    const writer = new SegmentWriter(await segmentKey(newFileKey(), params, 'x'), params, async () => undefined);
    await writer.close();
    await expect(writer.write(new Uint8Array(1))).rejects.toThrow();
  });
});
