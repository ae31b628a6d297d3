// Quick log: at most four taps from home to a saved entry — open, what happened, which condition (if
// she has any), save. The time is now; details can be added later as a revision.
import { useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { Screen } from '../../../shared/ui';
import { describeError } from '../../secrets';
import { QUICK_KINDS } from '../domain/kinds';
import { blankContent } from '../content';
import { createEntry } from '../entries';
import type { ConditionRef, EntryContent } from '../schema';
import { useOrders } from '../state';
import { nowMoment } from '../time';
import { ConditionPicker } from './ConditionPicker';
import { formatTime } from './format';
import type { EvidenceNav } from './nav';

export function quickContent(kind: (typeof QUICK_KINDS)[number], conditions: ConditionRef[], at: string): EntryContent {
  return blankContent(at, { kinds: [kind], conditions, via: 'quick' });
}

export function QuickLog({ nav }: { nav: EvidenceNav }) {
  const orders = useOrders();
  const [kind, setKind] = useState<(typeof QUICK_KINDS)[number] | null>(null);
  const [conditions, setConditions] = useState<ConditionRef[]>([]);
  const [saved, setSaved] = useState<{ id: string; at: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = nowMoment().slice(0, 10);

  const save = async () => {
    if (!kind) return setError(t('evidence:quick.chooseKind'));
    setBusy(true);
    setError(null);
    const at = nowMoment();
    try {
      setSaved({ id: await createEntry(quickContent(kind, conditions, at)), at });
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  if (saved) {
    return (
      <Screen title={t('evidence:quick.title')} back={{ label: t('common:home'), onBack: nav.home }}>
        <p class="saved" role="status">
          {t('evidence:quick.saved', { time: formatTime(saved.at) })}
        </p>
        <div class="actions">
          <button type="button" class="primary" onClick={() => nav.editEntry(saved.id)}>
            {t('evidence:quick.addDetails')}
          </button>
          <button type="button" class="secondary" onClick={nav.home}>
            {t('common:home')}
          </button>
        </div>
      </Screen>
    );
  }

  return (
    <Screen title={t('evidence:quick.title')} back={{ label: t('common:home'), onBack: nav.home }}>
      <p>{t('evidence:quick.intro')}</p>
      <fieldset class="choice quick-kinds">
        <legend>{t('evidence:quick.what')}</legend>
        {QUICK_KINDS.map((k) => (
          <label class="choice-option big" key={k}>
            <input type="radio" name="quick-kind" checked={kind === k} onChange={() => (setKind(k), setError(null))} />
            <span class="choice-text">{t(`evidence:kinds.${k}`)}</span>
          </label>
        ))}
      </fieldset>
      {orders.state === 'ready' &&
        (orders.value.length > 0 ? (
          <ConditionPicker legend={t('evidence:quick.conditions')} orders={orders.value} value={conditions} onChange={setConditions} on={today} />
        ) : (
          <p class="hint">{t('evidence:quick.noConditions')}</p>
        ))}
      {error && (
        <p class="error-box" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="primary big" disabled={busy} onClick={() => void save()}>
        {t('evidence:quick.save')}
      </button>
    </Screen>
  );
}
