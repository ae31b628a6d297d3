// Witnessed chronology (issue 6, DESIGN §4 "Hash chain"): the phone's clock proves nothing on its own,
// so each time an advocate's device receives shared entries and has verified the chain, it signs the
// chain head it verified together with the relay's receipt time, and sends the signature back. The
// evidence pack carries these countersignatures; the verifier checks each against the pack's chain, so
// a court can see that the log up to that event existed, unaltered, no later than that time, as
// attested by a device whose key the advocate can confirm (its fingerprint is shown).
import { z } from 'zod';
import { Signature, SigningKey } from './relay';

export const WITNESS_VERSION = 1;
const LABEL = 'waymark/v1/witness';

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const Countersignature = z.strictObject({
  v: z.literal(WITNESS_VERSION),
  /** The chain head the witness verified: its sequence number and link hash. */
  head: z.strictObject({ seq: z.number().int().min(1), hash: Hex64 }),
  /** When the relay received the share that brought this head (ms since the epoch, the relay's clock). */
  receivedAt: z.number().int().min(0),
  /** When the witness signed (ms, the witness device's clock). */
  signedAt: z.number().int().min(0),
  /** The witness device's ECDSA P-256 identity key (raw uncompressed point). */
  key: SigningKey,
  /** ECDSA P-256 / SHA-256 (IEEE P1363) over `countersignatureInput`. */
  sig: Signature,
});
export type Countersignature = z.infer<typeof Countersignature>;

/** The exact text a countersignature signs (as UTF-8). */
export function countersignatureInput({ head, receivedAt, signedAt }: Pick<Countersignature, 'head' | 'receivedAt' | 'signedAt'>): string {
  return `${LABEL}|${head.seq}|${head.hash}|${receivedAt}|${signedAt}`;
}
