// The unlocked vault lives here and nowhere else: the keyring is held in module state, never handed
// to a caller, and `endSession` drops it. Records are sealed and opened through this module so the
// store never sees a key.

import { type Bytes, randomBytes, toBase64Url, utf8 } from './bytes';
import { VAULT } from './constants';
import { type RecordContext, openEnvelope, sealEnvelope } from './envelope';
import { VaultError } from './errors';
import { type Keyring, deriveKeyring, tagFor } from './keyring';

let keyring: Keyring | null = null;
/** Bumped by every endSession: an unlock that began before a lock must not open a session after it. */
let generation = 0;
const tagCache = new Map<string, string>();
const endListeners = new Set<() => void>();

/** The current session generation, captured when an unlock or vault creation starts. */
export function sessionGeneration(): number {
  return generation;
}

/**
 * Opens a session, unless a lock happened since `startedAt` (for example, Exit pressed while
 * Argon2id ran): then the keys are not kept and the attempt ends as aborted.
 */
export async function beginSession(master: CryptoKey, startedAt: number): Promise<void> {
  const next = await deriveKeyring(master);
  if (startedAt !== generation) throw new VaultError('aborted', 'locked while unlocking');
  tagCache.clear();
  keyring = next;
}

/** Forgets every key at once. Synchronous, so quick exit can call it inside its event handler. */
export function endSession(): void {
  generation += 1;
  keyring = null;
  tagCache.clear();
  for (const listener of endListeners) listener();
}

/** Called, synchronously, whenever the session ends: caches of decrypted data drop what they hold. */
export function onSessionEnd(listener: () => void): () => void {
  endListeners.add(listener);
  return () => endListeners.delete(listener);
}

export function isUnlocked(): boolean {
  return keyring !== null;
}

function current(): Keyring {
  if (!keyring) throw new VaultError('locked');
  return keyring;
}

/** A random record id: never a time or a counter, which would leak order and volume. */
export function newId(): string {
  return toBase64Url(randomBytes(VAULT.idBytes));
}

/**
 * The current keys, captured now: what is sealed through it later still uses them, even if the
 * session ends in between. This is how a draft saved in the lock handler outlives the lock.
 */
export interface SessionCapture {
  kindTag(kind: string): Promise<string>;
  seal(ctx: RecordContext, value: unknown): Promise<Bytes>;
}

export function captureSession(): SessionCapture {
  const ring = current();
  return {
    async kindTag(kind) {
      const cached = tagCache.get(kind);
      if (cached && keyring === ring) return cached;
      const tag = await tagFor(ring, kind);
      if (keyring === ring) tagCache.set(kind, tag);
      return tag;
    },
    seal: (ctx, value) => sealEnvelope(ring.records, ctx, utf8(JSON.stringify(value))),
  };
}

export async function kindTag(kind: string): Promise<string> {
  const cached = tagCache.get(kind);
  if (cached) return cached;
  const ring = current();
  const tag = await tagFor(ring, kind);
  if (keyring === ring) tagCache.set(kind, tag);
  return tag;
}

export async function sealRecord(ctx: RecordContext, value: unknown): Promise<Bytes> {
  return sealEnvelope(current().records, ctx, utf8(JSON.stringify(value)));
}

/** Opens a record to its parsed JSON. Validation against the kind's schema is the caller's job. */
export async function openRecord(ctx: RecordContext, sealed: Uint8Array): Promise<unknown> {
  const plaintext = await openEnvelope(current().records, ctx, sealed);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch {
    throw new VaultError('record_damaged', 'not JSON');
  }
}

/** The open vault's key, for derivations inside platform/vault only (backup.ts); not exported from index.ts. */
export function sessionMaster(): CryptoKey {
  return current().master;
}
