// Loading her checks and assessments for the screens while unlocked. Nothing is
// kept after the screen closes.
import { useEffect, useState } from 'preact/hooks';
import type { Listed, Repository } from '../../platform/store';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: { id: string; value: T }[]; damaged: number } | { state: 'failed'; error: unknown };

/** A repository's records, loaded again whenever `version` changes (after she saves). */
export function useRecords<T>(repository: Repository<T>, version: number): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    repository.list().then(
      (all: Listed<T>[]) => {
        if (!live) return;
        const value = all.flatMap((r) => (r.damaged ? [] : [{ id: r.id, value: r.value }]));
        setLoaded({ state: 'ready', value, damaged: all.length - value.length });
      },
      (error: unknown) => live && setLoaded({ state: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [repository, version]);
  return loaded;
}
