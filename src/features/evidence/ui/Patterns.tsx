// Patterns and warning signs: what her log shows, in plain words, with where to get help.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { Field, Screen } from '../../../shared/ui';
import { describeError } from '../../secrets';
import { type Flag, escalationFlags } from '../escalation';
import { logSettings } from '../repository';
import { useIndex, useOrders } from '../state';
import { nowMoment } from '../time';
import { formatDateTime } from './format';
import type { EvidenceNav } from './nav';
import { WeeklyChart } from './WeeklyChart';

export function usePatternFlags(separatedOn: string | null) {
  const index = useIndex();
  const orders = useOrders();
  const now = nowMoment();
  const flags = useMemo(() => {
    if (index.state !== 'ready' || orders.state !== 'ready') return null;
    const withIds = orders.value.flatMap((o) => (o.damaged ? [] : [{ id: o.id, order: o.value }]));
    return escalationFlags(index.value, withIds, now, separatedOn);
  }, [index, orders, separatedOn]);
  return { index, flags, now };
}

/** The warning signs her log raises now, with her separation date as saved (null while loading). */
export function useLogFlags(): readonly Flag[] | null {
  const [separatedOn, setSeparatedOn] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    logSettings.read().then((s) => live && setSeparatedOn(s?.separatedOn ?? null), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return usePatternFlags(separatedOn).flags;
}

export function Patterns({ nav }: { nav: EvidenceNav }) {
  const [separatedOn, setSeparatedOn] = useState<string | null>(null);
  const [dateField, setDateField] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    logSettings.read().then((s) => (setSeparatedOn(s?.separatedOn ?? null), setDateField(s?.separatedOn ?? '')), () => undefined);
  }, []);
  const { index, flags, now } = usePatternFlags(separatedOn);

  const saveDate = async () => {
    const value = /^\d{4}-\d{2}-\d{2}$/.test(dateField) ? dateField : null;
    try {
      await logSettings.write({ separatedOn: value });
      setSeparatedOn(value);
      setMessage(t('evidence:patterns.separation.saved'));
    } catch (failure) {
      setMessage(describeError(failure));
    }
  };

  return (
    <Screen title={t('evidence:patterns.title')} back={{ label: t('evidence:timeline.title'), onBack: nav.log }}>
      <p>{t('evidence:patterns.intro')}</p>
      <h2>{t('evidence:patterns.flagsTitle')}</h2>
      {flags?.length === 0 && <p>{t('evidence:patterns.none')}</p>}
      {flags && flags.length > 0 && (
        <ul class="flags">
          {flags.map((f) => (
            <li key={f.id} class="flag">
              <h3>{t(`evidence:patterns.flags.${f.id}.title`)}</h3>
              <p>{t(`evidence:patterns.flags.${f.id}.why`)}</p>
              <p class="hint">{t('evidence:patterns.seen', { count: f.count, when: formatDateTime(f.latest) })}</p>
            </li>
          ))}
        </ul>
      )}
      <p class="warning">{t('evidence:patterns.help')}</p>
      {index.state === 'ready' && <WeeklyChart entries={index.value} now={now} />}
      <div class="stack">
        <Field type="date" label={t('evidence:patterns.separation.label')} hint={t('evidence:patterns.separation.hint')} value={dateField} onInput={setDateField} />
        <button type="button" class="secondary" onClick={() => void saveDate()}>
          {t('evidence:patterns.separation.save')}
        </button>
        {message && <p role="status">{message}</p>}
      </div>
    </Screen>
  );
}
