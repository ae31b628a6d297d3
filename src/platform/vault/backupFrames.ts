// The backup's plaintext: a sequence of frames, each a raw copy of one stored record or one sealed
// attachment segment, then an end frame with the counts. Records and segments are copied as they sit
// in the database (ids, tags, schema versions, ciphertext under the vault's own keys), so no kind of
// record can be left out, and they open after a restore because the vault key is the same.
//
// Frame: type (u8) ‖ head length (u16 LE) ‖ body length (u32 LE) ‖ head (JSON) ‖ body.
// Every length is bounded before anything is allocated, and every head is parsed with zod.

import { z } from 'zod';
import { type Bytes, concat, fromUtf8, utf8 } from './bytes';
import { BackupError } from './backupErrors';
import { SEGMENT_BYTES, TAG_BYTES } from './streamAead';

const TYPE = { record: 1, segment: 2, end: 3 } as const;
const PREFIX_BYTES = 7;
export const FRAME_LIMITS = {
  headBytes: 512,
  /** A sealed record: the largest today is the evidence index, a few MB at 10,000 entries. */
  recordBytes: 64 * 1024 * 1024,
  segmentBytes: SEGMENT_BYTES + TAG_BYTES,
  count: 2 ** 31,
} as const;

// Ids, tags and owners are opaque strings the store made; printable, bounded.
const Opaque = z.string().min(1).max(256).regex(/^[\x21-\x7e]+$/);
export const RecordFrameHead = z.strictObject({ id: Opaque, t: Opaque, v: z.number().int().min(0).max(1_000_000) });
export type RecordFrameHead = z.infer<typeof RecordFrameHead>;
export const SegmentFrameHead = z.strictObject({ a: Opaque, i: z.number().int().min(0).max(FRAME_LIMITS.count) });
export type SegmentFrameHead = z.infer<typeof SegmentFrameHead>;
export const EndFrameHead = z.strictObject({ records: z.number().int().min(0).max(FRAME_LIMITS.count), segments: z.number().int().min(0).max(FRAME_LIMITS.count) });
export type EndFrameHead = z.infer<typeof EndFrameHead>;

export type BackupFrame = ({ kind: 'record' } & RecordFrameHead & { c: Bytes }) | ({ kind: 'segment' } & SegmentFrameHead & { c: Bytes });

function frame(type: number, head: unknown, body: Uint8Array): Bytes {
  const headBytes = utf8(JSON.stringify(head));
  const prefix = new Uint8Array(PREFIX_BYTES);
  const view = new DataView(prefix.buffer);
  prefix[0] = type;
  view.setUint16(1, headBytes.length, true);
  view.setUint32(3, body.length, true);
  return concat(prefix, headBytes, body);
}

/** A frame as two parts, its prefix with head and its body, so a 1 MiB body is never copied into a new buffer. */
export function frameParts(value: BackupFrame): [Bytes, Uint8Array] {
  const head = value.kind === 'record' ? ({ id: value.id, t: value.t, v: value.v } satisfies RecordFrameHead) : ({ a: value.a, i: value.i } satisfies SegmentFrameHead);
  const whole = frame(value.kind === 'record' ? TYPE.record : TYPE.segment, head, new Uint8Array(0));
  new DataView(whole.buffer).setUint32(3, value.c.length, true);
  return [whole, value.c];
}

export function encodeFrame(value: BackupFrame): Bytes {
  if (value.kind === 'record') return frame(TYPE.record, { id: value.id, t: value.t, v: value.v } satisfies RecordFrameHead, value.c);
  return frame(TYPE.segment, { a: value.a, i: value.i } satisfies SegmentFrameHead, value.c);
}

export function encodeEndFrame(counts: EndFrameHead): Bytes {
  return frame(TYPE.end, counts, new Uint8Array(0));
}

const damaged = (why: string) => new BackupError('backup_damaged', why);

/**
 * Reads frames out of plaintext arriving in pieces of any size. `push` hands each whole frame to
 * `onFrame` (awaited: the caller's writes pace the reading); `finish` checks the stream ended on the
 * end frame and that its counts match. Anything malformed throws backup_damaged.
 */
export class FrameReader {
  private prefix = new Uint8Array(PREFIX_BYTES);
  private prefixFilled = 0;
  private type = 0;
  private head: Uint8Array | null = null;
  private body: Uint8Array | null = null;
  private filled = 0;
  private ended = false;
  private records = 0;
  private segments = 0;

  constructor(private readonly onFrame: (frame: BackupFrame) => Promise<void>) {}

  async push(chunk: Uint8Array): Promise<void> {
    let at = 0;
    while (at < chunk.length) {
      if (this.ended) throw damaged('data after the end frame');
      if (this.prefixFilled < PREFIX_BYTES) {
        const take = Math.min(PREFIX_BYTES - this.prefixFilled, chunk.length - at);
        this.prefix.set(chunk.subarray(at, at + take), this.prefixFilled);
        this.prefixFilled += take;
        at += take;
        if (this.prefixFilled === PREFIX_BYTES) this.startFrame();
        else continue;
      }
      const target = this.head && this.filled < this.head.length ? this.head : this.body;
      if (target) {
        const offset = target === this.head ? this.filled : this.filled - (this.head?.length ?? 0);
        const take = Math.min(target.length - offset, chunk.length - at);
        target.set(chunk.subarray(at, at + take), offset);
        this.filled += take;
        at += take;
      }
      if (this.filled === (this.head?.length ?? 0) + (this.body?.length ?? 0)) await this.endFrame();
    }
  }

  private startFrame(): void {
    const view = new DataView(this.prefix.buffer);
    this.type = this.prefix[0] ?? 0;
    const headLength = view.getUint16(1, true);
    const bodyLength = view.getUint32(3, true);
    const limit = this.type === TYPE.record ? FRAME_LIMITS.recordBytes : this.type === TYPE.segment ? FRAME_LIMITS.segmentBytes : this.type === TYPE.end ? 0 : -1;
    if (limit < 0) throw damaged('unknown frame type');
    if (headLength === 0 || headLength > FRAME_LIMITS.headBytes || bodyLength > limit) throw damaged('frame lengths out of bounds');
    this.head = new Uint8Array(headLength);
    this.body = new Uint8Array(bodyLength);
    this.filled = 0;
  }

  private async endFrame(): Promise<void> {
    const head = this.head;
    const body = this.body as Bytes;
    this.head = null;
    this.body = null;
    this.prefixFilled = 0;
    this.filled = 0;
    let json: unknown;
    try {
      json = JSON.parse(fromUtf8(head ?? new Uint8Array(0)));
    } catch {
      throw damaged('frame head is not JSON');
    }
    if (this.type === TYPE.record) {
      const parsed = RecordFrameHead.safeParse(json);
      if (!parsed.success) throw damaged('record frame head');
      this.records += 1;
      await this.onFrame({ kind: 'record', ...parsed.data, c: body });
    } else if (this.type === TYPE.segment) {
      const parsed = SegmentFrameHead.safeParse(json);
      if (!parsed.success) throw damaged('segment frame head');
      this.segments += 1;
      await this.onFrame({ kind: 'segment', ...parsed.data, c: body });
    } else {
      const parsed = EndFrameHead.safeParse(json);
      if (!parsed.success) throw damaged('end frame head');
      if (parsed.data.records !== this.records || parsed.data.segments !== this.segments) throw damaged('counts disagree');
      this.ended = true;
    }
  }

  /** Throws unless the stream ended exactly on the end frame. Returns the counts. */
  finish(): EndFrameHead {
    if (!this.ended || this.prefixFilled !== 0) throw damaged('no end frame');
    return { records: this.records, segments: this.segments };
  }
}
