// The pack as a stream of zip bytes: fflate's streaming Zip, one file after another, pulled by the
// reader (a download through the service worker), so a 200 MB pack never sits whole in memory or in
// a Blob. Media is stored as it is (ZipPassThrough: it is already compressed); text is deflated.
// Every file is hashed on its way in, and the last file (the manifest) is made from those hashes.
//
// fflate writes no zip64, so a zip past 4 GiB or 65,535 files would come out silently corrupt (sizes
// and offsets wrap). zipStream refuses such a pack before writing a byte, from the sizes the files
// declare; and while writing, should the output still reach the limit (a file longer than declared,
// or one that declares nothing), it stops with the same error rather than wrap.
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { PackExportProblem } from './problem';

export const ZIP_LIMITS = {
  /** Entries a zip without zip64 can count (the manifest included). */
  maxEntries: 65_535,
  /**
   * Bytes a zip without zip64 can address, less a margin for what is not known in advance: the
   * manifest (at most 256 MiB, the verifier's limit) and deflate's few bytes of overhead per block.
   */
  maxBytes: 0xffff_ffff - 256 * 1024 * 1024,
  /** Per file: local header (30), data descriptor (16), central record (46); the name twice on top. */
  headerBytes: 30 + 16 + 46,
  /** The end of central directory record. */
  endBytes: 22,
} as const;

export interface ZipSourceFile {
  path: string;
  /** Deflate (text) or store as is (media). */
  compress: boolean;
  /** How many bytes `bytes()` yields, when known: lets a pack too large for a zip be refused up front. */
  size?: number;
  bytes(): AsyncIterable<Uint8Array>;
}

export interface Hasher {
  update(bytes: Uint8Array): void;
  digestHex(): string;
}

export interface WrittenFile {
  path: string;
  sha256: string;
  size: number;
}

export interface ZipStreamOptions {
  /** Every file's modification time in the zip (the export time). */
  mtime: Date;
  createHasher: () => Promise<Hasher>;
  /** Makes the last file from what was written before it (the manifest). */
  finish: (written: readonly WrittenFile[]) => Promise<{ path: string; bytes: Uint8Array }>;
  signal?: AbortSignal;
}

const nameBytes = (path: string) => new TextEncoder().encode(path).length;

/** Throws PackExportProblem('too_large') when these files (and a manifest) cannot fit a zip without zip64. */
export function checkZipLimits(files: readonly Pick<ZipSourceFile, 'path' | 'size'>[]): void {
  if (files.length + 1 > ZIP_LIMITS.maxEntries) throw new PackExportProblem('too_large');
  let total: number = ZIP_LIMITS.endBytes;
  for (const file of files) total += (file.size ?? 0) + ZIP_LIMITS.headerBytes + 2 * nameBytes(file.path);
  if (total >= ZIP_LIMITS.maxBytes) throw new PackExportProblem('too_large');
}

async function* zipChunks(files: readonly ZipSourceFile[], { mtime, createHasher, finish, signal }: ZipStreamOptions): AsyncGenerator<Uint8Array> {
  const queue: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else if (chunk.length) queue.push(chunk);
  });
  let output = 0;
  function* drain(): Generator<Uint8Array> {
    if (failure) throw failure;
    while (queue.length) {
      const chunk = queue.shift() as Uint8Array;
      output += chunk.length;
      // The central directory still to come is small next to the margin in maxBytes.
      if (output >= ZIP_LIMITS.maxBytes) throw new PackExportProblem('too_large');
      yield chunk;
    }
  }
  const add = (path: string, compress: boolean) => {
    const entry = compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
    entry.mtime = mtime;
    zip.add(entry);
    return entry;
  };
  const written: WrittenFile[] = [];
  for (const file of files) {
    signal?.throwIfAborted();
    const entry = add(file.path, file.compress);
    const hasher = await createHasher();
    let size = 0;
    for await (const bytes of file.bytes()) {
      signal?.throwIfAborted();
      hasher.update(bytes);
      size += bytes.length;
      entry.push(bytes, false);
      yield* drain();
    }
    entry.push(new Uint8Array(0), true);
    yield* drain();
    written.push({ path: file.path, sha256: hasher.digestHex(), size });
  }
  const last = await finish(written);
  add(last.path, true).push(last.bytes, true);
  zip.end();
  yield* drain();
}

/**
 * The zip as a ReadableStream, one chunk per pull. Throws PackExportProblem('too_large'), before
 * anything is written, when the files cannot fit a zip without zip64 (see checkZipLimits).
 */
export function zipStream(files: readonly ZipSourceFile[], options: ZipStreamOptions): ReadableStream<Uint8Array> {
  checkZipLimits(files);
  const chunks = zipChunks(files, options);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
