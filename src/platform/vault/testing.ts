// Test helpers for the vault (imported only by *.test.ts files).
import { deriveKek } from './kdf';
import type { KekDeriver } from './kdfClient';
import type { KdfParams } from './keyFile';

/** Derives in the current thread: Node has no Worker for Vite's worker chunk. */
export const inlineDeriver: KekDeriver = {
  derive: (secret, salt, kdf) => deriveKek(secret, salt, kdf),
  warm: () => {},
  retire: () => {},
};

/** OWASP's floor: the cheapest costs the vault accepts, so tests stay quick. */
export const FAST_KDF: KdfParams = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 };
