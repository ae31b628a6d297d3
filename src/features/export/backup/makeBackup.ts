// Making a backup: the database's raw records and segments, framed and sealed by platform/vault into
// one stream (header first), pulled a segment at a time by whoever saves it. Memory stays flat: the
// store reads a few segments per page and the stream holds one sealed segment at a time.
import { StoreError, rawCounts, rawRecords, rawSegments, readKeyFile } from '../../../platform/store';
import { type BackupSealer, getBrowserDeriver, startBackup } from '../../../platform/vault';
import { settingsRecord, slotRolesRecord } from '../../settings';

export class BackupUnavailable extends Error {
  constructor() {
    super('backup refused in this vault');
    this.name = 'BackupUnavailable';
  }
}

export interface BackupOptions {
  /** Her passphrase, to let it open the backup too (refused unless strong and correct). */
  passphrase?: string;
  signal?: AbortSignal;
  /** Items sealed so far, of the total (records and segments). */
  onProgress?: (done: number, total: number) => void;
}

async function* sealedChunks(sealer: BackupSealer, total: number, options: BackupOptions): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  const check = () => {
    if (options.signal?.aborted) throw options.signal.reason ?? new DOMException('aborted', 'AbortError');
  };
  let done = 0;
  const step = () => options.onProgress?.(++done, total);
  yield sealer.header;
  // Records first, then segments: an attachment added while this runs has its segments copied too
  // (or swept as orphans later); its record, made after the records were read, is not.
  for await (const record of rawRecords()) {
    check();
    yield* await sealer.push({ kind: 'record', id: record.id, t: record.t, v: record.v, c: record.c });
    step();
  }
  for await (const segment of rawSegments()) {
    check();
    yield* await sealer.push({ kind: 'segment', a: segment.a, i: segment.i, c: segment.c });
    step();
  }
  yield* await sealer.finish();
  options.onProgress?.(total, total);
}

/** Turns a pull-driven generator into a stream that asks for the next chunk only when the last is taken. */
function streamOf(chunks: AsyncGenerator<Uint8Array<ArrayBuffer>>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

/** The whole vault as one encrypted stream. Nothing is read until the stream is pulled. */
export async function makeBackup(options: BackupOptions = {}): Promise<ReadableStream<Uint8Array>> {
  const [settings, roles, keyFile] = await Promise.all([settingsRecord.read(), slotRolesRecord.read(), readKeyFile()]);
  // A duress vault never lets data leave the phone.
  if (settings?.noSync) throw new BackupUnavailable();
  if (!roles || !keyFile) throw new StoreError('damaged', 'slot roles or key file missing');
  let sealer: BackupSealer;
  if (options.passphrase) {
    const deriver = getBrowserDeriver();
    try {
      sealer = await startBackup(keyFile, { recovery: roles.recovery, passphrase: { index: roles.secret, text: options.passphrase, deriver } });
    } finally {
      deriver.retire();
    }
  } else {
    sealer = await startBackup(keyFile, { recovery: roles.recovery });
  }
  const counts = await rawCounts();
  return streamOf(sealedChunks(sealer, counts.records + counts.segments, options));
}

/** Records when a backup last succeeded (auto-wipe is offered only once one exists). Returns the time. */
export async function noteBackupMade(at: Date = new Date()): Promise<string> {
  const iso = at.toISOString();
  const current = await settingsRecord.read();
  if (current) await settingsRecord.write({ ...current, lastBackupAt: iso });
  return iso;
}
