// What counts as a number she can dial, and what is saved from the contact form.
import { describe, expect, it } from 'vitest';
import { type ContactDraft, checkContact } from './contacts';
import { dialString, isDialable } from './dialable';

describe('isDialable', () => {
  it.each(['999', '101', '0808 2000 247', '+44 20 3866 4107', '(020) 3866-4107', '+1 800 799 7233', '123456789012345'])('accepts %s', (text) => {
    expect(isDialable(text)).toBe(true);
  });

  it.each(['', '12', 'call me', '0808 2000 247 ext 3', '44+20', '++44 20', '1234567890123456', '0800#1111', '999,55', 'tel:999'])('refuses %j', (text) => {
    expect(isDialable(text)).toBe(false);
  });
});

describe('dialString', () => {
  it('keeps digits and a leading +', () => {
    expect(dialString('+44 (0)20 3866-4107')).toBe('+440203866' + '4107');
    expect(dialString(' 0808 2000 247 ')).toBe('08082000247');
  });
});

describe('checkContact', () => {
  const draft = (patch: Partial<ContactDraft>): ContactDraft => ({ name: 'PC Jones', role: 'officer', number: '07700 900123', number2: '', notes: '', ...patch });

  it('saves a trimmed contact with its numbers as she wrote them', () => {
    expect(checkContact(draft({ name: '  PC Jones ', number2: '101', notes: ' Ref 42 ' }))).toEqual({
      ok: true,
      contact: { name: 'PC Jones', role: 'officer', numbers: ['07700 900123', '101'], notes: 'Ref 42' },
    });
  });

  it('refuses a number that cannot be dialled, naming the field', () => {
    expect(checkContact(draft({ number: 'ring after 6' }))).toEqual({ ok: false, problem: 'number_invalid', field: 'number' });
    expect(checkContact(draft({ number2: '12' }))).toEqual({ ok: false, problem: 'number_invalid', field: 'number2' });
  });

  it('needs a name and a number', () => {
    expect(checkContact(draft({ name: '   ' }))).toMatchObject({ ok: false, problem: 'name_missing' });
    expect(checkContact(draft({ number: ' ' }))).toMatchObject({ ok: false, problem: 'number_missing' });
  });

  it('refuses text too long to keep', () => {
    expect(checkContact(draft({ name: 'x'.repeat(121) }))).toMatchObject({ ok: false, problem: 'name_too_long' });
    expect(checkContact(draft({ notes: 'x'.repeat(2001) }))).toMatchObject({ ok: false, problem: 'notes_too_long' });
  });
});
