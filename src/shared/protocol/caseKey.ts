// The wire shape of a case-key delivery (DESIGN §4), shared by the client that makes and opens it
// (platform/vault/caseKey.ts, where the cryptography is described) and the relay that carries it.
// The relay cannot check the signature's meaning (it does not know who should have signed), but it
// can refuse anything not of this shape before storing it.
import { z } from 'zod';
import { Id, Signature, SigningKey, base64urlLength } from './relay';

export const CASE_KEY_DELIVERY_VERSION = 1;
/** Case-key epochs start at 1 and only ever go up (each rotation is the next one). */
export const MAX_EPOCH = 0xffff_ffff;

/** A canonical base64url string of exactly `bytes` decoded bytes. */
const fixedBytes = (bytes: number, what: string) =>
  z
    .string()
    .length(Math.ceil((bytes * 4) / 3))
    .refine((text) => base64urlLength(text) === bytes, { message: `${what}: not ${bytes} bytes of canonical base64url` });

export const CaseId = Id;
export type CaseId = Id;
export const Epoch = z.number().int().min(1).max(MAX_EPOCH);
export type Epoch = z.infer<typeof Epoch>;
/** A raw uncompressed P-256 public key (65 bytes), base64url; here an ECDH key. */
export const EcdhPublicKey = SigningKey;
export type EcdhPublicKey = SigningKey;

/** One case key, wrapped to one member's device and signed by the sender's identity key. */
export const CaseKeyDelivery = z.strictObject({
  v: z.literal(CASE_KEY_DELIVERY_VERSION),
  case: CaseId,
  epoch: Epoch,
  /** The recipient device's ECDH identity key. */
  recipient: EcdhPublicKey,
  /** A fresh ECDH key made for this delivery alone. */
  ephemeral: EcdhPublicKey,
  /** AES-GCM IV, 12 bytes. */
  iv: fixedBytes(12, 'iv'),
  /** The 32-byte case key under AES-256-GCM, with its 16-byte tag. */
  wrapped: fixedBytes(48, 'wrapped'),
  /** ECDSA P-256 (P1363) by the sender's identity key over everything above. */
  sig: Signature,
});
export type CaseKeyDelivery = z.infer<typeof CaseKeyDelivery>;
