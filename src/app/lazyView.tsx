// A view whose code loads the first time it is opened, not at unlock: unlock parses everything in
// the app's first chunk, and some views carry large libraries (the safety plan's Yjs). The service
// worker precaches every chunk, so this works offline and costs one quick read the first time.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyView(props: P) {
    const [View, setView] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (View) return;
      let live = true;
      void load().then((component) => {
        loaded = component;
        if (live) setView(() => component);
      });
      return () => {
        live = false;
      };
    }, []);
    return View ? <View {...props} /> : null;
  };
}
