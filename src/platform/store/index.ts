// platform/store — the only module that touches IndexedDB and the origin-private file system.
// Features keep data through encrypted repositories; the key file is read and written here for the
// unlock and settings flows. Imports platform/vault only.

export { closeDatabase, databaseExists, deleteDatabase } from './db';
export { StoreError, isStoreError, type StoreErrorCode } from './errors';
export { clearFailedAttempts, countFailedAttempt, createKeyFile, eraseKeyFile, keyFileExists, readKeyFile, replaceKeyFile } from './keyFileStore';
export { type Listed, type PreparedWrite, type Repository, type Singleton, commitWrites, createRepository, createSingleton } from './repository';
export { persistStorage, storageStatus, type StorageStatus } from './persistence';
export { countSegments, deleteSegments, getSegment, putSegment, segmentOwners } from './segments';
export { RESET_PATH, wipeDevice } from './wipe';
export { installKeyFile } from './keyFileStore';
export { rawCounts, rawRecords, rawSegments } from './backupSource';
export { type StagedItem, type Staging, beginStaging, withRestoreLock } from './staging';
export { type StoredRecord, type StoredSegment, sweepLeftoverDatabases } from './db';
