// The log: newest first, grouped by day, filtered by kind, condition and dates, and searched by any
// words, all from the encrypted index. Rendered a page at a time, so ten thousand entries never all
// reach the DOM.
import { useMemo, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { Field, Screen } from '../../../shared/ui';
import { describeError } from '../../secrets';
import { INCIDENT_KINDS, type IncidentKind } from '../domain/kinds';
import { type LogFilter, NO_FILTER, filterEntries, groupByDay } from '../filter';
import { keptAfterLock, useIndex, useOrders } from '../state';
import { formatDay, formatTime } from './format';
import { LogCheckStatus } from './LogCheckStatus';
import { FlagsNotice } from './FlagsNotice';
import type { EvidenceNav } from './nav';
import { orderTitle } from './orderText';

const PAGE = 50;

export function Timeline({ nav }: { nav: EvidenceNav }) {
  const index = useIndex();
  const orders = useOrders();
  const [filter, setFilter] = useState<LogFilter>(NO_FILTER);
  const [shown, setShown] = useState(PAGE);
  const matches = useMemo(() => (index.state === 'ready' ? filterEntries(index.value, filter) : []), [index, filter]);
  const groups = useMemo(() => groupByDay(matches.slice(0, shown)), [matches, shown]);
  const update = (patch: Partial<LogFilter>) => (setFilter({ ...filter, ...patch }), setShown(PAGE));
  const conditionOptions = orders.state === 'ready' ? orders.value.flatMap((o) => (o.damaged ? [] : o.value.conditions.map((c) => ({ value: `${o.id}/${c.id}`, label: `${orderTitle(o.value)}: ${c.text}` })))) : [];

  return (
    <Screen title={t('evidence:timeline.title')} back={{ label: t('common:home'), onBack: nav.home }}>
      <div class="actions">
        <button type="button" class="primary" onClick={nav.quickLog}>
          {t('evidence:home.quickLog')}
        </button>
        <button type="button" class="secondary" onClick={nav.newEntry}>
          {t('evidence:timeline.newEntry')}
        </button>
      </div>
      {keptAfterLock.value > 0 && (
        <p class="notice" role="status">
          {t('evidence:capture.keptAfterLock')}
        </p>
      )}
      <LogCheckStatus />
      <FlagsNotice onOpen={nav.patterns} />
      <Field label={t('evidence:timeline.search')} value={filter.text} onInput={(text) => update({ text })} />
      <details class="filters">
        <summary>{t('evidence:timeline.filters')}</summary>
        <div class="stack">
          <label class="field">
            <span>{t('evidence:timeline.kind')}</span>
            <select value={filter.kind} onChange={(e) => update({ kind: e.currentTarget.value as IncidentKind | '' })}>
              <option value="">{t('evidence:timeline.anyKind')}</option>
              {INCIDENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`evidence:kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          {conditionOptions.length > 0 && (
            <label class="field">
              <span>{t('evidence:timeline.condition')}</span>
              <select value={filter.condition} onChange={(e) => update({ condition: e.currentTarget.value })}>
                <option value="">{t('evidence:timeline.anyCondition')}</option>
                {conditionOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <Field type="date" label={t('evidence:timeline.from')} value={filter.from} onInput={(from) => update({ from })} />
          <Field type="date" label={t('evidence:timeline.to')} value={filter.to} onInput={(to) => update({ to })} />
          <button type="button" class="secondary" onClick={() => update(NO_FILTER)}>
            {t('evidence:timeline.clear')}
          </button>
        </div>
      </details>
      {index.state === 'failed' && (
        <p class="error-box" role="alert">
          {describeError(index.error)}
        </p>
      )}
      {index.state === 'ready' && (
        <p class="hint" role="status">
          {index.value.length === 0 ? t('evidence:timeline.empty') : matches.length === 0 ? t('evidence:timeline.noMatches') : t('evidence:timeline.count', { count: matches.length })}
        </p>
      )}
      {groups.map((group) => (
        <section key={group.day} class="day" aria-labelledby={`day-${group.day}`}>
          <h2 id={`day-${group.day}`}>{formatDay(group.entries[0]?.at ?? group.day)}</h2>
          <ul class="entries">
            {group.entries.map((entry) => (
              <li key={entry.id}>
                <button type="button" class="entry-row" onClick={() => nav.entry(entry.id)}>
                  <span class="entry-time">
                    {entry.approximate ? '~' : ''}
                    {formatTime(entry.at)}
                  </span>
                  <span class="entry-kinds">{entry.redactedAt ? t('evidence:timeline.redacted') : entry.kinds.map((k) => t(`evidence:kinds.${k}`)).join(', ')}</span>
                  {entry.snippet && <span class="entry-snippet">{entry.snippet}</span>}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {matches.length > shown && (
        <button type="button" class="secondary" onClick={() => setShown(shown + PAGE)}>
          {t('evidence:timeline.more')}
        </button>
      )}
    </Screen>
  );
}
