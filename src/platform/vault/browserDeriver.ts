// The browser's Argon2id deriver, one per page. Kept apart from kdfClient so Node tests never meet
// `new Worker`; Vite recognises this exact `new Worker(new URL(...))` shape and bundles the worker
// as its own hash-named chunk.
import { type KekDeriver, createWorkerDeriver } from './kdfClient';

let shared: KekDeriver | null = null;

export function getBrowserDeriver(): KekDeriver {
  shared ??= createWorkerDeriver(() => new Worker(new URL('./kdf.worker.ts', import.meta.url), { type: 'module' }));
  return shared;
}
