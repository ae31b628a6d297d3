// The safety number two linked devices compare, in person or on a call (DESIGN §4), so a relay that
// swapped in its own keys is caught. Derivation (format v1):
//
//   party    = signing public key (65 raw bytes) ‖ ECDH public key (65 raw bytes)      130 bytes
//   digest   = SHA-512( UTF-8 "waymark/v1/safety-number" ‖ 0x00 ‖ lower party ‖ higher party )
//   groups   = for i in 0..11: uint40 big-endian of digest[5i .. 5i+5) mod 100000, as 5 digits
//
// "lower" and "higher" are the two parties ordered byte by byte, so both sides compute the same
// number whoever runs it. SHA-512 because twelve 5-byte groups need 60 bytes; each group's bias
// from the modulo is below 2^-23. The 60 digits show about 199 bits: matching them with other keys
// is a second-preimage search, out of reach without any iteration (Signal iterates because its
// number covers one party's key at a time; ours covers both at once).

import { type Bytes, concat, utf8 } from './bytes';
import { isUncompressedPoint } from './publicKeys';

export const SAFETY_NUMBER_LABEL = 'waymark/v1/safety-number';
const GROUPS = 12;

/** One side's public identity, as both devices know it. */
export interface PublicIdentity {
  signingPublic: Uint8Array;
  ecdhPublic: Uint8Array;
}

function partyBytes(party: PublicIdentity): Bytes {
  if (!isUncompressedPoint(party.signingPublic) || !isUncompressedPoint(party.ecdhPublic)) {
    throw new RangeError('identity public keys must be raw uncompressed P-256 points');
  }
  return concat(party.signingPublic, party.ecdhPublic);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

/** The safety number of two identities as 12 groups of 5 digits; the same whichever side is `a`. */
export async function safetyNumber(a: PublicIdentity, b: PublicIdentity): Promise<string[]> {
  const [lower, higher] = [partyBytes(a), partyBytes(b)].sort(compareBytes) as [Bytes, Bytes];
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-512', concat(utf8(SAFETY_NUMBER_LABEL), Uint8Array.of(0), lower, higher)));
  const groups: string[] = [];
  for (let i = 0; i < GROUPS; i++) {
    let value = 0;
    // 40 bits fit exactly in a double; no bitwise operators, which would cut to 32 bits.
    for (const byte of digest.subarray(5 * i, 5 * i + 5)) value = value * 256 + byte;
    groups.push(String(value % 100_000).padStart(5, '0'));
  }
  return groups;
}
