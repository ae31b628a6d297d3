// The advocate app's storage names. The advocate build (vite.pro.config.ts) puts this module in place
// of platform/store/names.ts, so her vault has names of its own: it lives on another origin anyway,
// but nothing should ever be able to take one vault for the other. Same keys as the survivor's names.
import type { STORAGE_NAMES as SURVIVOR_NAMES } from '../platform/store/names';

export const STORAGE_NAMES = {
  database: 'wm-advocate',
  recordStore: 'r',
  tagIndex: 't',
  segmentStore: 's',
  ownerIndex: 'a',
  keyFile: 'wm-advocate.dat',
  keyFileTemp: 'wm-advocate.tmp',
  keyFileLock: 'wm-advocate',
  keyFileNext: 'wm-advocate.new',
  keyFileDone: 'wm-advocate.old',
  restoreLock: 'wm-advocate-restore',
} as const satisfies Record<keyof typeof SURVIVOR_NAMES, string>;
