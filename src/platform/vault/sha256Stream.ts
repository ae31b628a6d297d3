// SHA-256 over a stream, for the hash of an attachment "as the app received it". WebCrypto only
// hashes whole buffers; hash-wasm's incremental hasher keeps memory flat for a file of any size.
import { createSHA256 } from 'hash-wasm';

export interface Sha256Stream {
  update(bytes: Uint8Array): void;
  /** Lower-case hex. The stream cannot be used after this. */
  digestHex(): string;
}

export async function createSha256Stream(): Promise<Sha256Stream> {
  const hasher = await createSHA256();
  hasher.init();
  return {
    update: (bytes) => void hasher.update(bytes),
    digestHex: () => hasher.digest('hex'),
  };
}
