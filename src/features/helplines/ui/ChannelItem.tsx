// One way of reaching a service. A number we could not verify (U) is never offered to tap; one found
// only in secondary sources (S) is offered with a note to confirm it.
import { t } from '../../../platform/i18n';
import type { Channel } from '../schema';
import { Ltr } from './Ltr';
import { CallLink, CopyNumber, TextLink } from './NumberActions';
import { Opening } from './Opening';

export function ChannelItem({ channel, now }: { channel: Channel; now: Date }) {
  const label = channel.label === 'main' ? null : t(`helplines:labels.${channel.label}`);
  return (
    <li class="channel">
      {label && channel.type !== 'web' && channel.type !== 'email' && <p class="channel-label">{label}</p>}
      <Body channel={channel} label={label ?? t('helplines:labels.website')} />
      {channel.status === 'S' && channel.type !== 'phone' && channel.type !== 'text' && <p class="hint">({t('helplines:status.S')})</p>}
      {channel.notes.map((note) => (
        <p key={note} class="hint">
          {t(`helplines:notes.${note}`)}
        </p>
      ))}
      {channel.hours && <Opening hours={channel.hours} now={now} />}
    </li>
  );
}

function Body({ channel, label }: { channel: Channel; label: string }) {
  switch (channel.type) {
    case 'phone':
    case 'text':
      if (channel.status === 'U') return <p class="unconfirmed">{t('helplines:card.unconfirmed')}</p>;
      return (
        <>
          <div class="actions">
            {channel.type === 'phone' ? <CallLink value={channel.value} display={channel.display} /> : <TextLink value={channel.value} display={channel.display} keyword={channel.keyword} />}
            <CopyNumber display={channel.display} />
          </div>
          {channel.status === 'S' && <p class="hint confirm">{t('helplines:card.confirm')}</p>}
        </>
      );
    case 'web':
      return (
        <p>
          <Ltr k="helplines:card.web" values={{ url: channel.url }} plain={{ label }} />
          {channel.status === 'U' && ` (${t('helplines:status.U')})`}
        </p>
      );
    case 'email':
      return (
        <p>
          <Ltr k="helplines:card.email" values={{ address: channel.address }} />
          {channel.status === 'U' && ` (${t('helplines:status.U')})`}
        </p>
      );
  }
}
