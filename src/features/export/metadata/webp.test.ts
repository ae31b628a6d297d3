import { describe, expect, it } from 'vitest';
import { phoneExif, riffChunk, webpWith } from '../../../../tests/fixtures/media';
import { inspectMetadata } from './index';
import { applyInChunks, memorySource } from './testing';

const inspect = (bytes: Uint8Array) => inspectMetadata(memorySource(bytes), 'image/webp');
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const ICC = riffChunk('ICCP', ascii('profile'));
const IMAGE = riffChunk('VP8L', ascii('opaque image data, odd length'));
const ALPHA_ICC = 0x30;

describe('WebP', () => {
  it.each(['II', 'MM'] as const)('finds Exif and XMP chunks (%s)', async (order) => {
    const bytes = webpWith(ALPHA_ICC | 0x0c, ICC, IMAGE, riffChunk('EXIF', phoneExif(order)), riffChunk('XMP ', ascii('<x:xmpmeta dc:creator="Sam"/>')));
    expect(await inspect(bytes)).toMatchObject({ format: 'webp', findings: ['location', 'device', 'timestamp', 'software', 'author', 'other'], unknown: false });
  });

  it('accepts Exif with the "Exif\\0\\0" prefix some writers add', async () => {
    const bytes = webpWith(0x08, IMAGE, riffChunk('EXIF', new Uint8Array([...ascii('Exif\0\0'), ...phoneExif()])));
    expect((await inspect(bytes)).findings).toContain('location');
  });

  it('drops the chunks, fixes the RIFF size and clears the flags', async () => {
    const bytes = webpWith(ALPHA_ICC | 0x0c, ICC, IMAGE, riffChunk('EXIF', phoneExif()), riffChunk('XMP ', ascii('<x:xmpmeta tiff:Make="Acme"/>')));
    const report = await inspect(bytes);
    const out = await applyInChunks(bytes, report.strip!.edits, [3, 17]);
    expect(out).toEqual(webpWith(ALPHA_ICC, ICC, IMAGE));
    expect(new DataView(out.buffer).getUint32(4, true)).toBe(out.length - 8);
    expect(await inspect(out)).toMatchObject({ findings: [], strip: { edits: [] } });
  });

  it('offers no copy when a chunk runs past the RIFF', async () => {
    const bytes = webpWith(0x08, IMAGE, riffChunk('EXIF', phoneExif()));
    bytes.set([0xff, 0xff, 0, 0], bytes.length - phoneExif().length - 4);
    expect(await inspect(bytes)).toMatchObject({ strip: null, unknown: true });
  });

  it('leaves out whatever follows the RIFF (a leak found in review)', async () => {
    const clean = webpWith(ALPHA_ICC, ICC, IMAGE);
    const bytes = new Uint8Array([...clean, ...ascii('appended Exif GPS')]);
    const report = await inspect(bytes);
    expect(report).toMatchObject({ findings: ['other'], unknown: true });
    expect(await applyInChunks(bytes, report.strip!.edits, [5])).toEqual(clean);
  });

  it('leaves out a chunk it does not know, such as a C2PA manifest with GPS (a leak found in review)', async () => {
    const clean = webpWith(ALPHA_ICC, ICC, IMAGE);
    const bytes = webpWith(ALPHA_ICC, ICC, riffChunk('C2PA', ascii('jumb stds.exif exif:GPSLatitude 53,47.5N')), IMAGE);
    const report = await inspect(bytes);
    expect(report.findings).toEqual(['location', 'other']);
    expect(await applyInChunks(bytes, report.strip!.edits, [5])).toEqual(clean);
  });
});
