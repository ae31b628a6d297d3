import { describe, expect, it } from 'vitest';
import { MP4_MEDIA, box, concatBytes, fullBox, largeBox, mp4With, mp4WithLocation, quickTimeString } from '../../../../tests/fixtures/media';
import { inspectMetadata } from './index';
import { applyInChunks, memorySource } from './testing';

const inspect = (bytes: Uint8Array, type = 'video/mp4') => inspectMetadata(memorySource(bytes), type);
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const be32 = (n: number) => new Uint8Array([n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);

/** Apple's moov/meta: hdlr mdta, keys, ilst with one item per key (by index). */
function appleMeta(...keys: string[]): Uint8Array {
  return box(
    'meta',
    new Uint8Array(4),
    fullBox('hdlr', new Uint8Array(4), ascii('mdta'), new Uint8Array(13)),
    fullBox('keys', be32(keys.length), ...keys.map((k) => concatBytes(be32(8 + k.length), ascii('mdta'), ascii(k)))),
    box('ilst', ...keys.map((_, i) => box(String.fromCharCode(0, 0, 0, i + 1), box('data', be32(1), be32(0), ascii('value'))))),
  );
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

async function strip(bytes: Uint8Array): Promise<Uint8Array> {
  const report = await inspect(bytes);
  const out = await applyInChunks(bytes, report.strip!.edits, [11, 4096]);
  expect(out.length).toBe(bytes.length);
  expect(report.strip!.outputSize).toBe(bytes.length);
  return out;
}

describe('MP4 / QuickTime', () => {
  it('finds the location and the phone in moov/udta', async () => {
    expect(await inspect(mp4WithLocation())).toMatchObject({ format: 'mp4', findings: ['location', 'device'], unknown: false });
  });

  it('overwrites udta with a free box of the same size: nothing moves, mdat and stco untouched', async () => {
    const bytes = mp4WithLocation();
    const out = await strip(bytes);
    const mdatAt = indexOf(bytes, ascii('mdat'));
    expect(out.subarray(mdatAt)).toEqual(bytes.subarray(mdatAt));
    const stco = indexOf(bytes, ascii('stco'));
    expect(out.subarray(stco, stco + 16)).toEqual(bytes.subarray(stco, stco + 16));
    expect(new DataView(out.buffer).getUint32(stco + 12)).toBe(indexOf(out, MP4_MEDIA));
    const udta = indexOf(bytes, ascii('udta'));
    expect(indexOf(out, ascii('udta'))).toBe(-1);
    expect(out.subarray(udta - 4, udta + 4)).toEqual(concatBytes(bytes.subarray(udta - 4, udta), ascii('free')));
    expect(out.subarray(udta + 4, udta - 4 + new DataView(bytes.buffer).getUint32(udta - 4)).every((b) => b === 0)).toBe(true);
    expect(await inspect(out)).toMatchObject({ findings: [], unknown: false });
  });

  it("reads Apple's metadata keys in moov/meta and under a trak, and XMP in a uuid box", async () => {
    const xmpUuid = box('uuid', Uint8Array.from([0xbe, 0x7a, 0xcf, 0xcb, 0x97, 0xa9, 0x42, 0xe8, 0x9c, 0x71, 0x99, 0x94, 0x91, 0xe3, 0xaf, 0xac]), ascii('<x:xmpmeta dc:creator="Sam"/>'));
    const bytes = mp4With(
      [],
      appleMeta('com.apple.quicktime.location.ISO6709', 'com.apple.quicktime.make', 'com.apple.quicktime.software'),
      box('trak', box('udta', quickTimeString('©day', '2026-03-14'))),
      xmpUuid,
    );
    expect((await inspect(bytes, 'video/quicktime')).findings).toEqual(['location', 'device', 'timestamp', 'software', 'author', 'other']);
    const out = await strip(bytes);
    expect(await inspect(out)).toMatchObject({ findings: [], unknown: false });
  });

  it('walks 64-bit box sizes', async () => {
    const bytes = concatBytes(box('ftyp', ascii('qt  '), be32(0)), largeBox('moov', box('udta', quickTimeString('©xyz', '+1+2/'))), largeBox('mdat', MP4_MEDIA));
    expect((await inspect(bytes)).findings).toEqual(['location']);
    const out = await strip(bytes);
    expect(out.subarray(out.length - MP4_MEDIA.length)).toEqual(MP4_MEDIA);
  });

  it('says "may contain" for a timed-metadata track (a GPS track inside mdat cannot be cleaned in place)', async () => {
    const track = box('trak', box('mdia', fullBox('hdlr', new Uint8Array(4), ascii('meta'), new Uint8Array(13))));
    expect(await inspect(mp4With([], track))).toMatchObject({ findings: [], unknown: true });
  });

  it('reports HEIC as unreadable, without a copy', async () => {
    const heic = concatBytes(box('ftyp', ascii('heic'), be32(0), ascii('mif1heic')), box('meta', new Uint8Array(4)));
    expect(await inspect(heic, 'image/heic')).toEqual({ format: 'heic', findings: [], strip: null, unknown: true });
  });

  it('wipes user data whole, however deeply it nests, without walking into it further than it reads', async () => {
    let nested = box('udta', quickTimeString('©xyz', '+1+2/'));
    for (let i = 0; i < 200; i++) nested = box('meta', new Uint8Array(4), box('ilst', nested));
    const deep = mp4With([quickTimeString('©mak', 'Acme'), nested]);
    const report = await inspect(deep);
    expect(report).toMatchObject({ findings: ['device', 'other'], unknown: false });
    expect(await inspect(await strip(deep))).toMatchObject({ findings: [], unknown: false });
  });

  it('offers no copy when a box runs past the end, keeping what it found', async () => {
    const bytes = mp4WithLocation();
    const mdatAt = indexOf(bytes, ascii('mdat')) - 4;
    bytes.set(be32(0x7fffffff), mdatAt);
    expect(await inspect(bytes)).toEqual({ format: 'mp4', findings: ['location', 'device'], strip: null, unknown: true });
  });

  it('offers no copy for a video with a GPS track: the copy would still hold it (a leak found in review)', async () => {
    const track = box('trak', box('mdia', fullBox('hdlr', new Uint8Array(4), ascii('camm'), new Uint8Array(13))));
    const report = await inspect(mp4With([quickTimeString('©xyz', '+53.7842-001.5447/')], track));
    expect(report).toMatchObject({ findings: ['location'], unknown: true, strip: null });
  });
});
