// An open plan while she edits it: saves a moment after she stops typing, seals unsaved changes at
// the instant of a lock or exit, and merges in what other tabs save. Everything here is dropped when
// the plan screen closes or the session ends.
import * as Y from 'yjs';
import { onSessionEnd } from '../../platform/vault';
import { onBeforeLock } from '../exit';
import { FROM_STORAGE, type LoadedPlan, appendPlanUpdate, loadPlan, onPlanSavedElsewhere, refreshPlan, savePlan } from './planStore';

/** Long enough not to save on every key, short enough that little is ever unsaved. */
export const SAVE_DELAY_MS = 400;

export type SaveState = { kind: 'saved' } | { kind: 'unsaved' } | { kind: 'failed'; error: unknown };

export interface PlanSession {
  readonly doc: Y.Doc;
  /** Update records that could not be read (kept on disk; she is told). */
  readonly damaged: number;
  /** Saves now, merging with what other tabs saved. */
  save(): Promise<void>;
  close(): void;
  onSaveState(listener: (state: SaveState) => void): () => void;
}

export async function openPlan(): Promise<PlanSession> {
  return startSession(await loadPlan());
}

export function startSession({ doc, folded, damaged }: LoadedPlan): PlanSession {
  let dirty = false;
  /** A save under way: if a lock comes now it may never finish, so the lock seals its changes too. */
  let saving = false;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** What the vault is known to hold of this document; a lock seals only what is newer. */
  let savedVector: Uint8Array = Y.encodeStateVector(doc);
  let queue: Promise<void> = Promise.resolve();
  const stateListeners = new Set<(state: SaveState) => void>();
  const report = (state: SaveState) => stateListeners.forEach((listener) => listener(state));

  const runSave = async () => {
    if (closed && !dirty) return;
    dirty = false;
    saving = true;
    try {
      savedVector = await savePlan(doc);
      if (!dirty) report({ kind: 'saved' });
    } catch (error) {
      dirty = true;
      report({ kind: 'failed', error });
    } finally {
      saving = false;
    }
  };
  // One save at a time from this tab (the Web Lock orders tabs among themselves).
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    queue = queue.then(runSave);
    return queue;
  };

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === FROM_STORAGE || closed) return;
    dirty = true;
    report({ kind: 'unsaved' });
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void save(), SAVE_DELAY_MS);
  };
  doc.on('update', onUpdate);

  // Synchronous, before the keys go: the put captures them now and finishes after the lock.
  const flush = () => {
    if (!dirty && !saving) return;
    dirty = false;
    if (timer) clearTimeout(timer);
    timer = null;
    appendPlanUpdate(doc, savedVector).catch(() => undefined);
  };
  const offLock = onBeforeLock(flush);
  const offElsewhere = onPlanSavedElsewhere(() => {
    if (!closed) refreshPlan(doc).catch(() => undefined);
  });

  const close = () => {
    if (closed) return;
    // Leaving the screen with the keys still held: save now rather than after the delay.
    if (dirty) void save();
    closed = true;
    offLock();
    offElsewhere();
    offEnd();
    doc.off('update', onUpdate);
    stateListeners.clear();
  };
  const offEnd = onSessionEnd(() => {
    flush();
    close();
  });

  // Updates left by a lock are folded into the snapshot at once, so they do not pile up.
  if (folded.length > 0) void save();

  return {
    doc,
    damaged,
    save,
    close,
    onSaveState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
  };
}
