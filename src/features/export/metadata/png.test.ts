import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { phoneExif, pngChunk, pngWith } from '../../../../tests/fixtures/media';
import { inspectMetadata } from './index';
import { applyInChunks, memorySource } from './testing';

const inspect = (bytes: Uint8Array) => inspectMetadata(memorySource(bytes), 'image/png');
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const itxt = (keyword: string, text: string, compressed = false) =>
  pngChunk('iTXt', new Uint8Array([...ascii(keyword), 0, compressed ? 1 : 0, 0, 0, 0, ...(compressed ? zlibSync(ascii(text)) : ascii(text))]));
const XMP = '<x:xmpmeta><rdf:RDF><rdf:Description exif:GPSLongitude="1,32.44W" tiff:Model="Acme Phone 7"/></rdf:RDF></x:xmpmeta>';

describe('PNG', () => {
  it.each(['II', 'MM'] as const)('reads eXIf like Exif (%s)', async (order) => {
    const report = await inspect(pngWith(pngChunk('eXIf', phoneExif(order))));
    expect(report).toMatchObject({ format: 'png', findings: ['location', 'device', 'timestamp', 'software'], unknown: false });
  });

  it('classifies text chunks by keyword and reads XMP, plain or compressed', async () => {
    expect((await inspect(pngWith(pngChunk('tEXt', ascii('Author\0Sam'))))).findings).toEqual(['author']);
    expect((await inspect(pngWith(pngChunk('tEXt', ascii('Software\0Paint'))))).findings).toEqual(['software']);
    expect((await inspect(pngWith(pngChunk('zTXt', new Uint8Array([...ascii('Comment\0'), 0, ...zlibSync(ascii('hello'))]))))).findings).toEqual(['other']);
    expect((await inspect(pngWith(itxt('XML:com.adobe.xmp', XMP)))).findings).toEqual(['location', 'device', 'other']);
    expect((await inspect(pngWith(itxt('XML:com.adobe.xmp', XMP, true)))).findings).toEqual(['location', 'device', 'other']);
    expect((await inspect(pngWith(pngChunk('tIME', new Uint8Array([7, 234, 3, 14, 21, 7, 33])))))).toMatchObject({ findings: ['timestamp'] });
  });

  it('makes a copy without the metadata chunks, every other chunk (and CRC) untouched', async () => {
    const bytes = pngWith(pngChunk('eXIf', phoneExif('MM')), pngChunk('tEXt', ascii('Author\0Sam')), itxt('XML:com.adobe.xmp', XMP, true), pngChunk('tIME', new Uint8Array(7)));
    const report = await inspect(bytes);
    const out = await applyInChunks(bytes, report.strip!.edits, [5, 1000]);
    expect(out).toEqual(pngWith());
    expect(out.length).toBe(report.strip!.outputSize);
    expect(await inspect(out)).toMatchObject({ findings: [], unknown: false });
  });

  it('stops inflating a text chunk that would expand without end', async () => {
    const bomb = zlibSync(new Uint8Array(4 * 1024 * 1024), { level: 9 });
    const report = await inspect(pngWith(pngChunk('zTXt', new Uint8Array([...ascii('Comment\0'), 0, ...bomb]))));
    expect(report).toMatchObject({ findings: ['other'], unknown: false });
    expect(report.strip!.edits).toHaveLength(1);
  });

  it('says "may contain" when compressed text is not valid zlib, and offers no copy for a chunk past the end', async () => {
    expect(await inspect(pngWith(pngChunk('zTXt', new Uint8Array([...ascii('Comment\0'), 0, 1, 2, 3]))))).toMatchObject({ unknown: true });
    const cut = pngWith(pngChunk('tEXt', ascii('Author\0Sam'))).subarray(0, 60);
    expect(await inspect(cut)).toMatchObject({ findings: ['author'], strip: null, unknown: true });
  });

  describe('leaks found in review', () => {
    it('leaves out whatever follows IEND', async () => {
      const bytes = new Uint8Array([...pngWith(), ...ascii('appended: GPSLatitude 53.78')]);
      expect(await inspect(bytes)).toMatchObject({ findings: ['other'], unknown: true });
      const report = await inspect(bytes);
      expect(await applyInChunks(bytes, report.strip!.edits, [7])).toEqual(pngWith());
    });

    it('leaves out every ancillary chunk not on the allowlist (a C2PA caBX with GPS), keeping colour and resolution', async () => {
      const kept = [pngChunk('gAMA', new Uint8Array([0, 0, 0xb1, 0x8f])), pngChunk('pHYs', new Uint8Array(9))];
      const cabx = pngChunk('caBX', ascii('jumb c2pa stds.exif exif:GPSLatitude 53,47.5N'));
      const vendor = pngChunk('prVt', ascii('maker data'));
      const bytes = pngWith(kept[0]!, cabx, vendor, kept[1]!);
      expect((await inspect(bytes)).findings).toEqual(['location', 'other']);
      const report = await inspect(bytes);
      const out = await applyInChunks(bytes, report.strip!.edits, [13]);
      expect(out).toEqual(pngWith(...kept));
      expect(await inspect(out)).toMatchObject({ findings: [], unknown: false });
    });
  });
});
