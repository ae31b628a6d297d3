import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE_BYTES } from './constants';
import { AUTO_WIPE_FIELD, FAILURE_FIELDS, encodeHeader, newHeader, parseHeader, parseKeyFile, slotAad, withAutoWipe } from './keyFile';
import { createVault, unlockWithSecret } from './lifecycle';
import { endSession } from './session';
import { FAST_KDF, inlineDeriver } from './testing';

afterEach(() => endSession());

describe('auto-wipe threshold in the key file header (bytes 48–49)', () => {
  it('is off in a new vault and round-trips through the header as a little-endian u16', () => {
    const header = newHeader(FAST_KDF);
    expect(header.autoWipeAfter).toBe(0);
    for (const n of [0, 10, 20, 0xffff]) {
      const bytes = encodeHeader({ ...header, autoWipeAfter: n });
      expect(bytes[48]! | (bytes[49]! << 8)).toBe(n);
      expect(parseHeader(bytes).autoWipeAfter).toBe(n);
    }
    // Its own bytes, clear of the failure counter (36–47) and of byte 50 onwards.
    expect(AUTO_WIPE_FIELD.offset).toBe(FAILURE_FIELDS.offset + FAILURE_FIELDS.length);
    const a = encodeHeader({ ...header, autoWipeAfter: 0 });
    const b = encodeHeader({ ...header, autoWipeAfter: 0x1234 });
    const differ = [...a.keys()].filter((i) => a[i] !== b[i]);
    expect(differ).toEqual([48, 49]);
  });

  it('changes only bytes 48–49 of the key file, and lies outside the slots’ AAD: every slot still opens', async () => {
    const created = await createVault('246810', FAST_KDF, inlineDeriver);
    endSession();
    const set = withAutoWipe(created.keyFile, 10);
    expect(set.length).toBe(KEY_FILE_BYTES);
    expect([...set.keys()].filter((i) => set[i] !== created.keyFile[i])).toEqual([48]);
    expect(parseKeyFile(set).header.autoWipeAfter).toBe(10);
    const header = parseKeyFile(created.keyFile).header;
    expect(slotAad({ ...header, autoWipeAfter: 500 }, 3)).toEqual(slotAad(header, 3));
    expect(await unlockWithSecret(set, '246810', inlineDeriver)).toEqual({ slot: created.roles.secret });
    endSession();
    expect(parseKeyFile(withAutoWipe(set, 0)).header.autoWipeAfter).toBe(0);
  });

  it('refuses a threshold that does not fit, and a file that is not a key file, changing nothing', () => {
    const bytes = new Uint8Array(KEY_FILE_BYTES);
    expect(() => withAutoWipe(bytes, 10)).toThrow(expect.objectContaining({ code: 'key_file_malformed' }));
    expect(() => withAutoWipe(bytes, -1)).toThrow(expect.objectContaining({ code: 'key_file_malformed' }));
    expect(() => withAutoWipe(bytes, 70_000)).toThrow(expect.objectContaining({ code: 'key_file_malformed' }));
  });
});
