// Random access to an attachment's plaintext for the metadata inspector: a read decrypts only the
// segments it touches (1 MiB each), keeping the last two, so looking at a 200 MB video's headers
// costs a few segments, not the file.
import { getSegment } from '../../../platform/store';
import { SEGMENT_BYTES, fromBase64Url, openSegment } from '../../../platform/vault';
import { type Attachment, attachmentKey } from '../../evidence';

export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export class AttachmentUnreadable extends Error {
  constructor() {
    super('attachment damaged');
    this.name = 'AttachmentUnreadable';
  }
}

export function attachmentSource(id: string, record: Attachment): ByteSource {
  const params = { salt: fromBase64Url(record.salt), noncePrefix: fromBase64Url(record.noncePrefix) };
  let key: Promise<CryptoKey> | null = null;
  const cache = new Map<number, Uint8Array>();
  async function segment(index: number): Promise<Uint8Array> {
    const hit = cache.get(index);
    if (hit) return hit;
    const sealed = await getSegment(record.storage, index);
    if (!sealed) throw new AttachmentUnreadable();
    let plain: Uint8Array;
    try {
      plain = await openSegment(await (key ??= attachmentKey(id, record)), params, index, index === record.segments - 1, sealed);
    } catch {
      throw new AttachmentUnreadable();
    }
    if (cache.size >= 2) cache.delete(cache.keys().next().value as number);
    cache.set(index, plain);
    return plain;
  }
  return {
    size: record.size,
    async read(offset, length) {
      const end = Math.min(record.size, offset + Math.max(0, length));
      if (offset >= end) return new Uint8Array(0);
      const out = new Uint8Array(end - offset);
      for (let at = offset; at < end; ) {
        const index = Math.floor(at / SEGMENT_BYTES);
        const plain = await segment(index);
        const start = at - index * SEGMENT_BYTES;
        const take = Math.min(plain.length - start, end - at);
        if (take <= 0) throw new AttachmentUnreadable();
        out.set(plain.subarray(start, start + take), at - offset);
        at += take;
      }
      return out;
    },
  };
}
