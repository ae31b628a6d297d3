// Choosing Argon2id costs for this device. DESIGN §4: 64 MiB, t=3 by default; on a slow phone lower
// the cost to keep unlock near the target, never below OWASP's floor (19 MiB, t=2).

import { randomBytes } from './bytes';
import { VAULT } from './constants';
import type { KekDeriver } from './kdfClient';
import type { KdfParams } from './keyFile';

export const UNLOCK_TARGET_MS = 1500;

const MiB = 1024;

/** Given how long the default costs took here, the costs to use. */
export function chooseKdfParams(defaultMs: number, targetMs: number = UNLOCK_TARGET_MS): KdfParams {
  const k = VAULT.kdf;
  const defaults: KdfParams = { memoryKiB: k.memoryKiB, iterations: k.iterations, parallelism: k.parallelism };
  if (!(defaultMs > targetMs)) return defaults;
  // Argon2id's time grows with memory × passes; scale the product down to the target.
  const budget = (k.memoryKiB * k.iterations * targetMs) / defaultMs;
  for (const iterations of [k.iterations, k.floorIterations]) {
    const memoryKiB = Math.floor(budget / iterations / MiB) * MiB;
    if (memoryKiB >= k.floorMemoryKiB) return { memoryKiB, iterations, parallelism: k.parallelism };
  }
  return FLOOR_KDF;
}

export const DEFAULT_KDF: KdfParams = { memoryKiB: VAULT.kdf.memoryKiB, iterations: VAULT.kdf.iterations, parallelism: VAULT.kdf.parallelism };

/** The lowest costs the vault accepts (OWASP's floor). */
export const FLOOR_KDF: KdfParams = { memoryKiB: VAULT.kdf.floorMemoryKiB, iterations: VAULT.kdf.floorIterations, parallelism: VAULT.kdf.parallelism };

/**
 * Times Argon2id at the default costs on this device (after one warm-up run, since the first run in
 * a worker also compiles the WebAssembly) and chooses the costs to use.
 */
export async function calibrateKdf(deriver: KekDeriver, now: () => number = () => performance.now()): Promise<KdfParams> {
  const salt = randomBytes(VAULT.kdf.saltBytes);
  await deriver.derive(randomBytes(8), salt, DEFAULT_KDF);
  const started = now();
  await deriver.derive(randomBytes(8), salt, DEFAULT_KDF);
  return chooseKdfParams(now() - started);
}
