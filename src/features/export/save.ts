// Saving and sharing the files the app makes. Saving streams through the service worker to a download
// (see shared/protocol/download.ts): no Blob, so no plaintext spills into the browser's blob storage,
// and no history entry. Sharing (Web Share with files) needs the file in memory, so it is offered only
// for files small enough to stay there. Every name is neutral: it says when, never what.
import { newId, onSessionEnd } from '../../platform/vault';
import { DOWNLOAD_PATH, type DownloadMessage, isSafeFileName } from '../../shared/protocol/download';
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
}

function offer(worker: ServiceWorker, message: DownloadMessage & { type: 'download-offer' }): Promise<void> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => reject(new SaveProblem('no_worker', 'service worker did not answer')), 5000);
    channel.port1.onmessage = () => (clearTimeout(timer), resolve());
    try {
      worker.postMessage(message, [message.body, channel.port2]);
    } catch (error) {
      clearTimeout(timer);
      reject(new SaveProblem('failed', 'the stream could not be handed over', { cause: error }));
    }
  });
}

/**
 * Saves a stream as a download named `name`. Resolves once the browser has taken every byte; rejects
 * when the stream fails, the download is cancelled or `signal` aborts.
 */
export async function saveStream(name: string, body: ReadableStream<Uint8Array>, { type = 'application/octet-stream', size = null, signal }: SaveOptions = {}): Promise<void> {
  if (!isSafeFileName(name)) throw new SaveProblem('failed', 'unsafe file name');
  const worker = controller();
  if (!worker) throw new SaveProblem('no_worker');
  const pass = new TransformStream<Uint8Array, Uint8Array>();
  const piped = body.pipeTo(pass.writable, signal ? { signal } : {});
  piped.catch(() => undefined);
  const token = newId();
  await offer(worker, { type: 'download-offer', token, name, contentType: type, size, body: pass.readable });
  // A plain navigation, which the service worker answers with the file as a download. It commits no
  // page, so it adds no history entry (an <a download> would bypass the worker).
  const link = document.createElement('a');
  link.href = `${DOWNLOAD_PATH}${token}`;
  link.click();
  try {
    await piped;
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new SaveProblem('failed', 'the file was not saved', { cause: error });
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
