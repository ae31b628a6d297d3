// The safety plan against real IndexedDB, WebCrypto and Web Locks in Chromium: a round trip through
// the vault, nothing in plaintext on disk, concurrent saves that lose nothing, and what a lock seals.
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { endSession } from '../../platform/vault';
import { freshVaultEachTest } from '../../platform/store/testing';
import type { Host } from '../disguise';
import { beginExitSession, lockNow } from '../exit';
import { addOwnItem, applyTextEdit, checklist, fieldText, listOwnItems } from './model';
import { appendPlanUpdate, loadPlan, refreshPlan, savePlan } from './planStore';
import { planUpdates } from './repository';
import { startSession } from './session';

const CANARY = 'Xylophone-Kestrel-42 ہمیشہ';

const vault = freshVaultEachTest();

async function relock(): Promise<void> {
  endSession();
  await vault.unlockAgain();
}

/** Every stored record's bytes, straight from IndexedDB (a test-only path). */
async function storedBytes(): Promise<Uint8Array[]> {
  const db = await openDB('calc');
  const all = await db.getAll('r');
  db.close();
  return all.map((record: { c: Uint8Array }) => record.c);
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

async function tamper(match: (id: string) => Promise<boolean>): Promise<void> {
  const db = await openDB('calc');
  for (const record of await db.getAll('r')) {
    if (!(await match(record.id))) continue;
    record.c[record.c.length - 2] ^= 1;
    await db.put('r', record);
  }
  db.close();
}

describe('safety plan storage', () => {
  it('starts empty, and comes back whole after a lock and unlock', async () => {
    const { doc, damaged, folded } = await loadPlan();
    expect([damaged, folded, fieldText(doc, 'trusted').toString()]).toEqual([0, [], '']);
    applyTextEdit(fieldText(doc, 'trusted'), `Aunt Rose ${CANARY}`);
    applyTextEdit(fieldText(doc, 'codeWord'), 'Pineapple = call 999');
    checklist(doc, 'bag').set('id_docs', true);
    checklist(doc, 'tech').set('keyboard', true);
    addOwnItem(doc, 'Inhaler', 'own-1');
    checklist(doc, 'bag').set('own-1', true);
    await savePlan(doc);
    await relock();
    const again = (await loadPlan()).doc;
    expect(fieldText(again, 'trusted').toString()).toBe(`Aunt Rose ${CANARY}`);
    expect(fieldText(again, 'codeWord').toString()).toBe('Pineapple = call 999');
    expect(checklist(again, 'bag').toJSON()).toEqual({ id_docs: true, 'own-1': true });
    expect(checklist(again, 'tech').toJSON()).toEqual({ keyboard: true });
    expect(listOwnItems(again)).toEqual([{ id: 'own-1', label: 'Inhaler' }]);
  });

  it('keeps nothing of the plan in plaintext on disk, in UTF-8 or UTF-16', async () => {
    const { doc } = await loadPlan();
    applyTextEdit(fieldText(doc, 'notes'), CANARY);
    await savePlan(doc);
    const utf8 = new TextEncoder().encode(CANARY);
    const utf16 = new Uint8Array(CANARY.length * 2);
    for (let i = 0; i < CANARY.length; i++) new DataView(utf16.buffer).setUint16(i * 2, CANARY.charCodeAt(i), true);
    const records = await storedBytes();
    expect(records.length).toBeGreaterThan(0);
    for (const bytes of records) expect([contains(bytes, utf8), contains(bytes, utf16)]).toEqual([false, false]);
  });

  it('merges two documents saved at once: different fields, the same field and ticks all survive', async () => {
    const seed = (await loadPlan()).doc;
    applyTextEdit(fieldText(seed, 'routes'), 'Back door. Key on the hook.');
    await savePlan(seed);
    const a = (await loadPlan()).doc;
    const b = (await loadPlan()).doc;
    applyTextEdit(fieldText(a, 'safeRoom'), 'Front room');
    applyTextEdit(fieldText(b, 'destination'), "Sara's flat");
    applyTextEdit(fieldText(a, 'routes'), 'Back door (practised). Key on the hook.');
    applyTextEdit(fieldText(b, 'routes'), 'Back door. Key on the hook. Window in the box room.');
    checklist(a, 'bag').set('meds', true);
    checklist(b, 'bag').set('charger', true);
    await Promise.all([savePlan(a), savePlan(b)]);
    const merged = (await loadPlan()).doc;
    expect(fieldText(merged, 'safeRoom').toString()).toBe('Front room');
    expect(fieldText(merged, 'destination').toString()).toBe("Sara's flat");
    expect(fieldText(merged, 'routes').toString()).toBe('Back door (practised). Key on the hook. Window in the box room.');
    expect(checklist(merged, 'bag').toJSON()).toEqual({ meds: true, charger: true });
    // The one that saved first reads the other's work in when told.
    await refreshPlan(a);
    await refreshPlan(b);
    expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(merged));
    expect(fieldText(a, 'routes').toString()).toBe(fieldText(b, 'routes').toString());
  });

  it('seals changes at the moment of a lock, and folds them into the plan at the next save', async () => {
    const { doc } = await loadPlan();
    applyTextEdit(fieldText(doc, 'work'), 'Told Priya at reception');
    const sealed = appendPlanUpdate(doc, null);
    endSession(); // the keys go before the write finishes
    await sealed;
    await vault.unlockAgain();
    const reopened = await loadPlan();
    expect(fieldText(reopened.doc, 'work').toString()).toBe('Told Priya at reception');
    expect(reopened.folded).toHaveLength(1);
    await savePlan(reopened.doc);
    expect(await planUpdates.list()).toEqual([]);
    expect(fieldText((await loadPlan()).doc, 'work').toString()).toBe('Told Priya at reception');
  });

  it('saves what she typed when the app locks before the save delay is up', async () => {
    const host = { appRoot: document.createElement('div'), showCalculator: () => {}, hideCalculator: () => {} } as unknown as Host;
    beginExitSession({ host, unmount: () => {}, forget: () => {}, remount: () => {}, exitTarget: () => ({ kind: 'calculator' }) });
    const session = startSession(await loadPlan());
    applyTextEdit(fieldText(session.doc, 'children'), 'School knows: only me or Mum');
    lockNow('lock');
    await vault.unlockAgain();
    // The sealed write finishes on its own after the lock; no save timer is left to run.
    await vi.waitFor(async () => expect((await planUpdates.list()).length).toBe(1));
    expect(fieldText((await loadPlan()).doc, 'children').toString()).toBe('School knows: only me or Mum');
  });

  it('saves on its own a moment after typing stops', async () => {
    const session = startSession(await loadPlan());
    const saved = new Promise<string>((resolve) => session.onSaveState((state) => state.kind !== 'unsaved' && resolve(state.kind)));
    applyTextEdit(fieldText(session.doc, 'money'), 'Cash in the blue coat');
    expect(await saved).toBe('saved');
    session.close();
    await relock();
    expect(fieldText((await loadPlan()).doc, 'money').toString()).toBe('Cash in the blue coat');
  });

  it('keeps a damaged update on disk and says so; refuses to write over a damaged plan', async () => {
    const { doc } = await loadPlan();
    applyTextEdit(fieldText(doc, 'notes'), 'kept');
    await savePlan(doc);
    applyTextEdit(fieldText(doc, 'notes'), 'kept, and more');
    await appendPlanUpdate(doc, null);
    const updateIds = new Set((await planUpdates.list()).map((u) => u.id));
    await tamper(async (id) => updateIds.has(id));
    const partly = await loadPlan();
    expect([partly.damaged, partly.folded, fieldText(partly.doc, 'notes').toString()]).toEqual([1, [], 'kept']);
    await savePlan(partly.doc);
    expect((await planUpdates.list()).length).toBe(1);

    await tamper(async (id) => !updateIds.has(id));
    await expect(loadPlan()).rejects.toMatchObject({ code: 'damaged' });
    const before = await storedBytes();
    await expect(savePlan(new Y.Doc())).rejects.toMatchObject({ code: 'damaged' });
    expect(await storedBytes()).toEqual(before);
  });
});
