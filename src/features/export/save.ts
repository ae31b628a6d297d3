// Saving and sharing the files the app makes. Saving streams through the service worker to a download
// (see shared/protocol/download.ts): no Blob, so no plaintext spills into the browser's blob storage,
// and no history entry. Sharing (Web Share with files) needs the file in memory, so it is offered only
// for files small enough to stay there. Every name is neutral: it says when, never what.
import { newId, onSessionEnd } from '../../platform/vault';
import { DOWNLOAD_PATH, type DownloadChunk, type DownloadMessage, type DownloadPull, isSafeFileName } from '../../shared/protocol/download';
import { allowNextHide, endHideAllowance } from '../exit';

export { neutralFileName } from './fileNames';

export type SaveProblemCode = 'no_worker' | 'too_large_to_share' | 'failed';

export class SaveProblem extends Error {
  constructor(
    readonly code: SaveProblemCode,
    message: string = code,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'SaveProblem';
  }
}

/** Files up to this size can be shared; they are held in memory while the share sheet is open. */
export const SHARE_LIMIT_BYTES = 25 * 1024 * 1024;

function controller(): ServiceWorker | null {
  return ('serviceWorker' in navigator && navigator.serviceWorker.controller) || null;
}

onSessionEnd(() => controller()?.postMessage({ type: 'download-revoke-all' } satisfies DownloadMessage));

export interface SaveOptions {
  type?: string;
  size?: number | null;
  signal?: AbortSignal;
  /**
   * The stream's chunks are fresh buffers nobody touches after handing them on (a backup's sealed
   * segments): move them to the worker instead of copying. Never for a stream whose producer might
   * still read a chunk it has yielded.
   */
  transferChunks?: boolean;
}

/** A chunk as a buffer of its own, safe to transfer: the same bytes when it already is one, else a copy. */
function ownBuffer(chunk: Uint8Array): Uint8Array<ArrayBuffer> {
  const whole = chunk.byteOffset === 0 && chunk.buffer instanceof ArrayBuffer && chunk.byteLength === chunk.buffer.byteLength;
  return whole ? (chunk as Uint8Array<ArrayBuffer>) : chunk.slice();
}

/**
 * Feeds `body` to the worker over `port`, one chunk per 'pull'. Resolves when the last chunk is
 * handed over; rejects when the body fails, the download is cancelled or `signal` aborts.
 */
function serve(port: MessagePort, body: ReadableStream<Uint8Array>, transfer: boolean, signal: AbortSignal | undefined, acknowledged: () => void): Promise<void> {
  const reader = body.getReader();
  return new Promise<void>((resolve, reject) => {
    let over = false;
    const finish = (error?: unknown) => {
      if (over) return;
      over = true;
      signal?.removeEventListener('abort', onAbort);
      port.onmessage = null;
      if (error === undefined) return resolve();
      void reader.cancel().catch(() => undefined);
      port.postMessage({ type: 'error' } satisfies DownloadChunk);
      port.close();
      reject(error);
    };
    const onAbort = () => finish(signal?.reason ?? new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', onAbort, { once: true });
    port.onmessage = (event: MessageEvent<DownloadPull>) => {
      if (event.data === 'ok') return acknowledged();
      if (event.data === 'cancel') return finish(new SaveProblem('failed', 'the download was cancelled'));
      reader.read().then(
        ({ done, value }) => {
          if (over) return;
          if (done) {
            port.postMessage({ type: 'done' } satisfies DownloadChunk);
            port.close();
            return finish();
          }
          const chunk = transfer ? ownBuffer(value) : value;
          port.postMessage({ type: 'chunk', chunk } satisfies DownloadChunk, transfer ? [chunk.buffer] : []);
        },
        (error: unknown) => finish(new SaveProblem('failed', 'the file could not be made', { cause: error })),
      );
    };
  });
}

/**
 * Saves a stream as a download named `name`. Resolves once the browser has taken every byte; rejects
 * when the stream fails, the download is cancelled or `signal` aborts.
 */
export async function saveStream(name: string, body: ReadableStream<Uint8Array>, { type = 'application/octet-stream', size = null, signal, transferChunks = false }: SaveOptions = {}): Promise<void> {
  if (!isSafeFileName(name)) throw new SaveProblem('failed', 'unsafe file name');
  const worker = controller();
  if (!worker) throw new SaveProblem('no_worker');
  const channel = new MessageChannel();
  const token = newId();
  // Stops the serving when the worker never answers, as well as when she stops it.
  const stop = new AbortController();
  const onAbort = () => stop.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  let acknowledge = () => {};
  const acknowledged = new Promise<void>((resolve) => (acknowledge = resolve));
  const served = serve(channel.port1, body, transferChunks, stop.signal, acknowledge);
  served.catch(() => undefined);
  const timer = setTimeout(() => stop.abort(new SaveProblem('no_worker', 'service worker did not answer')), 5000);
  try {
    try {
      worker.postMessage({ type: 'download-offer', token, name, contentType: type, size } satisfies DownloadMessage, [channel.port2]);
      await Promise.race([acknowledged, served]);
    } finally {
      clearTimeout(timer);
    }
    // A plain navigation, which the service worker answers with the file as a download. It commits no
    // page, so it adds no history entry (an <a download> would bypass the worker).
    const link = document.createElement('a');
    link.href = `${DOWNLOAD_PATH}${token}`;
    link.click();
    await served;
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw error instanceof SaveProblem ? error : new SaveProblem('failed', 'the file was not saved', { cause: error });
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Whether this browser can share a file through the system's share sheet. */
export function canShareFiles(): boolean {
  try {
    return typeof navigator.canShare === 'function' && navigator.canShare({ files: [new File([], 'data.bin', { type: 'application/octet-stream' })] });
  } catch {
    return false;
  }
}

/**
 * Shares a stream as a file, for email or a police upload portal. The file is gathered in memory (up
 * to SHARE_LIMIT_BYTES, else 'too_large_to_share') and dropped when the sheet closes.
 */
export async function shareStream(name: string, body: ReadableStream<Uint8Array>, type: string, signal?: AbortSignal): Promise<'shared' | 'cancelled'> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > SHARE_LIMIT_BYTES) throw new SaveProblem('too_large_to_share');
      chunks.push(new Uint8Array(value));
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  let file: File | null = new File(chunks, name, { type });
  chunks.length = 0;
  allowNextHide();
  try {
    await navigator.share({ files: [file] });
    return 'shared';
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
    throw new SaveProblem('failed', 'share failed', { cause: error });
  } finally {
    file = null;
    endHideAllowance();
  }
}
