// Messages between the page and the key-file worker. Every operation that changes the file runs in
// the worker under one lock, and checks what it overwrites, so two tabs cannot undo each other.
export type KeyFileOp =
  /** Creates the file whole, failing with AlreadyExists if it is there. */
  | { op: 'create'; bytes: Uint8Array }
  /** Overwrites `bytes.length` bytes at `offset`, failing with Conflict unless they still equal `expected`. */
  | { op: 'replace'; offset: number; expected: Uint8Array; bytes: Uint8Array }
  /** Adds one to the u32 at `offset` and writes `at` as an f64 after it. */
  | { op: 'count'; offset: number; at: number }
  /** Zeroes `length` bytes at `offset`. */
  | { op: 'clear'; offset: number; length: number }
  | { op: 'erase' }
  /**
   * Replaces the whole file (a restore), whole or not at all: with `expected` null, creates it like
   * 'create'; otherwise fails with Conflict unless the file still equals `expected`.
   */
  | { op: 'install'; bytes: Uint8Array; expected: Uint8Array | null }
  /** Finishes an install a closed tab left half done (see keyFile.worker.ts). */
  | { op: 'settle' };

export type KeyFileRequest = KeyFileOp & { id: number };

export type KeyFileResponse = { id: number; ok: true } | { id: number; ok: false; name: string };
