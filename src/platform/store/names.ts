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
} as const;
