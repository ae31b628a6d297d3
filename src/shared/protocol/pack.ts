// The evidence pack's manifest (format "waymark-pack", version 1): what the app writes into
// manifest.json and what the verifier (in the app and on the command line) reads back. Shared by both,
// so the two can never disagree about what a pack is.
//
// A pack holds chronology.html, the attachment files and this manifest. The manifest lists every
// file with its SHA-256 and size, and every event of the log's hash chain in order: an event the pack
// includes carries its opening (salt and canonical payload) so its commitment can be recomputed; an
// event left out carries only its hashes, so the chain, and with it the partial chronology, still
// verifies from the first link to the head.
import { z } from 'zod';
import { Countersignature } from './witness';

export const PACK_FORMAT = 'waymark-pack';
export const PACK_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';
export const CHRONOLOGY_PATH = 'chronology.html';
/** A manifest larger than this is refused before it is parsed. */
export const MANIFEST_MAX_BYTES = 256 * 1024 * 1024;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const Id = z.string().min(1).max(64);
const Base64Url = z.string().regex(/^[A-Za-z0-9_-]+$/).max(64);

/** Paths the app writes: lower-case ASCII, no leading dot, no "..", at most one folder deep. */
export const PackPath = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)?(\.[a-z0-9]{1,8})?$/)
  .max(120);

/** What metadata a copy had removed (the metadata module's findings). */
export const RemovedMetadata = z.enum(['location', 'device', 'timestamp', 'software', 'author', 'other']);

export const PackFile = z.discriminatedUnion('role', [
  z.object({ role: z.literal('chronology'), path: PackPath, sha256: Hex64, size: z.number().int().min(0) }),
  /** An attachment exactly as the app received it; its SHA-256 is the one the chain commits to. */
  z.object({ role: z.literal('attachment'), path: PackPath, sha256: Hex64, size: z.number().int().min(0), attachment: Id }),
  /** A copy with metadata removed: its own hash, tied to the original's hash in the chain. */
  z.object({
    role: z.literal('copy'),
    path: PackPath,
    sha256: Hex64,
    size: z.number().int().min(0),
    attachment: Id,
    original: z.object({ sha256: Hex64, size: z.number().int().min(0) }),
    removed: z.array(RemovedMetadata).max(6),
  }),
]);
export type PackFile = z.infer<typeof PackFile>;

export const ChainEventType = z.enum(['entry.created', 'entry.revised', 'entry.redacted', 'attachment.added']);

/** One event of the log's chain. `opening` is null when the pack leaves the event out. */
export const PackLink = z.object({
  seq: z.number().int().min(1),
  type: ChainEventType,
  ref: z.record(z.string().max(32), z.union([z.string().max(64), z.number()])),
  at: z.string().max(40),
  commitment: Hex64,
  prev: Hex64,
  hash: Hex64,
  opening: z.object({ salt: Base64Url, payload: z.json() }).nullable(),
});
export type PackLink = z.infer<typeof PackLink>;

/** An entry shown in the chronology, and the chain events (by seq) it is shown from. */
export const PackEntry = z.object({ id: Id, events: z.array(z.number().int().min(1)).min(1).max(10_000) });
export type PackEntry = z.infer<typeof PackEntry>;

export const PackManifest = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  app: z.object({ name: z.string().max(40), version: z.string().max(40) }),
  exportedAt: z.string().max(40),
  language: z.string().max(10),
  /** Whether every revision of an included entry is open, or only the latest. */
  histories: z.boolean(),
  files: z.array(PackFile).max(100_000),
  chain: z.array(PackLink).max(2_000_000),
  head: z.object({ seq: z.number().int().min(1), hash: Hex64 }).nullable(),
  entries: z.array(PackEntry).max(1_000_000),
  /** Countersignatures of chain heads by a linked advocate's device (witnessed chronology); optional. */
  witnesses: z.array(Countersignature).max(10_000).optional(),
});
export type PackManifest = z.infer<typeof PackManifest>;

/** Just enough to tell a pack from another format, or a later version, before the full parse. */
export const PackHeader = z.object({ format: z.string(), version: z.number() });
