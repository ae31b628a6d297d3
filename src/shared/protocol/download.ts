// Saving a file the app makes (an evidence pack, a backup) without a Blob: the app offers the service
// worker a one-time token and a MessagePort; a navigation to /_d/<token> is answered with a stream the
// worker pulls over that port, chunk by chunk, as a download under a neutral name. Chromium spills
// large Blobs to disk in plain bytes; a stream does not touch the disk until the browser writes the
// file the person asked for.
//
// Why a port and not a transferred ReadableStream: a transferred stream copies every chunk, and the
// page's copies wait for the garbage collector (a 1 GB backup peaked near 180 MB). Over a port the
// page can transfer a chunk it owns outright, so the bytes move instead of being copied.
export const DOWNLOAD_PATH = '/_d/';

export interface DownloadOffer {
  token: string;
  /** Neutral file name, already checked: letters, digits, dot, dash and underscore only. */
  name: string;
  contentType: string;
  size: number | null;
}

/** To the service worker; an offer carries the stream's port as `ports[0]`. */
export type DownloadMessage = ({ type: 'download-offer' } & DownloadOffer) | { type: 'download-revoke-all' };

/** Over an offer's port, worker to page: 'ok' acknowledges the offer; then one 'pull' per chunk wanted. */
export type DownloadPull = 'ok' | 'pull' | 'cancel';
/** Over an offer's port, page to worker: the next chunk, the end, or a failure. */
export type DownloadChunk = { type: 'chunk'; chunk: Uint8Array } | { type: 'done' } | { type: 'error' };

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/;

/** Whether a file name is one the app would make: nothing a header or a file system could trip on. */
export function isSafeFileName(name: string): boolean {
  return SAFE_NAME.test(name) && !name.includes('..');
}
