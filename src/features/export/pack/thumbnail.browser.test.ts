// Runs in real Chromium: a picture becomes a small JPEG data: URL with no Blob made on the way.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canThumbnail, makeThumbnail } from './thumbnail';

/** A 600 × 300 PNG drawn here, as bytes. */
function png(): Uint8Array {
  const canvas = document.createElement('canvas');
  canvas.width = 600;
  canvas.height = 300;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  context.fillStyle = '#c00';
  context.fillRect(0, 0, 600, 300);
  const base64 = canvas.toDataURL('image/png').split(',')[1] ?? '';
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes.slice(0, 100);
  yield bytes.slice(100);
}

async function decodedSize(url: string): Promise<[number, number]> {
  const image = new Image();
  image.src = url;
  await image.decode();
  return [image.naturalWidth, image.naturalHeight];
}

afterEach(() => vi.restoreAllMocks());

describe('thumbnails', () => {
  it('draws a picture at most 240 px on a side as a JPEG data: URL, and never makes a Blob', async () => {
    const blobs = vi.spyOn(globalThis, 'Blob');
    const bytes = png();
    expect(canThumbnail('image/png', bytes.length)).toBe(true);
    const url = await makeThumbnail(once(bytes), 'image/png');
    expect(url).toMatch(/^data:image\/jpeg;base64,/);
    expect(await decodedSize(url as string)).toEqual([240, 120]);
    expect(blobs).not.toHaveBeenCalled();
  });

  it('gives none for bytes that are not a picture, and none for a video', async () => {
    expect(await makeThumbnail(once(new Uint8Array(500).fill(7)), 'image/png')).toBeNull();
    expect(canThumbnail('video/mp4', 1000)).toBe(false);
  });
});
