import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes';
import { sha256Hex } from './chain';
import { createSha256Stream } from './sha256Stream';

describe('streaming SHA-256', () => {
  it('matches the FIPS 180-2 vectors, fed in pieces', async () => {
    const abc = await createSha256Stream();
    for (const piece of ['a', 'b', 'c']) abc.update(utf8(piece));
    expect(abc.digestHex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const million = await createSha256Stream();
    const chunk = new Uint8Array(1000).fill(0x61);
    for (let i = 0; i < 1000; i++) million.update(chunk);
    expect(million.digestHex()).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with WebCrypto over the same bytes', async () => {
    const data = utf8('doorbell clip '.repeat(10_000));
    const stream = await createSha256Stream();
    stream.update(data.subarray(0, 7));
    stream.update(data.subarray(7));
    expect(stream.digestHex()).toBe(await sha256Hex(data));
  });
});
