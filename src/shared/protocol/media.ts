// Messages between the app and its service worker about attachment media: the app registers a
// short-lived token for one attachment (with its segment key, a non-extractable CryptoKey), the worker
// serves /_m/<token> by decrypting only the segments a request's Range needs, and every token is
// revoked when the app locks.
export const MEDIA_PATH = '/_m/';

export interface MediaEntry {
  storage: string;
  segments: number;
  size: number;
  type: string;
  salt: Uint8Array;
  noncePrefix: Uint8Array;
  /** Set for a download: served as an attachment with this neutral file name. */
  downloadName: string | null;
}

export type MediaMessage = { type: 'media-register'; token: string; entry: MediaEntry; key: CryptoKey } | { type: 'media-revoke-all' };

/** Parses "bytes=start-end" (one range) against a size; null when absent or unsatisfiable. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || size === 0) return null;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return null;
  let start: number;
  let end: number;
  if (from === '') {
    start = Math.max(0, size - Number(to));
    end = size - 1;
  } else {
    start = Number(from);
    end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  }
  return start <= end && start < size ? { start, end } : null;
}
