import { describe, expect, it } from 'vitest';
import { box, concatBytes, exifSegment, jpegPlain, jpegSegment, jpegWith, jpegWithGps, phoneExif, tiff, xmpSegment } from '../../../../tests/fixtures/media';
import { Findings } from './bytes';
import { inspectMetadata } from './index';
import { orientationSegment } from './jpeg';
import { applyInChunks, memorySource } from './testing';
import { readTiff } from './tiff';

const inspect = (bytes: Uint8Array) => inspectMetadata(memorySource(bytes), 'image/jpeg');

async function stripped(bytes: Uint8Array): Promise<Uint8Array> {
  const report = await inspect(bytes);
  expect(report.strip).not.toBeNull();
  const out = await applyInChunks(bytes, report.strip!.edits, [7, 100, 3]);
  expect(out.length).toBe(report.strip!.outputSize);
  return out;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('JPEG', () => {
  it.each(['II', 'MM'] as const)('finds GPS, make/model, software and dates in Exif (%s byte order)', async (order) => {
    const report = await inspect(jpegWith(exifSegment(phoneExif(order))));
    expect(report).toMatchObject({ format: 'jpeg', findings: ['location', 'device', 'timestamp', 'software'], unknown: false });
    expect(report.strip!.removed).toEqual(['location', 'device', 'timestamp', 'software']);
  });

  it('makes a copy that is the picture without the Exif, byte for byte', async () => {
    const out = await stripped(jpegWithGps());
    expect(out).toEqual(jpegPlain());
    expect(await inspect(out)).toMatchObject({ findings: [], unknown: false, strip: { edits: [] } });
  });

  it.each(['II', 'MM'] as const)('keeps a rotation in a minimal Exif so the photo is not shown sideways (%s)', async (order) => {
    const out = await stripped(jpegWith(exifSegment(phoneExif(order, 6))));
    expect(out).toEqual(jpegWith(orientationSegment(6)));
    const again = await inspect(out);
    expect(again.findings).toEqual([]);
    const findings = new Findings();
    expect(readTiff(out.subarray(20 + 4 + 6, 20 + 4 + 6 + 26), findings)).toEqual({ orientation: 6 });
  });

  it('does not count an empty GPS IFD as a location', async () => {
    const exif = tiff({ ifd0: { 0x010f: { type: 'ascii', value: 'Acme' } }, gps: {} }, 'MM');
    expect((await inspect(jpegWith(exifSegment(exif)))).findings).toEqual(['device']);
  });

  it('reads the Exif sub-IFD: serial number and lens', async () => {
    const exif = tiff({ ifd0: {}, exif: { 0xa431: { type: 'ascii', value: 'SN1' }, 0xa434: { type: 'ascii', value: 'Lens' } } });
    expect((await inspect(jpegWith(exifSegment(exif)))).findings).toEqual(['device']);
  });

  it('finds GPS and the camera in XMP, IPTC places in APP13, and comments; keeps ICC and Adobe segments', async () => {
    const xmp = xmpSegment('<x:xmpmeta><rdf:Description exif:GPSLatitude="53,47.5N" tiff:Make="Acme"/></x:xmpmeta>');
    const iptc = jpegSegment(0xed, new Uint8Array([...ascii('Photoshop 3.0\0'), 0x1c, 0x02, 90, 0, 5, ...ascii('Leeds')]));
    const comment = jpegSegment(0xfe, ascii('made on my phone'));
    const icc = jpegSegment(0xe2, ascii('ICC_PROFILE\0\x01\x01not a real profile'));
    const adobe = jpegSegment(0xee, ascii('Adobe\0\x64\0\0\0\0\x01'));
    const report = await inspect(jpegWith(icc, xmp, iptc, comment, adobe));
    expect(report.findings).toEqual(['location', 'device', 'other']);
    expect(await stripped(jpegWith(icc, xmp, iptc, comment, adobe))).toEqual(jpegWith(icc, adobe));
  });

  it('drops a second picture after EOI (MPF) and reads its Exif', async () => {
    const mpf = jpegSegment(0xe2, ascii('MPF\0II*\0\x08\0\0\0\0\0\0\0\0\0'));
    const second = jpegWith(exifSegment(tiff({ ifd0: {}, gps: { 1: { type: 'ascii', value: 'N' } } }, 'MM')));
    const bytes = new Uint8Array([...jpegWith(mpf), ...second]);
    const report = await inspect(bytes);
    expect(report.findings).toEqual(['location', 'other']);
    expect(report.unknown).toBe(false);
    expect(await stripped(bytes)).toEqual(jpegPlain());
  });

  it('finds EOI by scanning when something follows it, and segments between scans', async () => {
    const plain = jpegPlain();
    const comment = jpegSegment(0xfe, ascii('between scans'));
    const bytes = new Uint8Array([...plain.subarray(0, plain.length - 2), ...comment, 0xff, 0xd9, ...ascii('trailing video?')]);
    const report = await inspect(bytes);
    expect(report).toMatchObject({ findings: ['other'], unknown: true });
    expect(await stripped(bytes)).toEqual(plain);
  });

  it('keeps what it found and offers no copy when a segment runs past the end', async () => {
    const bytes = jpegWithGps();
    const cut = new Uint8Array([...bytes.subarray(0, 20), ...exifSegment(phoneExif()), 0xff, 0xe1, 0x7f, 0xff, 1, 2, 3]);
    expect(await inspect(cut)).toEqual({ format: 'jpeg', findings: ['location', 'device', 'timestamp', 'software'], strip: null, unknown: true });
  });

  it('survives an IFD that points at itself', async () => {
    // IFD0 at 8 with one entry: the Exif pointer, to 8 again; next IFD also 8.
    const looped = new Uint8Array([...ascii('II*\0'), 8, 0, 0, 0, 1, 0, 0x69, 0x87, 4, 0, 1, 0, 0, 0, 8, 0, 0, 0, 8, 0, 0, 0]);
    const report = await inspect(jpegWith(exifSegment(looped)));
    expect(report.strip).not.toBeNull();
    expect(report.unknown).toBe(false);
  });

  it('removes a damaged Exif block whole and says the file may contain more', async () => {
    const broken = new Uint8Array([...ascii('II*\0'), 0xff, 0xff, 0, 0]);
    const report = await inspect(jpegWith(exifSegment(broken)));
    expect(report).toMatchObject({ findings: ['other'], unknown: true });
    expect(await stripped(jpegWith(exifSegment(broken)))).toEqual(jpegPlain());
  });

  it('scans a large photo whose last bytes are EOI to its real end, reading it once', async () => {
    const plain = jpegWithGps();
    const sos = plain.length - 15; // SOS header (10), entropy data (3), EOI (2)
    expect([plain[sos], plain[sos + 1]]).toEqual([0xff, 0xda]);
    const big = new Uint8Array(plain.length + 1_000_000);
    big.set(plain.subarray(0, sos + 10));
    big.set(plain.subarray(sos + 10), big.length - (plain.length - sos - 10));
    const source = memorySource(big);
    const report = await inspectMetadata(source, 'image/jpeg');
    expect(report).toMatchObject({ findings: ['location', 'device', 'timestamp', 'software'], unknown: false });
    expect(report.strip?.outputSize).toBe(big.length - exifSegment(phoneExif()).length);
    // Ending in FF D9 proves nothing (see the leak tests below), so the scan reads it all, once.
    expect(source.bytesRead).toBeLessThan(big.length + 4096);
  });

  describe('leaks found in review', () => {
    it('finds and drops a second JPEG with GPS appended after a clean picture, with no MPF segment', async () => {
      const bytes = new Uint8Array([...jpegPlain(), ...jpegWithGps()]);
      const report = await inspect(bytes);
      expect(report.findings).toEqual(['location', 'device', 'timestamp', 'software', 'other']);
      const out = await stripped(bytes);
      expect(out).toEqual(jpegPlain());
      expect((await inspect(out)).findings).toEqual([]);
    });

    it('finds and drops an Exif segment after the scan data of a file that ends in EOI', async () => {
      const plain = jpegPlain();
      const bytes = new Uint8Array([...plain.subarray(0, plain.length - 2), ...exifSegment(phoneExif()), 0xff, 0xd9]);
      expect((await inspect(bytes)).findings).toEqual(['location', 'device', 'timestamp', 'software']);
      expect(await stripped(bytes)).toEqual(plain);
    });

    it('drops and reports every APPn but JFIF, ICC and Adobe: C2PA (APP11) with GPS, GoPro (APP6)', async () => {
      const c2pa = jpegSegment(0xeb, ascii('JP\0\x01c2pa stds.exif {"exif:GPSLatitude":"53,47.5N"}'));
      const gopro = jpegSegment(0xe6, ascii('GoPro\0DEVC telemetry'));
      const icc = jpegSegment(0xe2, ascii('ICC_PROFILE\0\x01\x01not a real profile'));
      const adobe = jpegSegment(0xee, ascii('Adobe\0\x64\0\0\0\0\x01'));
      const notJfif = jpegSegment(0xe0, ascii('JFXX\0\x10thumbnail'));
      const bytes = jpegWith(icc, c2pa, gopro, notJfif, adobe);
      expect((await inspect(bytes)).findings).toEqual(['location', 'other']);
      expect((await inspect(jpegWith(gopro))).findings).toEqual(['other']);
      expect(await stripped(bytes)).toEqual(jpegWith(icc, adobe));
    });

    it('drops a motion photo’s video after EOI and says the original may contain more', async () => {
      const video = concatBytes(box('ftyp', ascii('mp42'), new Uint8Array(4)), box('mdat', ascii('frames')));
      const bytes = new Uint8Array([...jpegPlain(), ...video]);
      expect(await inspect(bytes)).toMatchObject({ findings: ['other'], unknown: true });
      expect(await stripped(bytes)).toEqual(jpegPlain());
    });
  });
});
