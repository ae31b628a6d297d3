// Her own contacts (an officer, an advocate, a friend, a local service): kept encrypted, and checked
// before saving so a number that cannot be dialled is refused with nothing saved.
import { createRepository } from '../../platform/store';
import { isDialable } from './dialable';
import { type ContactRole, HelplineContact } from './schema';

export const contacts = createRepository({ kind: 'helpline-contact', schema: HelplineContact, schemaVersion: 1 });

export interface ContactDraft {
  name: string;
  role: ContactRole;
  number: string;
  number2: string;
  notes: string;
}

export type ContactProblem = 'name_missing' | 'name_too_long' | 'number_missing' | 'number_invalid' | 'notes_too_long';

export type CheckedContact = { ok: true; contact: HelplineContact } | { ok: false; problem: ContactProblem; field: 'name' | 'number' | 'number2' | 'notes' };

/** The contact to save from what she typed, or the first thing wrong with it. */
export function checkContact(draft: ContactDraft): CheckedContact {
  const name = draft.name.trim();
  if (!name) return { ok: false, problem: 'name_missing', field: 'name' };
  if (name.length > 120) return { ok: false, problem: 'name_too_long', field: 'name' };
  const number = draft.number.trim();
  const number2 = draft.number2.trim();
  if (!number) return { ok: false, problem: 'number_missing', field: 'number' };
  if (!isDialable(number)) return { ok: false, problem: 'number_invalid', field: 'number' };
  if (number2 && !isDialable(number2)) return { ok: false, problem: 'number_invalid', field: 'number2' };
  const notes = draft.notes.trim();
  if (notes.length > 2000) return { ok: false, problem: 'notes_too_long', field: 'notes' };
  // Everything the schema checks was checked above, each with its own message.
  return { ok: true, contact: HelplineContact.parse({ name, role: draft.role, numbers: number2 ? [number, number2] : [number], notes }) };
}

export function draftOf(contact: HelplineContact | null): ContactDraft {
  return { name: contact?.name ?? '', role: contact?.role ?? 'officer', number: contact?.numbers[0] ?? '', number2: contact?.numbers[1] ?? '', notes: contact?.notes ?? '' };
}
