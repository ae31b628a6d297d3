// Plaintexts are padded to size buckets before encryption, so a record's length on disk says little
// about what it holds (a one-word entry and a long account land in the same few sizes).

import type { Bytes } from './bytes';
import { VAULT } from './constants';
import { VaultError } from './errors';

const LENGTH_PREFIX = 4;

export function bucketSize(length: number): number {
  const { minBucket, bucketLinearFrom } = VAULT.record;
  if (length <= minBucket) return minBucket;
  if (length <= bucketLinearFrom) return 2 ** Math.ceil(Math.log2(length));
  return Math.ceil(length / bucketLinearFrom) * bucketLinearFrom;
}

export function pad(data: Uint8Array): Bytes {
  const out = new Uint8Array(bucketSize(data.length + LENGTH_PREFIX));
  new DataView(out.buffer).setUint32(0, data.length, true);
  out.set(data, LENGTH_PREFIX);
  return out;
}

export function unpad(padded: Uint8Array): Bytes {
  if (padded.length < LENGTH_PREFIX) throw new VaultError('record_damaged', 'padding');
  const length = new DataView(padded.buffer, padded.byteOffset, padded.byteLength).getUint32(0, true);
  if (length > padded.length - LENGTH_PREFIX) throw new VaultError('record_damaged', 'padding');
  return padded.slice(LENGTH_PREFIX, LENGTH_PREFIX + length);
}
