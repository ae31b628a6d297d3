// The pack as a stream of zip bytes: fflate's streaming Zip, one file after another, pulled by the
// reader (a download through the service worker), so a 200 MB pack never sits whole in memory or in
// a Blob. Media is stored as it is (ZipPassThrough: it is already compressed); text is deflated.
// Every file is hashed on its way in, and the last file (the manifest) is made from those hashes.
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

export interface ZipSourceFile {
  path: string;
  /** Deflate (text) or store as is (media). */
  compress: boolean;
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

async function* zipChunks(files: readonly ZipSourceFile[], { mtime, createHasher, finish, signal }: ZipStreamOptions): AsyncGenerator<Uint8Array> {
  const queue: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else if (chunk.length) queue.push(chunk);
  });
  function* drain(): Generator<Uint8Array> {
    if (failure) throw failure;
    while (queue.length) yield queue.shift() as Uint8Array;
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

/** The zip as a ReadableStream, one chunk per pull. */
export function zipStream(files: readonly ZipSourceFile[], options: ZipStreamOptions): ReadableStream<Uint8Array> {
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
