// Building a strip plan: the edits a walker collects, checked and summed once.
import { MetadataMalformed, sortFindings } from './bytes';
import type { ByteEdit, MetadataFinding, StripPlan } from './types';

/** Edits sorted by offset; MetadataMalformed if two overlap or one runs past the end of the file. */
export function makePlan(edits: ByteEdit[], removed: Iterable<MetadataFinding>, size: number): StripPlan {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  let end = 0;
  let outputSize = size;
  for (const edit of sorted) {
    if (edit.offset < end || edit.remove < 0 || edit.offset + edit.remove > size) throw new MetadataMalformed('bad_structure');
    end = edit.offset + edit.remove;
    outputSize += edit.insert.length - edit.remove;
  }
  return { edits: sorted, removed: sortFindings(removed), outputSize };
}
