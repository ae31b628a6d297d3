import { describe, expect, it } from 'vitest';
import { KEY_FILE_BYTES, VAULT } from './constants';
import { emptySlot, encodeHeader, encodeKeyFile, failureFields, newHeader, parseHeader, parseKeyFile } from './keyFile';
import { FAST_KDF } from './testing';

const file = () => ({ header: newHeader(FAST_KDF), slots: Array.from({ length: VAULT.keyFile.slotCount }, emptySlot) });

describe('key file', () => {
  it('round-trips with a fixed size', () => {
    const original = file();
    const bytes = encodeKeyFile(original);
    expect(bytes.length).toBe(KEY_FILE_BYTES);
    const parsed = parseKeyFile(bytes);
    expect(parsed.header.kdf).toEqual(FAST_KDF);
    expect(parsed.header.salt).toEqual(original.header.salt);
    expect(parsed.slots).toEqual(original.slots);
  });

  it('contains nothing that names the app', () => {
    const text = new TextDecoder('latin1').decode(encodeKeyFile(file()));
    expect(text.toLowerCase()).not.toMatch(/waymark|vault|safety/);
  });

  it('refuses a wrong size, wrong magic or unknown version', () => {
    const bytes = encodeKeyFile(file());
    expect(() => parseKeyFile(bytes.slice(0, -1))).toThrow(expect.objectContaining({ code: 'key_file_malformed' }));
    const badMagic = bytes.slice();
    badMagic[0] = 0;
    expect(() => parseKeyFile(badMagic)).toThrow(expect.objectContaining({ code: 'key_file_malformed' }));
    const badVersion = bytes.slice();
    badVersion[4] = 9;
    expect(() => parseKeyFile(badVersion)).toThrow(expect.objectContaining({ code: 'header_version' }));
  });

  it('refuses absurd KDF parameters in a header', () => {
    const bytes = encodeKeyFile(file());
    const view = new DataView(bytes.buffer);
    for (const [offset, value] of [
      [8, 0xffffffff],
      [8, 8],
      [12, 0],
      [12, 1_000_000],
      [16, 16],
    ] as const) {
      const altered = bytes.slice();
      new DataView(altered.buffer).setUint32(offset, value, true);
      expect(() => parseKeyFile(altered)).toThrow(expect.objectContaining({ code: 'header_bounds' }));
    }
    expect(view.getUint32(8, true)).toBe(FAST_KDF.memoryKiB);
  });

  it('writes failure fields at their offset and reads them back', () => {
    const bytes = encodeKeyFile(file());
    const { offset, bytes: fields } = failureFields(7, 1_700_000_000_000);
    bytes.set(fields, offset);
    const header = parseHeader(bytes);
    expect(header.failures).toBe(7);
    expect(header.lastFailureAt).toBe(1_700_000_000_000);
  });

  it('keeps the header 64 bytes', () => {
    expect(encodeHeader(newHeader(FAST_KDF)).length).toBe(VAULT.keyFile.headerBytes);
  });
});
