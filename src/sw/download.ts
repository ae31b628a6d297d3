// Streams offered by the app as downloads (see shared/protocol/download.ts). Each token answers one
// request and is then forgotten; offers not yet taken are dropped when the app locks.
import { DOWNLOAD_PATH, type DownloadChunk, type DownloadMessage, type DownloadOffer, type DownloadPull, isSafeFileName } from '../shared/protocol/download';

interface Offer extends DownloadOffer {
  port: MessagePort;
}

const offers = new Map<string, Offer>();

function send(port: MessagePort, message: DownloadPull): void {
  port.postMessage(message);
}

export function onDownloadMessage(message: DownloadMessage, port: MessagePort | undefined): void {
  if (message.type === 'download-revoke-all') {
    for (const offer of offers.values()) {
      send(offer.port, 'cancel');
      offer.port.close();
    }
    offers.clear();
    return;
  }
  if (!port) return;
  if (!isSafeFileName(message.name)) {
    send(port, 'cancel');
    return;
  }
  offers.set(message.token, { token: message.token, name: message.name, contentType: message.contentType, size: message.size, port });
  send(port, 'ok');
}

export function isDownloadRequest(url: URL): boolean {
  return url.origin === self.location.origin && url.pathname.startsWith(DOWNLOAD_PATH);
}

/** The page's chunks, one asked for each time the download wants more (so memory holds one at a time). */
function pulled(port: MessagePort): ReadableStream<Uint8Array> {
  let waiting: { controller: ReadableStreamDefaultController<Uint8Array>; resolve: () => void } | null = null;
  port.onmessage = (event: MessageEvent<DownloadChunk>) => {
    const current = waiting;
    waiting = null;
    if (!current) return;
    const data = event.data;
    if (data.type === 'chunk' && data.chunk instanceof Uint8Array) {
      current.controller.enqueue(data.chunk);
    } else {
      if (data.type === 'done') current.controller.close();
      else current.controller.error(new Error('the app stopped the file'));
      port.close();
    }
    current.resolve();
  };
  return new ReadableStream<Uint8Array>(
    {
      pull: (controller) =>
        new Promise<void>((resolve) => {
          waiting = { controller, resolve };
          send(port, 'pull');
        }),
      cancel: () => {
        send(port, 'cancel');
        port.close();
      },
    },
    { highWaterMark: 0 },
  );
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
  return new Response(pulled(offer.port), { status: 200, headers });
}
