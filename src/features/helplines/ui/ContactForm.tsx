// Adding or editing one of her contacts. A number that cannot be dialled is refused with a message
// next to it, and nothing is saved.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { Field } from '../../../shared/ui';
import { describeError } from '../../secrets';
import { type ContactDraft, type ContactProblem, checkContact, contacts, draftOf } from '../contacts';
import { CONTACT_ROLES, type ContactRole, type HelplineContact } from '../schema';

export interface ContactFormProps {
  /** The contact being edited, with its id; absent when adding. */
  editing?: { id: string; contact: HelplineContact };
  onSaved: () => void;
  onCancel: () => void;
}

export function ContactForm({ editing, onSaved, onCancel }: ContactFormProps) {
  const [draft, setDraft] = useState<ContactDraft>(draftOf(editing?.contact ?? null));
  const [problem, setProblem] = useState<{ problem: ContactProblem; field: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const roleId = useId();
  useEffect(() => heading.current?.focus(), []);

  const set = (patch: Partial<ContactDraft>) => setDraft({ ...draft, ...patch });
  const errorFor = (field: string) => (problem?.field === field ? t(`helplines:contacts.problems.${problem.problem}`) : null);

  const save = async () => {
    const checked = checkContact(draft);
    if (!checked.ok) {
      setProblem({ problem: checked.problem, field: checked.field });
      return;
    }
    setProblem(null);
    setFailure(null);
    setBusy(true);
    try {
      await contacts.put(checked.contact, editing?.id);
      onSaved();
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="contact-form">
      <h2 tabIndex={-1} ref={heading}>
        {editing ? t('helplines:contacts.editTitle') : t('helplines:contacts.addTitle')}
      </h2>
      {problem && (
        <p class="error-box" role="alert">
          {t(`helplines:contacts.problems.${problem.problem}`)}
        </p>
      )}
      {failure && (
        <p class="error-box" role="alert">
          {failure}
        </p>
      )}
      <Field label={t('helplines:contacts.name')} value={draft.name} onInput={(name) => set({ name })} error={errorFor('name')} />
      <label class="field" for={roleId}>
        {t('helplines:contacts.role')}
        <select id={roleId} value={draft.role} onChange={(event) => set({ role: event.currentTarget.value as ContactRole })}>
          {CONTACT_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`helplines:contacts.roles.${role}`)}
            </option>
          ))}
        </select>
      </label>
      <Field label={t('helplines:contacts.number')} hint={t('helplines:contacts.numberHint')} value={draft.number} onInput={(number) => set({ number })} inputMode="text" error={errorFor('number')} />
      <Field label={t('helplines:contacts.number2')} value={draft.number2} onInput={(number2) => set({ number2 })} error={errorFor('number2')} />
      <Field label={t('helplines:contacts.notes')} value={draft.notes} onInput={(notes) => set({ notes })} multiline error={errorFor('notes')} />
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void save()}>
          {t('helplines:contacts.save')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common:cancel')}
        </button>
      </div>
    </div>
  );
}
