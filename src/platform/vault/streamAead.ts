// Segmented streaming AEAD for attachments, in the shape of Tink's AES-GCM-HKDF streaming (DESIGN §4).
// Each file has its own random key; a per-file salt and the attachment's id derive the segment key
// with HKDF. Segments are 1 MiB of plaintext, each sealed with nonce = 7-byte random prefix ‖ 32-bit
// segment index ‖ last-segment flag. So a segment moved to another position, or into another file,
// fails to open, and a stream cut short fails too: its new "last" segment was sealed as not-last.
//
// Memory stays flat whatever the file size: one segment in, one segment out.

import { type Bytes, concat, randomBytes, utf8 } from './bytes';
import { VaultError } from './errors';

export const SEGMENT_BYTES = 1024 * 1024;
export const TAG_BYTES = 16;
const PREFIX_BYTES = 7;
const SALT_BYTES = 16;

export interface StreamParams {
  /** Random per file; with the attachment id, it derives the segment key. */
  salt: Bytes;
  noncePrefix: Bytes;
}

export function newStreamParams(): StreamParams {
  return { salt: randomBytes(SALT_BYTES), noncePrefix: randomBytes(PREFIX_BYTES) };
}

/** A fresh random file key (raw; the caller seals it inside the attachment's encrypted record). */
export function newFileKey(): Bytes {
  return randomBytes(32);
}

/** The AES-GCM key for one attachment's segments, non-extractable. */
export async function segmentKey(fileKey: Uint8Array, params: StreamParams, attachmentId: string): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new Uint8Array(fileKey), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(params.salt), info: utf8(`waymark/v1/attachment|${attachmentId}`) },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function nonce(params: StreamParams, index: number, last: boolean): Bytes {
  const tail = new Uint8Array(5);
  new DataView(tail.buffer).setUint32(0, index, false);
  tail[4] = last ? 1 : 0;
  return concat(params.noncePrefix, tail);
}

/** WebCrypto copies `plaintext` when called, so the caller may reuse its buffer at once. */
export async function sealSegment(key: CryptoKey, params: StreamParams, index: number, last: boolean, plaintext: Bytes): Promise<Bytes> {
  if (plaintext.length > SEGMENT_BYTES) throw new RangeError('segment too large');
  return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce(params, index, last) }, key, plaintext));
}

export async function openSegment(key: CryptoKey, params: StreamParams, index: number, last: boolean, sealed: Bytes): Promise<Bytes> {
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: nonce(params, index, last) }, key, sealed));
  } catch {
    throw new VaultError('record_damaged', `segment ${index} failed to open`);
  }
}

/** How many segments a file of `size` bytes takes (an empty file still has one, empty, last segment). */
export function segmentCount(size: number): number {
  return Math.max(1, Math.ceil(size / SEGMENT_BYTES));
}

/**
 * Cuts incoming chunks into segments and seals them in order. The final segment is sealed as last
 * only when `close` is called, so a stream interrupted part way never ends in a valid last segment.
 */
export class SegmentWriter {
  private buffer = new Uint8Array(SEGMENT_BYTES);
  private filled = 0;
  private index = 0;
  private pending: Bytes | null = null;
  // Two buffers taking turns, so a long import leaves no trail of 1 MiB garbage behind it (dead
  // buffers wait for the collector, and showed up as tens of MB of peak memory).
  private spare: Bytes | null = null;
  private closed = false;

  constructor(
    private readonly key: CryptoKey,
    private readonly params: StreamParams,
    private readonly store: (index: number, sealed: Bytes) => Promise<void>,
  ) {}

  get segmentsWritten(): number {
    return this.index;
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (this.closed) throw new Error('writer closed');
    let at = 0;
    while (at < chunk.length) {
      const take = Math.min(chunk.length - at, SEGMENT_BYTES - this.filled);
      this.buffer.set(chunk.subarray(at, at + take), this.filled);
      this.filled += take;
      at += take;
      if (this.filled === SEGMENT_BYTES) {
        // A full segment may still turn out to be the last: hold it until more data arrives.
        await this.flushPending(false);
        this.pending = this.buffer;
        this.buffer = this.spare ?? new Uint8Array(SEGMENT_BYTES);
        this.spare = null;
        this.filled = 0;
      }
    }
  }

  private async flushPending(last: boolean): Promise<void> {
    if (!this.pending) return;
    const segment = this.pending;
    this.pending = null;
    const sealed = sealSegment(this.key, this.params, this.index, last, segment);
    this.spare = segment;
    await this.store(this.index, await sealed);
    this.index += 1;
  }

  /** Seals the final segment as last. Returns how many segments were written. */
  async close(): Promise<number> {
    if (this.closed) return this.index;
    this.closed = true;
    if (this.filled > 0 || !this.pending) {
      await this.flushPending(false);
      await this.store(this.index, await sealSegment(this.key, this.params, this.index, true, this.buffer.subarray(0, this.filled)));
      this.index += 1;
    } else {
      await this.flushPending(true);
    }
    this.buffer = new Uint8Array(0);
    this.spare = null;
    return this.index;
  }
}
