// Serving attachment media from the service worker: only the segments a request's Range covers are
// read and decrypted, so a long video plays without its plaintext ever being whole in memory or in
// a Blob (which Chromium would spill to disk in plain bytes). Responses are never cached. Tokens live
// in this worker's memory only, and all go at the app's lock.
import { getSegment } from '../platform/store/segments';
import { SEGMENT_BYTES, openSegment } from '../platform/vault/streamAead';
import { MEDIA_PATH, type MediaEntry, type MediaMessage, parseRange } from '../shared/protocol/media';

const IDLE_MS = 10 * 60 * 1000;
const tokens = new Map<string, { entry: MediaEntry; key: CryptoKey; usedAt: number }>();

export function onMediaMessage(message: MediaMessage): void {
  if (message.type === 'media-revoke-all') tokens.clear();
  else tokens.set(message.token, { entry: message.entry, key: message.key, usedAt: Date.now() });
}

export function isMediaRequest(url: URL): boolean {
  return url.origin === self.location.origin && url.pathname.startsWith(MEDIA_PATH);
}

function stream(entry: MediaEntry, key: CryptoKey, start: number, end: number): ReadableStream<Uint8Array> {
  let index = Math.floor(start / SEGMENT_BYTES);
  const lastIndex = Math.floor(end / SEGMENT_BYTES);
  const params = { salt: new Uint8Array(entry.salt), noncePrefix: new Uint8Array(entry.noncePrefix) };
  return new ReadableStream({
    async pull(controller) {
      if (index > lastIndex) return controller.close();
      const sealed = await getSegment(entry.storage, index);
      if (!sealed) return controller.error(new Error('segment missing'));
      try {
        const plain = await openSegment(key, params, index, index === entry.segments - 1, sealed);
        const from = index === Math.floor(start / SEGMENT_BYTES) ? start % SEGMENT_BYTES : 0;
        const to = index === lastIndex ? (end % SEGMENT_BYTES) + 1 : plain.length;
        controller.enqueue(plain.subarray(from, to));
        index += 1;
      } catch (error) {
        controller.error(error);
      }
    },
  });
}

export function mediaResponse(request: Request): Response {
  const token = new URL(request.url).pathname.slice(MEDIA_PATH.length);
  const found = tokens.get(token);
  if (!found || Date.now() - found.usedAt > IDLE_MS) {
    tokens.delete(token);
    // A download is a navigation: 204 leaves the app's page exactly where it was.
    return new Response(null, { status: request.mode === 'navigate' ? 204 : 404 });
  }
  found.usedAt = Date.now();
  const { entry, key } = found;
  const headers: Record<string, string> = {
    'content-type': entry.type || 'application/octet-stream',
    'accept-ranges': 'bytes',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  if (entry.downloadName) headers['content-disposition'] = `attachment; filename="${entry.downloadName.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
  const range = parseRange(request.headers.get('range'), entry.size);
  if (request.headers.get('range') && !range) return new Response(null, { status: 416, headers: { 'content-range': `bytes */${entry.size}` } });
  const start = range?.start ?? 0;
  const end = range?.end ?? entry.size - 1;
  if (entry.size === 0) return new Response(new Uint8Array(0), { status: 200, headers: { ...headers, 'content-length': '0' } });
  return new Response(stream(entry, key, start, end), {
    status: range ? 206 : 200,
    headers: { ...headers, 'content-length': String(end - start + 1), ...(range ? { 'content-range': `bytes ${start}-${end}/${entry.size}` } : {}) },
  });
}
