// The safety plan's shape as a Yjs document (DOMAIN §5). Pure: no storage, no DOM, so it runs in Node.
//
// Why these types: every free-text field is its own top-level Y.Text, so two people editing different
// fields never touch the same structure, and two editing the same field merge character by character.
// (A Y.Text nested in a Y.Map would be created separately by each side and one would win whole: a
// lost edit.) Checklists are a Y.Map of item id → ticked, so ticks on different items both survive.
// Her own bag items are a Y.Array of {id, label}; their ticks live in the bag's map under the same id.
import * as Y from 'yjs';

export const SECTIONS = [
  { id: 'people', fields: ['trusted', 'codeWord'] },
  { id: 'places', fields: ['safePlaces', 'safeRoom'] },
  { id: 'escape', fields: ['routes', 'destination'] },
  { id: 'bag', fields: ['bagWhere'], checklist: 'bag' },
  { id: 'children', fields: ['children'] },
  { id: 'tech', fields: ['techNotes'], checklist: 'tech' },
  { id: 'work', fields: ['work'] },
  { id: 'after', fields: ['afterLeaving'] },
  { id: 'money', fields: ['money'] },
  { id: 'notes', fields: ['notes'] },
] as const;

export type Section = (typeof SECTIONS)[number];
export type SectionId = Section['id'];
export type FieldId = Section['fields'][number];
export type ChecklistId = 'bag' | 'tech';

/** The go-bag list of DOMAIN §5.2, in its order. */
export const BAG_ITEMS = ['id_docs', 'benefits_ni', 'money', 'keys', 'meds', 'legal_papers', 'contacts', 'clothes', 'comfort', 'personal', 'school_records', 'charger'] as const;
export type BagItem = (typeof BAG_ITEMS)[number];

/** Technology checks (DOMAIN §7.1–7.2, and what clearing this site's data does to this app). */
export const TECH_ITEMS = ['location', 'sharedAccount', 'parental', 'stalkerware', 'keyboard', 'siteData'] as const;
export type TechItem = (typeof TECH_ITEMS)[number];

export const OWN_ITEM_MAX = 200;

export interface OwnItem {
  id: string;
  label: string;
}

export function fieldText(doc: Y.Doc, field: FieldId): Y.Text {
  return doc.getText(`text:${field}`);
}

export function checklist(doc: Y.Doc, list: ChecklistId): Y.Map<boolean> {
  return doc.getMap<boolean>(`checks:${list}`);
}

export function ownItems(doc: Y.Doc): Y.Array<OwnItem> {
  return doc.getArray<OwnItem>('own:bag');
}

/** Her own items, skipping anything malformed (a merged update from elsewhere is not trusted blindly). */
export function listOwnItems(doc: Y.Doc): OwnItem[] {
  return ownItems(doc)
    .toArray()
    .filter((item): item is OwnItem => typeof item === 'object' && item !== null && typeof item.id === 'string' && typeof item.label === 'string');
}

export function isTicked(doc: Y.Doc, list: ChecklistId, id: string): boolean {
  return checklist(doc, list).get(id) === true;
}

export type OwnItemProblem = 'empty' | 'too_long';

export function ownItemProblem(label: string): OwnItemProblem | null {
  const trimmed = label.trim();
  if (!trimmed) return 'empty';
  if (trimmed.length > OWN_ITEM_MAX) return 'too_long';
  return null;
}

/** Adds one of her own bag items; returns its id. The caller checks `ownItemProblem` first. */
export function addOwnItem(doc: Y.Doc, label: string, id: string, origin?: unknown): string {
  doc.transact(() => ownItems(doc).push([{ id, label: label.trim() }]), origin);
  return id;
}

export function removeOwnItem(doc: Y.Doc, id: string, origin?: unknown): void {
  doc.transact(() => {
    const items = ownItems(doc);
    const index = items.toArray().findIndex((item) => item?.id === id);
    if (index >= 0) items.delete(index, 1);
    checklist(doc, 'bag').delete(id);
  }, origin);
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Turns a text field's whole new value into the smallest edit of its Y.Text (common prefix and suffix
 * kept), so a concurrent edit elsewhere in the same text survives the merge. Never splits a surrogate
 * pair: Yjs would replace half a pair with U+FFFD.
 */
export function applyTextEdit(text: Y.Text, next: string, origin?: unknown): void {
  const before = text.toString();
  if (before === next) return;
  let start = 0;
  const shortest = Math.min(before.length, next.length);
  while (start < shortest && before.charCodeAt(start) === next.charCodeAt(start)) start++;
  if (start > 0 && isHigh(before.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < shortest - start && before.charCodeAt(before.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  if (end > 0 && isLow(before.charCodeAt(before.length - end))) end--;
  const removed = before.length - start - end;
  const inserted = next.slice(start, next.length - end);
  const apply = () => {
    if (removed > 0) text.delete(start, removed);
    if (inserted) text.insert(start, inserted);
  };
  if (text.doc) text.doc.transact(apply, origin);
  else apply();
}

/** Where a cursor at `position` ends up after a change described by a Y.Text event's delta. */
export function mapPosition(delta: readonly { insert?: unknown; retain?: number; delete?: number }[], position: number): number {
  let at = 0;
  let shift = 0;
  for (const op of delta) {
    if (op.retain) at += op.retain;
    else if (typeof op.insert === 'string') {
      if (at < position) shift += op.insert.length;
    } else if (op.delete) {
      if (at < position) shift -= Math.min(op.delete, position - at);
      at += op.delete;
    }
  }
  return Math.max(0, position + shift);
}

/** Whether anything has been written or ticked (the print view says when a section is blank). */
export function sectionIsBlank(doc: Y.Doc, section: Section): boolean {
  const texts = section.fields.every((field) => fieldText(doc, field).length === 0);
  if (!('checklist' in section)) return texts;
  const ticks = [...checklist(doc, section.checklist).values()].some((v) => v === true);
  const own = section.checklist === 'bag' && listOwnItems(doc).length > 0;
  return texts && !ticks && !own;
}
