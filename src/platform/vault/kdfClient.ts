// Runs Argon2id off the main thread. One warm worker is kept for speed (the first Argon2id call in a
// fresh worker is slower); abandoning an attempt terminates the worker outright, which stops the
// work and frees its 64 MiB at once, and a worker that produced a real key is retired too, so no
// Argon2 memory tied to a correct secret outlives the unlock.

import { VaultError } from './errors';
import type { KdfParams } from './keyFile';
import type { KdfRequest, KdfResponse } from './kdfProtocol';

export interface KekDeriver {
  derive(secret: Uint8Array, salt: Uint8Array, kdf: KdfParams, signal?: AbortSignal): Promise<CryptoKey>;
  /** Starts the worker ahead of need, so the first attempt does not pay for its start-up. */
  warm(): void;
  /** The worker has served its purpose (an unlock succeeded): start afresh next time. */
  retire(): void;
}

export function createWorkerDeriver(spawn: () => Worker): KekDeriver {
  let worker: Worker | null = null;
  let nextId = 1;

  const ensure = (): Worker => {
    if (!worker) {
      worker = spawn();
      const warm: KdfRequest = { id: 0, kind: 'warm' };
      worker.postMessage(warm);
    }
    return worker;
  };
  const retire = () => {
    worker?.terminate();
    worker = null;
  };

  return {
    warm: () => void ensure(),
    retire,
    derive(secret, salt, kdf, signal) {
      if (signal?.aborted) return Promise.reject(new VaultError('aborted'));
      const target = ensure();
      const id = nextId++;
      return new Promise<CryptoKey>((resolve, reject) => {
        const cleanup = () => {
          target.removeEventListener('message', onMessage);
          target.removeEventListener('error', onError);
          signal?.removeEventListener('abort', onAbort);
        };
        const onMessage = (event: MessageEvent<KdfResponse>) => {
          if (event.data.id !== id) return;
          cleanup();
          if (event.data.ok) resolve(event.data.key);
          else reject(new VaultError(event.data.code));
        };
        const onError = () => {
          cleanup();
          if (worker === target) retire();
          reject(new VaultError('aborted', 'worker failed'));
        };
        const onAbort = () => {
          cleanup();
          if (worker === target) retire();
          reject(new VaultError('aborted'));
        };
        target.addEventListener('message', onMessage);
        target.addEventListener('error', onError);
        signal?.addEventListener('abort', onAbort, { once: true });
        const copy = new Uint8Array(secret);
        const request: KdfRequest = { id, secret: copy, salt: new Uint8Array(salt), kdf };
        target.postMessage(request, [copy.buffer]);
      });
    },
  };
}
