// Resumable blob upload. The relay keeps every segment it acknowledged (server/relay, blobs), so an
// upload asks first which segments are there and sends only the others: an upload cut off by a crash,
// a closed tab or a relay restart picks up where it stopped and sends nothing twice. A segment whose
// acknowledgement was lost is sent again; the relay answers `duplicate` and stores nothing new.
import { RELAY } from '../../shared/protocol/relay';
import type { RequestSigningKey } from '../vault';
import type { RelayClient } from './client';
import { RelayClientError } from './errors';
import type { CallOptions } from './transport';

export interface UploadOptions extends CallOptions {
  /** After each segment is on the relay (sent now or found there). */
  onProgress?: (progress: { segment: number; sent: boolean }) => void;
}

export interface UploadResult {
  /** Segments sent by this call. */
  sent: number[];
  /** Segments the relay already held. */
  skipped: number[];
  /** Sent again after a lost acknowledgement; the relay already had them. */
  duplicates: number[];
}

/** Uploads segments 0, 1, … of one blob, skipping those the relay already holds. */
export async function uploadSegments(
  client: RelayClient,
  mailbox: string,
  key: RequestSigningKey,
  blob: string,
  segments: AsyncIterable<Uint8Array>,
  options: UploadOptions = {},
): Promise<UploadResult> {
  const { onProgress, ...callOptions } = options;
  const held = new Set(await client.listSegments(mailbox, key, blob, callOptions));
  const result: UploadResult = { sent: [], skipped: [], duplicates: [] };
  let index = 0;
  for await (const bytes of segments) {
    options.signal?.throwIfAborted();
    if (index >= RELAY.maxSegments) throw new RelayClientError('too_large', 'more segments than a blob may have');
    if (held.has(index)) {
      result.skipped.push(index);
      onProgress?.({ segment: index, sent: false });
    } else {
      const { duplicate } = await client.putSegment(mailbox, key, blob, index, bytes, callOptions);
      (duplicate ? result.duplicates : result.sent).push(index);
      onProgress?.({ segment: index, sent: true });
    }
    index++;
  }
  return result;
}
