import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../../tests/fixtures/media';
import { LIMITS } from './bytes';
import { inspectMetadata } from './index';
import { applyInChunks, memorySource } from './testing';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
/** An EBML element with an 8-byte size. */
function element(id: number[], ...children: Uint8Array[]): Uint8Array {
  const payload = concatBytes(...children);
  const size = new Uint8Array(8);
  let n = payload.length;
  for (let i = 7; i >= 1; i--) {
    size[i] = n % 256;
    n = Math.floor(n / 256);
  }
  size[0] = 0x01;
  return concatBytes(new Uint8Array(id), size, payload);
}
const UNKNOWN_SIZE = new Uint8Array([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
const EBML = element([0x1a, 0x45, 0xdf, 0xa3], element([0x42, 0x82], ascii('webm')));
const INFO = element([0x15, 0x49, 0xa9, 0x66], element([0x57, 0x41], ascii('Chrome')));
const TRACKS = element([0x16, 0x54, 0xae, 0x6b], element([0xae], ascii('track')));
const CLUSTER = concatBytes(new Uint8Array([0x1f, 0x43, 0xb6, 0x75]), UNKNOWN_SIZE, element([0xe7], new Uint8Array([0])), element([0xa3], ascii('frame')));
const tags = (name: string) =>
  element([0x12, 0x54, 0xc3, 0x67], element([0x73, 0x73], element([0x67, 0xc8], element([0x45, 0xa3], ascii(name)), element([0x44, 0x87], ascii('+53.78-001.54/')))));
/** What MediaRecorder writes: a Segment and clusters of unknown size. */
const recorded = (...beforeClusters: Uint8Array[]) => concatBytes(EBML, new Uint8Array([0x18, 0x53, 0x80, 0x67]), UNKNOWN_SIZE, INFO, TRACKS, ...beforeClusters, CLUSTER, CLUSTER);

describe('WebM', () => {
  it('reports nothing for a MediaRecorder clip', async () => {
    expect(await inspectMetadata(memorySource(recorded()), 'video/webm')).toEqual({ format: 'webm', findings: [], strip: null, unknown: false });
  });

  it('finds a location tag and overwrites Tags with a Void element of the same size', async () => {
    const bytes = recorded(tags('RECORDING_LOCATION'));
    const report = await inspectMetadata(memorySource(bytes), 'video/webm');
    expect(report).toMatchObject({ findings: ['location'], unknown: false });
    const out = await applyInChunks(bytes, report.strip!.edits, [9]);
    expect(out.length).toBe(bytes.length);
    expect(out.subarray(out.length - 2 * CLUSTER.length)).toEqual(bytes.subarray(bytes.length - 2 * CLUSTER.length));
    expect(await inspectMetadata(memorySource(out), 'video/webm')).toEqual({ format: 'webm', findings: [], strip: null, unknown: false });
  });

  it('offers no copy when an element runs past the end', async () => {
    const bytes = recorded(tags('TITLE'));
    expect(await inspectMetadata(memorySource(bytes.subarray(0, bytes.length - 2 * CLUSTER.length - 5)), 'video/webm')).toMatchObject({ strip: null, unknown: true });
  });

  it('walks on past clusters of unknown size and finds Tags after them (a leak found in review)', async () => {
    const bytes = concatBytes(recorded(), tags('RECORDING_LOCATION'), CLUSTER);
    const report = await inspectMetadata(memorySource(bytes), 'video/webm');
    expect(report).toMatchObject({ findings: ['location'], unknown: false });
    const out = await applyInChunks(bytes, report.strip!.edits, [9]);
    expect(out.length).toBe(bytes.length);
    expect(await inspectMetadata(memorySource(out), 'video/webm')).toEqual({ format: 'webm', findings: [], strip: null, unknown: false });
  });

  it('says "may contain" and offers no copy when the walk stops early', async () => {
    // A cluster child of unknown size: the walk cannot go on, so Tags after it would go unseen.
    const stuck = concatBytes(new Uint8Array([0x1f, 0x43, 0xb6, 0x75]), UNKNOWN_SIZE, new Uint8Array([0xa3]), UNKNOWN_SIZE, ascii('frame'));
    const bytes = concatBytes(recorded(), stuck, tags('RECORDING_LOCATION'));
    expect(await inspectMetadata(memorySource(bytes), 'video/webm')).toMatchObject({ format: 'webm', strip: null, unknown: true });
  });

  it('walks a long recording, more blocks than the step budget, to its end and still finds Tags after it', async () => {
    const blocks = new Uint8Array(3 * (LIMITS.steps + 10_000));
    for (let at = 0; at < blocks.length; at += 3) blocks.set([0xa3, 0x81, 0x00], at);
    const cluster = concatBytes(new Uint8Array([0x1f, 0x43, 0xb6, 0x75]), UNKNOWN_SIZE, blocks);
    expect(await inspectMetadata(memorySource(concatBytes(recorded(), cluster)), 'video/webm')).toEqual({ format: 'webm', findings: [], strip: null, unknown: false });
    const tagged = await inspectMetadata(memorySource(concatBytes(recorded(), cluster, tags('RECORDING_LOCATION'))), 'video/webm');
    expect(tagged).toMatchObject({ findings: ['location'], unknown: false });
  });
});
