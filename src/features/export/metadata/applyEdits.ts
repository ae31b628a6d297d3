// Applying a strip plan to a stream of the original's bytes. Each chunk is cut at the edits that
// fall inside it; kept bytes pass through as views (no copy), removals may span any number of
// chunks, and memory stays flat whatever the file's size.
import type { ByteEdit } from './types';

export class InvalidEdits extends Error {
  constructor(readonly code: 'unsorted' | 'negative' | 'input_too_short') {
    super(`edits: ${code}`);
    this.name = 'InvalidEdits';
  }
}

function check(edits: readonly ByteEdit[]): void {
  let end = 0;
  for (const e of edits) {
    if (!Number.isSafeInteger(e.offset) || !Number.isSafeInteger(e.remove) || e.offset < 0 || e.remove < 0) throw new InvalidEdits('negative');
    if (e.offset < end) throw new InvalidEdits('unsorted');
    end = e.offset + e.remove;
  }
}

/** Applies a plan to the original's byte stream, chunk by chunk, with flat memory. */
export function applyEdits(edits: readonly ByteEdit[]): TransformStream<Uint8Array, Uint8Array> {
  check(edits);
  const plan = [...edits];
  let next = 0; // the next edit whose insert has not been written
  let position = 0; // offset in the original of the chunk's first byte
  let skipUntil = 0; // bytes before this offset are being removed

  /** Writes the inserts of every edit starting at `offset` or before. */
  function inserts(controller: TransformStreamDefaultController<Uint8Array>, upTo: number): void {
    while (next < plan.length && plan[next]!.offset <= upTo) {
      const edit = plan[next++]!;
      // A copy, so a reader that transfers or changes a chunk can't touch the plan.
      if (edit.insert.length) controller.enqueue(edit.insert.slice());
      skipUntil = Math.max(skipUntil, edit.offset + edit.remove);
    }
  }

  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      const end = position + chunk.length;
      let at = position;
      while (at < end) {
        if (at < skipUntil) {
          at = Math.min(end, skipUntil);
          continue;
        }
        const edit = plan[next];
        const keepUntil = edit && edit.offset < end ? edit.offset : end;
        if (keepUntil > at) controller.enqueue(chunk.subarray(at - position, keepUntil - position));
        at = keepUntil;
        if (edit && edit.offset === at) inserts(controller, at);
      }
      position = end;
    },
    flush(controller) {
      // Edits at the very end of the file (an insert there); anything still to remove means the
      // input was shorter than the plan was made for.
      inserts(controller, position);
      if (skipUntil > position || next < plan.length) controller.error(new InvalidEdits('input_too_short'));
    },
  });
}
