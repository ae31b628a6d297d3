// applyEdits against a reference that applies the plan to the whole array at once: any chunking of
// the input gives the same output.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidEdits, applyEdits } from './applyEdits';
import { applyInChunks } from './testing';
import type { ByteEdit } from './types';

function reference(bytes: Uint8Array, edits: readonly ByteEdit[]): Uint8Array {
  const parts: number[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(...bytes.subarray(at, e.offset), ...e.insert);
    at = e.offset + e.remove;
  }
  parts.push(...bytes.subarray(at));
  return Uint8Array.from(parts);
}

/** Bytes and a valid plan for them: sorted, non-overlapping, inside the input (offset = size allowed). */
const bytesAndEdits = fc.uint8Array({ maxLength: 300 }).chain((bytes) =>
  fc
    .array(fc.tuple(fc.nat({ max: bytes.length }), fc.nat({ max: 40 }), fc.uint8Array({ maxLength: 20 })), { maxLength: 8 })
    .map((raw) => {
      const edits: ByteEdit[] = [];
      let end = 0;
      for (const [offset, remove, insert] of raw.sort((a, b) => a[0] - b[0])) {
        if (offset < end) continue;
        const length = Math.min(remove, bytes.length - offset);
        edits.push({ offset, remove: length, insert });
        end = offset + length;
      }
      return { bytes, edits };
    }),
);

describe('applyEdits', () => {
  it('gives the same output however the input is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(bytesAndEdits, fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 10 }), async ({ bytes, edits }, sizes) => {
        expect(await applyInChunks(bytes, edits, sizes)).toEqual(reference(bytes, edits));
      }),
      { numRuns: 600 },
    );
  });

  it('passes the input through unchanged with no edits', async () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
    expect(await applyInChunks(bytes, [], [1, 999])).toEqual(bytes);
  });

  it('inserts at the very end, and removes a run that spans many chunks', async () => {
    const bytes = Uint8Array.from({ length: 100 }, (_, i) => i);
    const edits = [
      { offset: 10, remove: 80, insert: new Uint8Array([255]) },
      { offset: 100, remove: 0, insert: new Uint8Array([254, 253]) },
    ];
    expect(await applyInChunks(bytes, edits, [3])).toEqual(Uint8Array.from([...bytes.subarray(0, 10), 255, ...bytes.subarray(90), 254, 253]));
  });

  it('refuses unsorted or overlapping edits', () => {
    const insert = new Uint8Array(0);
    expect(() => applyEdits([{ offset: 10, remove: 5, insert }, { offset: 12, remove: 1, insert }])).toThrow(InvalidEdits);
    expect(() => applyEdits([{ offset: 5, remove: 0, insert }, { offset: 4, remove: 0, insert }])).toThrow(InvalidEdits);
    expect(() => applyEdits([{ offset: -1, remove: 0, insert }])).toThrow(InvalidEdits);
  });

  it('fails the stream when the input is shorter than the plan', async () => {
    const edits = [{ offset: 50, remove: 10, insert: new Uint8Array(0) }];
    await expect(applyInChunks(new Uint8Array(55), edits)).rejects.toThrow(InvalidEdits);
  });
});
