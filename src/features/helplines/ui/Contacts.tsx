// Her own contacts: listed first on the helplines screen, added, edited and deleted here. They are
// read from the encrypted store when the screen opens and kept only in this component's state.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import type { Listed } from '../../../platform/store';
import { describeError } from '../../secrets';
import { contacts } from '../contacts';
import type { HelplineContact } from '../schema';
import { ContactCard } from './ContactCard';
import { ContactForm } from './ContactForm';

type Mode = { kind: 'list' } | { kind: 'add' } | { kind: 'edit'; id: string; contact: HelplineContact };

export function Contacts() {
  const [list, setList] = useState<Listed<HelplineContact>[] | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const load = () =>
    contacts.list().then(
      (found) => setList(found),
      (error: unknown) => setFailure(describeError(error)),
    );
  useEffect(() => void load(), []);

  const remove = async (id: string) => {
    try {
      await contacts.delete(id);
      setMessage(t('helplines:contacts.deleted'));
      await load();
    } catch (error) {
      setFailure(describeError(error));
    }
  };

  if (mode.kind !== 'list') {
    return (
      <section class="contacts-section">
        <ContactForm
          editing={mode.kind === 'edit' ? { id: mode.id, contact: mode.contact } : undefined}
          onSaved={() => {
            setMode({ kind: 'list' });
            setMessage(t('helplines:contacts.saved'));
            void load();
          }}
          onCancel={() => setMode({ kind: 'list' })}
        />
      </section>
    );
  }

  const good = (list ?? []).flatMap((item) => (item.damaged ? [] : [item])).sort((a, b) => a.value.name.localeCompare(b.value.name));
  const damaged = (list ?? []).some((item) => item.damaged);
  return (
    <section class="contacts-section" aria-labelledby="contacts-title">
      <h2 id="contacts-title">{t('helplines:contacts.title')}</h2>
      <p class="saved-status" role="status">
        {message}
      </p>
      {failure && (
        <p class="error-box" role="alert">
          {failure}
        </p>
      )}
      {damaged && <p class="error-box">{t('helplines:contacts.damaged')}</p>}
      {list && good.length === 0 && !damaged && <p class="hint">{t('helplines:contacts.none')}</p>}
      <ul class="contacts">
        {good.map((item) => (
          <ContactCard key={item.id} contact={item.value} onEdit={() => (setMessage(''), setMode({ kind: 'edit', id: item.id, contact: item.value }))} onDelete={() => void remove(item.id)} />
        ))}
      </ul>
      <button type="button" class="secondary" onClick={() => (setMessage(''), setMode({ kind: 'add' }))}>
        {t('helplines:contacts.add')}
      </button>
    </section>
  );
}
