// The browser's Argon2id deriver. Kept apart from kdfClient so Node tests never meet `new Worker`;
// Vite recognises this exact `new Worker(new URL(...))` shape and bundles the worker as its own chunk.
import { type KekDeriver, createWorkerDeriver } from './kdfClient';

export function createBrowserDeriver(): KekDeriver {
  return createWorkerDeriver(() => new Worker(new URL('./kdf.worker.ts', import.meta.url), { type: 'module' }));
}
