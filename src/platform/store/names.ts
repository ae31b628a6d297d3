// Every name the app leaves in the browser's storage. Neutral on purpose: someone looking through
// site settings or a copied profile sees a calculator's data, nothing more.
export const STORAGE_NAMES = {
  database: 'calc',
  recordStore: 'r',
  tagIndex: 't',
  segmentStore: 's',
  ownerIndex: 'a',
  keyFile: 'calc.dat',
  keyFileTemp: 'calc.tmp',
  keyFileLock: 'calc',
  /** A restore's new key file, complete, waiting to be copied over the key file in place (the commit record). */
  keyFileNext: 'calc.new',
  /** A restore's key file once copied in place: only ever erased, never read (see keyFile.worker.ts settle). */
  keyFileDone: 'calc.old',
  /** Held for a whole restore, so no tab sweeps away the database it is staging. */
  restoreLock: 'calc-restore',
} as const;
