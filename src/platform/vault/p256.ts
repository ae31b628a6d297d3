// Just enough P-256 arithmetic to turn a private scalar into its public point, which WebCrypto cannot
// do: importing a private key as JWK needs x and y alongside d. Only the relay backup's write key
// uses it (its scalar is derived from the recovery code, see relayKeys.ts); every signature and
// key agreement is still done by WebCrypto, which also checks the point we hand it is on the curve.
//
// BigInt arithmetic is not constant-time. That is acceptable here: the computation runs once, on the
// owner's own device, when backup is turned on or a backup is restored. The Montgomery ladder at
// least keeps the sequence of point operations independent of the scalar's bits.

import type { Bytes } from './bytes';

const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const A = P - 3n;
/** The order of the base point. */
export const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const G: Point = {
  x: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  y: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
};

interface Point {
  x: bigint;
  y: bigint;
}
/** null is the point at infinity. */
type MaybePoint = Point | null;

const mod = (a: bigint, m: bigint = P): bigint => ((a % m) + m) % m;

/** Inverse modulo the prime p, by the extended Euclidean algorithm. */
function invert(a: bigint): bigint {
  let [r0, r1] = [mod(a), P];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0);
}

function add(p: MaybePoint, q: MaybePoint): MaybePoint {
  if (p === null) return q;
  if (q === null) return p;
  if (p.x === q.x && mod(p.y + q.y) === 0n) return null;
  const slope = p.x === q.x ? mod((3n * p.x * p.x + A) * invert(2n * p.y)) : mod((q.y - p.y) * invert(q.x - p.x));
  const x = mod(slope * slope - p.x - q.x);
  return { x, y: mod(slope * (p.x - x) - p.y) };
}

function multiply(k: bigint, point: Point): MaybePoint {
  let r0: MaybePoint = null;
  let r1: MaybePoint = point;
  for (let bit = 255; bit >= 0; bit--) {
    if ((k >> BigInt(bit)) & 1n) {
      r0 = add(r0, r1);
      r1 = add(r1, r1);
    } else {
      r1 = add(r0, r1);
      r0 = add(r0, r0);
    }
  }
  return r0;
}

export function bytesToBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/** Big-endian, left-padded to `length` bytes. */
export function bigIntToBytes(n: bigint, length: number): Bytes {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--, n >>= 8n) out[i] = Number(n & 0xffn);
  return out;
}

/** The raw uncompressed public point (0x04 ‖ x ‖ y) of a private scalar d, 1 ≤ d < n. */
export function publicPointOf(d: bigint): Bytes {
  if (d < 1n || d >= P256_ORDER) throw new RangeError('scalar out of range');
  const point = multiply(d, G);
  if (point === null) throw new RangeError('scalar out of range');
  const out = new Uint8Array(65);
  out[0] = 0x04;
  out.set(bigIntToBytes(point.x, 32), 1);
  out.set(bigIntToBytes(point.y, 32), 33);
  return out;
}

/**
 * A private scalar from uniformly random bytes by FIPS 186-5 A.4.1 ("extra random bits"): take at
 * least 64 bits more than the order's 256, then d = (c mod (n − 1)) + 1. No retry loop; the bias is
 * below 2^-64.
 */
export function scalarFromBytes(bytes: Uint8Array): bigint {
  if (bytes.length < 40) throw new RangeError('need at least 320 bits');
  return mod(bytesToBigInt(bytes), P256_ORDER - 1n) + 1n;
}
