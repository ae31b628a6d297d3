// Choosing what goes in a pack and gathering it from the log: the entries that match her choice
// (orders, kinds, dates), every revision and attachment record they have, and the whole chain in
// order. Reads only; nothing in the log changes.
import { type Attachment, type IndexEntry, type OrderItem, type RevisionRecord, chainLinks, entryHistory, loadAttachment, loadIndex } from '../../evidence';
import type { ChainLink } from '../../../platform/vault';
import { PackExportProblem } from './problem';
import { type PackSelection, matchesSelection } from './selection';

export type { PackSelection } from './selection';

export { PackExportProblem } from './problem';

export interface CollectedAttachment {
  id: string;
  record: Attachment;
}

export interface CollectedEntry {
  index: IndexEntry;
  revisions: RevisionRecord[];
  attachments: CollectedAttachment[];
}

export interface Collected {
  entries: CollectedEntry[];
  /** Every link of the chain, in order. */
  chain: ChainLink[];
  orders: OrderItem[];
}

/** Gathers the matching entries (oldest first) and the whole chain. */
export async function collect(selection: PackSelection, orders: OrderItem[]): Promise<Collected> {
  const index = (await loadIndex()).filter((e) => matchesSelection(e, selection)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const listed = await chainLinks.list();
  if (listed.some((l) => l.damaged)) throw new PackExportProblem('log_damaged');
  const chain = listed.flatMap((l) => (l.damaged ? [] : [l.value as ChainLink])).sort((a, b) => a.seq - b.seq);
  if (chain.some((link, i) => link.seq !== i + 1)) throw new PackExportProblem('log_damaged');
  const entries: CollectedEntry[] = [];
  for (const entry of index) {
    const history = await entryHistory(entry.revIds);
    if (history.some((h) => 'damaged' in h)) throw new PackExportProblem('log_damaged');
    const revisions = history.flatMap((h) => ('record' in h ? [h.record] : []));
    const attachments: CollectedAttachment[] = [];
    for (const id of entry.attachments) {
      const record = await loadAttachment(id);
      if (record === 'damaged') throw new PackExportProblem('attachment_damaged');
      if (record !== 'redacted') attachments.push({ id, record });
    }
    entries.push({ index: entry, revisions, attachments });
  }
  return { entries, chain, orders };
}
