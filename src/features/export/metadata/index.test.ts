import { describe, expect, it } from 'vitest';
import { MP4_MEDIA, box, concatBytes, jpegWithGps, mp4WithLocation } from '../../../../tests/fixtures/media';
import { inspectMetadata } from './index';
import { memorySource } from './testing';
import type { ByteSource } from './types';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('inspectMetadata', () => {
  it('tells the format from the bytes, not the MIME type', async () => {
    expect((await inspectMetadata(memorySource(jpegWithGps()), 'application/octet-stream')).format).toBe('jpeg');
    expect((await inspectMetadata(memorySource(mp4WithLocation()), 'image/jpeg')).format).toBe('mp4');
  });

  it('says "may contain" for HEIC and TIFF, and nothing for files it does not know', async () => {
    expect(await inspectMetadata(memorySource(ascii('anything')), 'image/heif')).toEqual({ format: 'heic', findings: [], strip: null, unknown: true });
    expect(await inspectMetadata(memorySource(ascii('II*\0........')), 'image/tiff')).toEqual({ format: 'other', findings: [], strip: null, unknown: true });
    expect(await inspectMetadata(memorySource(ascii('%PDF-1.7')), 'application/pdf')).toEqual({ format: 'other', findings: [], strip: null, unknown: false });
    expect(await inspectMetadata(memorySource(new Uint8Array(0)), 'image/jpeg')).toEqual({ format: 'other', findings: [], strip: null, unknown: false });
  });

  it('passes on errors from the source and an abort, which are not the file’s fault', async () => {
    const failing: ByteSource = { size: 100, read: () => Promise.reject(new Error('segment missing')) };
    await expect(inspectMetadata(failing, 'image/jpeg')).rejects.toThrow('segment missing');
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(inspectMetadata(memorySource(jpegWithGps()), 'image/jpeg', { signal: controller.signal })).rejects.toThrow('stopped');
  });

  it('reads a few kilobytes of a large video whose moov comes after a gigabyte of mdat', async () => {
    const moov = box('moov', box('udta', box('©xyz', ascii('+1+2/'))));
    const head = concatBytes(box('ftyp', ascii('isom'), new Uint8Array(4)), new Uint8Array([0x40, 0, 0, 8]), ascii('mdat'));
    const size = head.length + 0x40000000 - 8 + moov.length;
    let bytesRead = 0;
    const source: ByteSource = {
      size,
      async read(offset, length) {
        bytesRead += length;
        const out = new Uint8Array(length);
        for (let i = 0; i < length; i++) {
          const at = offset + i;
          out[i] = at < head.length ? head[at]! : at >= size - moov.length ? moov[at - (size - moov.length)]! : MP4_MEDIA[at % MP4_MEDIA.length]!;
        }
        return out;
      },
    };
    const report = await inspectMetadata(source, 'video/mp4');
    expect(report).toMatchObject({ format: 'mp4', findings: ['location'], unknown: false, strip: { outputSize: size } });
    expect(bytesRead).toBeLessThan(1024);
  });
});
