// One of her contacts, with Call, Text and Copy for each number, and Edit and Delete. Deleting asks
// once more, in place.
import { useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { dialString } from '../dialable';
import type { HelplineContact } from '../schema';
import { CallLink, CopyNumber, TextLink } from './NumberActions';

export interface ContactCardProps {
  contact: HelplineContact;
  onEdit: () => void;
  onDelete: () => void;
}

export function ContactCard({ contact, onEdit, onDelete }: ContactCardProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <li class="contact">
      <h3>{contact.name}</h3>
      <p class="hint">{t(`helplines:contacts.roles.${contact.role}`)}</p>
      <ul class="channels">
        {contact.numbers.map((number, i) => (
          <li key={i} class="channel">
            <div class="actions">
              <CallLink value={dialString(number)} display={number.trim()} />
              <TextLink value={dialString(number)} display={number.trim()} />
              <CopyNumber display={number.trim()} />
            </div>
          </li>
        ))}
      </ul>
      {contact.notes && <p class="prewrap">{contact.notes}</p>}
      {confirming ? (
        <div class="notice" role="group" aria-label={t('helplines:contacts.confirmDelete', { name: contact.name })}>
          <p>{t('helplines:contacts.confirmDelete', { name: contact.name })}</p>
          <div class="actions">
            <button type="button" class="danger" onClick={onDelete}>
              {t('helplines:contacts.yesDelete')}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              {t('common:cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div class="actions">
          <button type="button" class="secondary" onClick={onEdit}>
            {t('helplines:contacts.edit', { name: contact.name })}
          </button>
          <button type="button" class="secondary" onClick={() => setConfirming(true)}>
            {t('helplines:contacts.delete', { name: contact.name })}
          </button>
        </div>
      )}
    </li>
  );
}
