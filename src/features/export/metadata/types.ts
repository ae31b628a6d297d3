/** Random access to a file's bytes (an attachment is decrypted segment by segment behind it). */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export type MetadataFinding = 'location' | 'device' | 'timestamp' | 'software' | 'author' | 'other';

/** Replace `remove` bytes at `offset` of the ORIGINAL with `insert`. A plan's edits are sorted and never overlap. */
export interface ByteEdit {
  offset: number;
  remove: number;
  insert: Uint8Array;
}

export interface StripPlan {
  edits: ByteEdit[];
  removed: MetadataFinding[];
  outputSize: number;
}

export type MetadataFormat = 'jpeg' | 'png' | 'webp' | 'mp4' | 'webm' | 'heic' | 'other';

export interface MetadataReport {
  format: MetadataFormat;
  /** What was found (deduplicated); [] = nothing we know of. */
  findings: MetadataFinding[];
  /** Present when a clean copy can be made; null when the format is unknown or can't be cleaned safely. */
  strip: StripPlan | null;
  /** True when the format can hold metadata we cannot read (e.g. HEIC): the UI says "may contain". */
  unknown: boolean;
}
