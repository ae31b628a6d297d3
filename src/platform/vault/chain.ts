// The log's hash chain (DESIGN §4). Every event (an entry created, revised or redacted; an attachment
// added) becomes a link: a sequence number, the previous link's hash, and a commitment to what was
// recorded — sha256(128-bit salt ‖ RFC 8785 JSON). Salted, because a quick-log entry has few
// possible values and an unsalted hash of it could be guessed. Redaction destroys the content and its
// salt; the link still verifies, and the verifier reports the item as redacted rather than broken.

import { type Bytes, concat, randomBytes, toHex, utf8 } from './bytes';
import { type Json, canonicalJson } from './canonicalJson';

export const GENESIS_HASH = '0'.repeat(64);
export const SALT_BYTES = 16;

export type ChainEventType = 'entry.created' | 'entry.revised' | 'entry.redacted' | 'attachment.added';

export interface ChainLink {
  seq: number;
  type: ChainEventType;
  /** What the event is about: ids and revision numbers, never content. */
  ref: Record<string, string | number>;
  /** The device's clock when it happened (ISO 8601). Proves nothing alone; countersigning will. */
  at: string;
  commitment: string;
  prev: string;
  hash: string;
}

export type ChainHead = { seq: number; hash: string };

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes))));
}

export function newSalt(): Bytes {
  return randomBytes(SALT_BYTES);
}

/** sha256(salt ‖ canonical JSON of the payload), hex. */
export async function commitment(salt: Uint8Array, payload: Json): Promise<string> {
  return sha256Hex(concat(salt, utf8(canonicalJson(payload))));
}

async function hashOf(link: Omit<ChainLink, 'hash'>): Promise<string> {
  const { seq, type, ref, at, commitment: c, prev } = link;
  return sha256Hex(utf8(canonicalJson({ seq, type, ref, at, commitment: c, prev })));
}

/** The link that follows `head` (or starts the chain when head is null). */
export async function nextLink(head: ChainHead | null, event: Pick<ChainLink, 'type' | 'ref' | 'at' | 'commitment'>): Promise<ChainLink> {
  const partial = { seq: (head?.seq ?? 0) + 1, ...event, prev: head?.hash ?? GENESIS_HASH };
  return { ...partial, hash: await hashOf(partial) };
}

/** What the verifier can learn about a link's content: its opening, or that it was redacted or is gone. */
export type Opening = { salt: Uint8Array; payload: Json } | 'redacted' | 'missing';

export type ChainProblem = { seq: number; reason: 'gap' | 'broken_link' | 'bad_hash' | 'content_mismatch' | 'missing_content' };

export interface ChainReport {
  ok: boolean;
  length: number;
  head: ChainHead | null;
  redacted: number;
  problems: ChainProblem[];
}

/**
 * Recomputes every link from the first: sequence without gaps, each `prev` the previous hash, each
 * hash correct, and each commitment matching its content where the content still exists. Says
 * exactly which item fails.
 */
export async function verifyChain(links: readonly ChainLink[], open: (link: ChainLink) => Promise<Opening>): Promise<ChainReport> {
  const sorted = [...links].sort((a, b) => a.seq - b.seq);
  const problems: ChainProblem[] = [];
  let redacted = 0;
  let prev = GENESIS_HASH;
  for (let i = 0; i < sorted.length; i++) {
    const link = sorted[i] as ChainLink;
    if (link.seq !== i + 1) problems.push({ seq: link.seq, reason: 'gap' });
    if (link.prev !== prev) problems.push({ seq: link.seq, reason: 'broken_link' });
    if ((await hashOf(link)) !== link.hash) problems.push({ seq: link.seq, reason: 'bad_hash' });
    const opening = await open(link);
    if (opening === 'redacted') redacted++;
    else if (opening === 'missing') problems.push({ seq: link.seq, reason: 'missing_content' });
    else if ((await commitment(opening.salt, opening.payload)) !== link.commitment) problems.push({ seq: link.seq, reason: 'content_mismatch' });
    prev = link.hash;
  }
  const last = sorted[sorted.length - 1];
  return { ok: problems.length === 0, length: sorted.length, head: last ? { seq: last.seq, hash: last.hash } : null, redacted, problems };
}
