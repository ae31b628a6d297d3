// Storage failures the UI must explain in plain words. Nothing in the store throws anything else
// for a condition a person could meet.

export type StoreErrorCode =
  | 'storage_full'
  | 'storage_unavailable'
  | 'damaged'
  | 'invalid'
  /** A key file already exists where one was to be created. */
  | 'exists'
  /** The key file changed (another tab) between reading it and writing a change. */
  | 'conflict';

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string = code, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}

/** Maps a DOMException from IndexedDB or OPFS to what it means for her. */
export function storageFailure(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return new StoreError('storage_full', 'storage is full', { cause: error });
  if (name === 'AlreadyExists') return new StoreError('exists', 'already exists', { cause: error });
  if (name === 'Conflict') return new StoreError('conflict', 'changed meanwhile', { cause: error });
  return new StoreError('storage_unavailable', name || 'storage failed', { cause: error });
}
