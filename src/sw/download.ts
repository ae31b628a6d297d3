// Streams offered by the app as downloads (see shared/protocol/download.ts). Each token answers one
// request and is then forgotten; all are dropped when the app locks.
import { DOWNLOAD_PATH, type DownloadMessage, type DownloadOffer, isSafeFileName } from '../shared/protocol/download';

const offers = new Map<string, DownloadOffer>();

export function onDownloadMessage(message: DownloadMessage): void {
  if (message.type === 'download-revoke-all') {
    for (const offer of offers.values()) void offer.body.cancel().catch(() => undefined);
    offers.clear();
    return;
  }
  if (isSafeFileName(message.name)) offers.set(message.token, message);
}

export function isDownloadRequest(url: URL): boolean {
  return url.origin === self.location.origin && url.pathname.startsWith(DOWNLOAD_PATH);
}

export function downloadResponse(request: Request): Response {
  const token = new URL(request.url).pathname.slice(DOWNLOAD_PATH.length);
  const offer = offers.get(token);
  offers.delete(token);
  // A download is a navigation: 204 leaves the app's page exactly where it was.
  if (!offer) return new Response(null, { status: request.mode === 'navigate' ? 204 : 404 });
  const headers: Record<string, string> = {
    'content-type': offer.contentType,
    'content-disposition': `attachment; filename="${offer.name}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  if (offer.size !== null) headers['content-length'] = String(offer.size);
  return new Response(offer.body, { status: 200, headers });
}
