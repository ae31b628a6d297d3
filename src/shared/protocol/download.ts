// Saving a file the app makes (an evidence pack, a backup) without a Blob: the app hands the service
// worker a stream and a one-time token; a navigation to /_d/<token> is answered with that stream as a
// download under a neutral name. Chromium spills large Blobs to disk in plain bytes; a stream does not
// touch the disk until the browser writes the file the person asked for.
export const DOWNLOAD_PATH = '/_d/';

export interface DownloadOffer {
  token: string;
  /** Neutral file name, already checked: letters, digits, dot, dash and underscore only. */
  name: string;
  contentType: string;
  size: number | null;
  body: ReadableStream<Uint8Array>;
}

export type DownloadMessage = ({ type: 'download-offer' } & DownloadOffer) | { type: 'download-revoke-all' };

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/;

/** Whether a file name is one the app would make: nothing a header or a file system could trip on. */
export function isSafeFileName(name: string): boolean {
  return SAFE_NAME.test(name) && !name.includes('..');
}
