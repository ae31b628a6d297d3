// Messages between the page and the key-file worker.
export type KeyFileRequest =
  | { id: number; op: 'create'; bytes: Uint8Array }
  | { id: number; op: 'patch'; offset: number; bytes: Uint8Array }
  | { id: number; op: 'erase' };

export type KeyFileResponse = { id: number; ok: true } | { id: number; ok: false; name: string };
