// Thumbnails for the chronology: a small image only (≤ 20 MB), decoded from its decrypted bytes,
// drawn at most 240 px on a side and re-encoded as JPEG — which carries no metadata — then every
// intermediate is released at once.
//
// No Blob ever holds the picture: Chromium may move Blobs to disk (blob_storage) in plain bytes under
// memory pressure, and this is her decrypted photo. ImageDecoder decodes straight from the bytes and
// the canvas encodes straight to a data: URL. Where ImageDecoder is missing, there is no thumbnail.
// Videos get none either.

export const THUMBNAIL_MAX_SOURCE_BYTES = 20 * 1024 * 1024;
const MAX_SIDE = 240;
const DECODABLE = /^image\/(jpeg|png|gif|webp|avif|bmp)$/;

export function canThumbnail(type: string, size: number): boolean {
  return DECODABLE.test(type) && size <= THUMBNAIL_MAX_SOURCE_BYTES && typeof ImageDecoder !== 'undefined' && typeof document !== 'undefined';
}

async function gather(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    size += chunk.length;
    if (size > THUMBNAIL_MAX_SOURCE_BYTES) throw new RangeError('too large for a thumbnail');
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/** A data: URL of a small JPEG, or null when the image cannot be decoded. */
export async function makeThumbnail(chunks: AsyncIterable<Uint8Array>, type: string): Promise<string | null> {
  let bytes: Uint8Array<ArrayBuffer> | null = null;
  let decoder: ImageDecoder | null = null;
  let frame: VideoFrame | null = null;
  const canvas = document.createElement('canvas');
  try {
    bytes = await gather(chunks);
    decoder = new ImageDecoder({ data: bytes, type });
    frame = (await decoder.decode()).image;
    const width = frame.displayWidth;
    const height = frame.displayHeight;
    const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(frame, 0, 0, canvas.width, canvas.height);
    const url = canvas.toDataURL('image/jpeg', 0.72);
    return url.startsWith('data:image/jpeg;base64,') ? url : null;
  } catch {
    return null;
  } finally {
    frame?.close();
    decoder?.close();
    bytes?.fill(0);
    canvas.width = 0;
    canvas.height = 0;
  }
}
