// The fixture JPEGs are real pictures: Chromium decodes them, with and without the Exif, and the
// copy without metadata decodes to the same pixels.
import { describe, expect, it } from 'vitest';
import { JPEG_SIZE, exifSegment, jpegPlain, jpegWith, jpegWithGps, phoneExif } from '../../../../tests/fixtures/media';
import { inspectMetadata } from './index';
import { applyInChunks, memorySource } from './testing';

async function pixels(bytes: Uint8Array): Promise<{ width: number; height: number; left: number; right: number }> {
  const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
  const at = (x: number, y: number) => data[(y * bitmap.width + x) * 4]!;
  return { width: bitmap.width, height: bitmap.height, left: at(3, 4), right: at(12, 4) };
}

describe('fixture JPEGs in Chromium', () => {
  it('decode to a 16×8 picture, grey 64 on the left and 192 on the right', async () => {
    for (const bytes of [jpegWithGps(), jpegPlain()]) {
      const p = await pixels(bytes);
      expect({ width: p.width, height: p.height }).toEqual({ width: JPEG_SIZE.width, height: JPEG_SIZE.height });
      expect(Math.abs(p.left - JPEG_SIZE.left)).toBeLessThanOrEqual(2);
      expect(Math.abs(p.right - JPEG_SIZE.right)).toBeLessThanOrEqual(2);
    }
  });

  it('the copy without metadata decodes to the same pixels', async () => {
    const original = jpegWithGps();
    const report = await inspectMetadata(memorySource(original), 'image/jpeg');
    expect(report.findings).toContain('location');
    const copy = await applyInChunks(original, report.strip!.edits, [5]);
    expect(await pixels(copy)).toEqual(await pixels(original));
  });

  it('a rotated photo stays rotated in the copy (the minimal Exif keeps Orientation)', async () => {
    const original = jpegWith(exifSegment(phoneExif('MM', 6)));
    const report = await inspectMetadata(memorySource(original), 'image/jpeg');
    const copy = await applyInChunks(original, report.strip!.edits);
    const rotated = await pixels(copy);
    expect({ width: rotated.width, height: rotated.height }).toEqual({ width: JPEG_SIZE.height, height: JPEG_SIZE.width });
    expect(await pixels(original)).toMatchObject({ width: JPEG_SIZE.height, height: JPEG_SIZE.width });
  });
});
