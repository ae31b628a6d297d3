// The plan document's pure logic: minimal text edits, cursor mapping, and merges of concurrent edits.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addOwnItem, applyTextEdit, checklist, fieldText, listOwnItems, mapPosition, ownItemProblem, removeOwnItem, sectionIsBlank, SECTIONS } from './model';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('plan document', () => {
  it('turns a new field value into an edit that keeps a concurrent edit elsewhere in the text', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    applyTextEdit(fieldText(a, 'trusted'), 'Sam next door. Aunt Rose.');
    sync(a, b);
    applyTextEdit(fieldText(a, 'trusted'), 'Sam next door (07700 900123). Aunt Rose.');
    applyTextEdit(fieldText(b, 'trusted'), 'Sam next door. Aunt Rose, in Leeds.');
    sync(a, b);
    expect(fieldText(a, 'trusted').toString()).toBe('Sam next door (07700 900123). Aunt Rose, in Leeds.');
    expect(fieldText(b, 'trusted').toString()).toBe(fieldText(a, 'trusted').toString());
  });

  it('never splits a surrogate pair when editing next to one', () => {
    const doc = new Y.Doc();
    const text = fieldText(doc, 'notes');
    applyTextEdit(text, 'a😀b');
    applyTextEdit(text, 'a😁b');
    expect(text.toString()).toBe('a😁b');
    applyTextEdit(text, 'a😁😀b');
    expect(text.toString()).toBe('a😁😀b');
    expect(text.toString()).not.toContain('\uFFFD');
  });

  it('keeps edits to different fields and ticks to different items from two sides', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    applyTextEdit(fieldText(a, 'safeRoom'), 'Front room');
    applyTextEdit(fieldText(b, 'routes'), 'Back door, key on the hook');
    checklist(a, 'bag').set('keys', true);
    checklist(b, 'tech').set('location', true);
    sync(a, b);
    for (const doc of [a, b]) {
      expect(fieldText(doc, 'safeRoom').toString()).toBe('Front room');
      expect(fieldText(doc, 'routes').toString()).toBe('Back door, key on the hook');
      expect(checklist(doc, 'bag').get('keys')).toBe(true);
      expect(checklist(doc, 'tech').get('location')).toBe(true);
    }
  });

  it('adds and removes her own bag items, with their ticks', () => {
    const doc = new Y.Doc();
    expect(ownItemProblem('   ')).toBe('empty');
    expect(ownItemProblem('x'.repeat(201))).toBe('too_long');
    expect(ownItemProblem(' Inhaler ')).toBeNull();
    addOwnItem(doc, ' Inhaler ', 'own-1');
    addOwnItem(doc, 'Glasses', 'own-2');
    checklist(doc, 'bag').set('own-1', true);
    expect(listOwnItems(doc)).toEqual([
      { id: 'own-1', label: 'Inhaler' },
      { id: 'own-2', label: 'Glasses' },
    ]);
    removeOwnItem(doc, 'own-1');
    expect(listOwnItems(doc)).toEqual([{ id: 'own-2', label: 'Glasses' }]);
    expect(checklist(doc, 'bag').has('own-1')).toBe(false);
  });

  it('says a section is blank until something is written or ticked in it', () => {
    const doc = new Y.Doc();
    const bag = SECTIONS.find((s) => s.id === 'bag');
    if (!bag) throw new Error('no bag section');
    expect(sectionIsBlank(doc, bag)).toBe(true);
    checklist(doc, 'bag').set('meds', true);
    expect(sectionIsBlank(doc, bag)).toBe(false);
  });

  it('moves a cursor with text inserted or deleted before it, not after it', () => {
    expect(mapPosition([{ insert: 'abc' }], 2)).toBe(5);
    expect(mapPosition([{ retain: 4 }, { insert: 'abc' }], 2)).toBe(2);
    expect(mapPosition([{ retain: 1 }, { delete: 2 }], 4)).toBe(2);
    expect(mapPosition([{ retain: 3 }, { delete: 3 }], 4)).toBe(3);
  });
});
