// How the plan is kept in the vault, and why in two kinds of record.
//
// The snapshot (one singleton record) holds the whole merged document as one Yjs update, so opening the
// plan reads one record plus whatever updates are waiting. Every ordinary save runs under the Web Lock
// 'calc-plan': it reads what is stored (snapshot and waiting updates), applies it into her document
// (Yjs merges, so edits another tab saved meanwhile are kept, and appear on her screen), writes the
// merged state as the new snapshot and deletes the updates it folded in — one transaction. A bare
// "changed" ping (no content) then tells other tabs to read and merge.
//
// The update records exist for the moment of a lock: keys captured synchronously can still seal, but
// nothing can be read any more, so a read-merge-write is impossible. Her unsaved changes are appended
// instead, as a new record with a random id: an append cannot overwrite another tab's work, so it needs
// no lock, and the next save folds it in. This is the shape relaying will take too (DESIGN §8): each
// update encrypted with the case key and sent, merged on arrival, snapshots compacting the history.
import * as Y from 'yjs';
import { StoreError, commitWrites } from '../../platform/store';
import { fromBase64Url, toBase64Url } from '../../platform/vault';
import { planSnapshot, planUpdates } from './repository';

const LOCK = 'calc-plan';
export const PLAN_CHANNEL = 'calc-plan';

/** The origin of changes merged in from storage: they are already saved, so they do not mark her plan unsaved. */
export const FROM_STORAGE = Symbol('plan-from-storage');

export interface Merged {
  /** Update records folded into the document (deleted by the next snapshot write). */
  folded: string[];
  /** Update records that could not be opened: kept on disk, never deleted, and she is told. */
  damaged: number;
}

function applyStored(doc: Y.Doc, encoded: string): boolean {
  try {
    Y.applyUpdate(doc, fromBase64Url(encoded), FROM_STORAGE);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads the snapshot and waiting updates and applies them into `doc`. A damaged snapshot throws
 * (StoreError 'damaged'): then nothing may be written over it.
 */
async function mergeStored(doc: Y.Doc): Promise<Merged> {
  const [snapshot, updates] = await Promise.all([planSnapshot.read(), planUpdates.list()]);
  if (snapshot && !applyStored(doc, snapshot.state)) throw new StoreError('damaged', 'plan snapshot unreadable');
  const folded: string[] = [];
  let damaged = 0;
  for (const item of updates) {
    if (!item.damaged && applyStored(doc, item.value.update)) folded.push(item.id);
    else damaged += 1;
  }
  return { folded, damaged };
}

export interface LoadedPlan extends Merged {
  doc: Y.Doc;
}

/**
 * Opens the plan: a Yjs document ready to edit, built from what the vault holds (an empty plan the
 * first time). This is what `plan.open_ms` times, from unlock to an editable plan.
 */
export async function loadPlan(): Promise<LoadedPlan> {
  const doc = new Y.Doc();
  // Shared with other readers, exclusive of a save: never a snapshot from before a save and a list of
  // updates from after it (which would miss the updates that save folded in).
  const merged = await navigator.locks.request(LOCK, { mode: 'shared' }, () => mergeStored(doc));
  return { doc, ...merged };
}

/** Reads what other tabs saved into her open document (after a "changed" ping). */
export async function refreshPlan(doc: Y.Doc): Promise<Merged> {
  return navigator.locks.request(LOCK, { mode: 'shared' }, () => mergeStored(doc));
}

/**
 * Saves `doc` without losing anyone's edits: under the lock, merges in what is stored, writes the merged
 * whole and folds away the waiting updates. Returns the state vector written (what is now safe).
 */
export async function savePlan(doc: Y.Doc): Promise<Uint8Array> {
  const written = await navigator.locks.request(LOCK, async () => {
    const { folded } = await mergeStored(doc);
    const vector = Y.encodeStateVector(doc);
    const write = await planSnapshot.prepare({ state: toBase64Url(Y.encodeStateAsUpdate(doc)) });
    await commitWrites([write], folded);
    return vector;
  });
  announce();
  return written;
}

/**
 * At a lock: seals what changed since `savedVector` as a new update record. Must be called
 * synchronously in the lock handler (the repository captures the keys before its first await).
 */
export function appendPlanUpdate(doc: Y.Doc, savedVector: Uint8Array | null): Promise<string> {
  const update = savedVector ? Y.encodeStateAsUpdate(doc, savedVector) : Y.encodeStateAsUpdate(doc);
  return planUpdates.put({ update: toBase64Url(update) });
}

// One channel for sending and hearing: a BroadcastChannel never hears its own messages, so this tab
// does not re-read what it has just written.
let channel: BroadcastChannel | null = null;
const listeners = new Set<() => void>();

function plansChannel(): BroadcastChannel | null {
  if (!channel && 'BroadcastChannel' in globalThis) {
    channel = new BroadcastChannel(PLAN_CHANNEL);
    channel.addEventListener('message', () => {
      for (const listener of listeners) listener();
    });
  }
  return channel;
}

function announce(): void {
  // Only that something changed: never any content, not even which field.
  plansChannel()?.postMessage('changed');
}

/** Called when another tab saved the plan. */
export function onPlanSavedElsewhere(listener: () => void): () => void {
  plansChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
