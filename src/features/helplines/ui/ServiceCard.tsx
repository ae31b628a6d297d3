// One service: who it is for, how to reach it, when it is open, languages and access, and where the
// details come from and how fresh they are.
import { useId } from 'preact/hooks';
import { currentLanguage, t } from '../../../platform/i18n';
import type { Service } from '../schema';
import { serviceNameLang, serviceText } from '../text';
import { ChannelItem } from './ChannelItem';
import { Ltr } from './Ltr';
import { Opening } from './Opening';

export function ServiceCard({ service, now }: { service: Service; now: Date }) {
  const id = useId();
  return (
    <li class="service">
      <article aria-labelledby={id}>
        <h3 id={id} lang={serviceNameLang(service.id, currentLanguage())}>
          {serviceText(service.id, 'name')}
        </h3>
        <p>{serviceText(service.id, 'who')}</p>
        <p class="hint">{serviceText(service.id, 'about')}</p>
        <Opening hours={service.hours} now={now} />
        <ul class="channels">
          {service.channels.map((channel, i) => (
            <ChannelItem key={i} channel={channel} now={now} />
          ))}
        </ul>
        {service.access.length > 0 && (
          <>
            <h4>{t('helplines:card.access')}</h4>
            <ul class="access">
              {service.access.map((fact) => (
                <li key={fact.kind}>
                  {t(`helplines:access.${fact.kind}`)}
                  {fact.status !== 'V' && <span class="hint"> ({t(`helplines:status.${fact.status}`)})</span>}
                </li>
              ))}
            </ul>
          </>
        )}
        {service.website && (
          <p>
            <Ltr k="helplines:card.website" values={{ url: service.website }} />
          </p>
        )}
        <details class="sources">
          <summary>{t('helplines:card.sources')}</summary>
          <p class="hint">{t('helplines:card.checked', { date: formatDay(service.lastChecked) })}</p>
          <ul>
            {service.sources.map((url) => (
              <li key={url}>
                <bdi dir="ltr">{url}</bdi>
              </li>
            ))}
          </ul>
        </details>
      </article>
    </li>
  );
}

function formatDay(iso: string): string {
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}
