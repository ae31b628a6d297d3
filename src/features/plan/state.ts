// Hooks that give the plan screen its open document, and re-render what shows it as it changes (her
// own edits, or edits merged in from another tab).
//
// Why each part subscribes for itself: with @preact/signals, a component whose props have not changed
// is not re-rendered with its parent, and the document object never changes identity. So whatever
// shows a part of the document keeps its own subscription to that part.
import { useEffect, useState } from 'preact/hooks';
import * as Y from 'yjs';
import { type PlanSession, openPlan } from './session';

export type PlanLoad = { state: 'loading' } | { state: 'ready'; session: PlanSession } | { state: 'failed'; error: unknown };

/** Opens the plan for as long as the calling component is mounted. */
export function usePlan(): PlanLoad {
  const [load, setLoad] = useState<PlanLoad>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    let session: PlanSession | null = null;
    openPlan().then(
      (opened) => {
        if (!live) return opened.close();
        session = opened;
        setLoad({ state: 'ready', session: opened });
      },
      (error: unknown) => live && setLoad({ state: 'failed', error }),
    );
    return () => {
      live = false;
      session?.close();
    };
  }, []);
  return load;
}

interface Observable {
  observe(listener: () => void): void;
  unobserve(listener: () => void): void;
}

/** Re-renders the caller whenever any of `types` (or, given a Doc, anything in it) changes. */
export function useObserved(...types: readonly (Y.Doc | Observable)[]): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const offs = types.map((type) => {
      if (type instanceof Y.Doc) {
        type.on('update', bump);
        return () => type.off('update', bump);
      }
      type.observe(bump);
      return () => type.unobserve(bump);
    });
    return () => offs.forEach((off) => off());
    // The types are stable for the document's life; re-subscribe only if they change.
  }, types);
  return version;
}
