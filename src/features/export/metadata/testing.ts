// Test helpers: a ByteSource over bytes in memory that counts what is read, and a plan applied
// through applyEdits in chunks of given sizes.
import { applyEdits } from './applyEdits';
import type { ByteEdit, ByteSource } from './types';

export interface CountingSource extends ByteSource {
  /** Total bytes handed out by read(). */
  readonly bytesRead: number;
}

export function memorySource(bytes: Uint8Array): CountingSource {
  let bytesRead = 0;
  return {
    size: bytes.length,
    get bytesRead() {
      return bytesRead;
    },
    async read(offset, length) {
      if (offset < 0 || length < 0 || offset + length > bytes.length) throw new RangeError('read past the end');
      bytesRead += length;
      return bytes.slice(offset, offset + length);
    },
  };
}

/** Streams `bytes` through applyEdits, cut into chunks of these sizes (cycled), and collects the output. */
export async function applyInChunks(bytes: Uint8Array, edits: readonly ByteEdit[], sizes: readonly number[] = [64 * 1024]): Promise<Uint8Array> {
  let at = 0;
  let i = 0;
  const input = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      const size = Math.max(1, sizes[i++ % sizes.length]!);
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
  const parts: Uint8Array[] = [];
  const reader = input.pipeThrough(applyEdits(edits)).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
