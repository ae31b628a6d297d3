// Thumbnails for the chronology: a small image only (≤ 20 MB), decoded from its decrypted bytes,
// drawn at most 240 px on a side and re-encoded as JPEG — which carries no metadata — then every
// intermediate is released at once. The Blob exists only for createImageBitmap; a file this small
// stays in memory. Videos get no thumbnail.
import { toBase64Url } from '../../../platform/vault';

export const THUMBNAIL_MAX_SOURCE_BYTES = 20 * 1024 * 1024;
const MAX_SIDE = 240;
const DECODABLE = /^image\/(jpeg|png|gif|webp|avif|bmp)$/;

export function canThumbnail(type: string, size: number): boolean {
  return DECODABLE.test(type) && size <= THUMBNAIL_MAX_SOURCE_BYTES && typeof OffscreenCanvas !== 'undefined';
}

/** A data: URL of a small JPEG, or null when the image cannot be decoded. */
export async function makeThumbnail(chunks: AsyncIterable<Uint8Array>, type: string): Promise<string | null> {
  let parts: Uint8Array<ArrayBuffer>[] = [];
  let blob: Blob | null = null;
  let bitmap: ImageBitmap | null = null;
  try {
    for await (const chunk of chunks) parts.push(new Uint8Array(chunk));
    blob = new Blob(parts, { type });
    parts = [];
    bitmap = await createImageBitmap(blob);
    blob = null;
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const jpeg = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.72 })).arrayBuffer());
    // base64url → base64 for a data: URL.
    const base64 = toBase64Url(jpeg).replace(/-/g, '+').replace(/_/g, '/');
    return `data:image/jpeg;base64,${base64}${'='.repeat((4 - (base64.length % 4)) % 4)}`;
  } catch {
    return null;
  } finally {
    bitmap?.close();
    parts = [];
    blob = null;
  }
}
