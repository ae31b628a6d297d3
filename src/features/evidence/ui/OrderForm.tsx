// Adding or editing an order: its kind (from her region's list), who made it, dates, reference, and its
// conditions, offered from the typical wording for that kind and editable to match her paperwork.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { newId } from '../../../platform/vault';
import { Choice, Field, Screen } from '../../../shared/ui';
import { describeError } from '../../secrets';
import type { Region } from '../../settings';
import { ORDER_KINDS, ORDER_KINDS_BY_REGION, type OrderKind } from '../domain/orders';
import { orders } from '../repository';
import { type Condition, Order } from '../schema';
import type { EvidenceNav } from './nav';

interface DraftCondition extends Condition {
  included: boolean;
}

function typicalConditions(kind: OrderKind): DraftCondition[] {
  return ORDER_KINDS[kind].typical.map((type) => ({ id: newId(), type, text: t(`evidence:conditions.${type}`), included: false }));
}

export function OrderForm({ nav, id, region }: { nav: EvidenceNav; id?: string; region: Region }) {
  const kinds = ORDER_KINDS_BY_REGION[region];
  const [order, setOrder] = useState<Omit<Order, 'conditions'> | null>(id ? null : { kind: kinds[0] as OrderKind, name: '', madeBy: '', from: null, until: null, untilFurtherOrder: false, reference: '', notes: '' });
  const [conditions, setConditions] = useState<DraftCondition[]>(id ? [] : typicalConditions(kinds[0] as OrderKind));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!id) return;
    orders.get(id).then(
      (found) => {
        if (!found) return setError(t('common:errors.damaged'));
        const { conditions: existing, ...rest } = found;
        setOrder(rest);
        const kept = existing.map((c) => ({ ...c, included: true }));
        const offered = typicalConditions(found.kind).filter((c) => !existing.some((e) => e.type === c.type));
        setConditions([...kept, ...offered]);
      },
      (failure: unknown) => setError(describeError(failure)),
    );
  }, [id]);

  if (!order) return <Screen title={t('evidence:orders.formTitle')}>{error && <p class="error-box">{error}</p>}</Screen>;

  const set = (patch: Partial<typeof order>) => setOrder({ ...order, ...patch });
  const changeKind = (kind: OrderKind) => {
    set({ kind });
    setConditions([...conditions.filter((c) => c.included), ...typicalConditions(kind).filter((c) => !conditions.some((e) => e.included && e.type === c.type))]);
  };
  const updateCondition = (cid: string, patch: Partial<DraftCondition>) => setConditions(conditions.map((c) => (c.id === cid ? { ...c, ...patch } : c)));

  const save = async () => {
    const chosen = conditions.filter((c) => c.included && c.text.trim()).map(({ included: _included, ...c }) => ({ ...c, text: c.text.trim() }));
    if (chosen.length === 0) return setError(t('evidence:orders.problems.no_conditions'));
    const parsed = Order.safeParse({ ...order, until: order.untilFurtherOrder ? null : order.until, conditions: chosen });
    if (!parsed.success) return setError(t('evidence:orders.problems.end_before_start'));
    setBusy(true);
    setError(null);
    try {
      await orders.put(parsed.data, id);
      nav.orders();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title={t('evidence:orders.formTitle')} back={{ label: t('evidence:orders.title'), onBack: nav.orders }}>
      <Choice legend={t('evidence:orders.kind')} options={kinds.map((k) => ({ value: k, label: t(`evidence:orders.kinds.${k}`) }))} value={order.kind} onChange={changeKind} />
      <div class="notice">
        <h2>{t('evidence:orders.breachTitle')}</h2>
        <p>{t(`evidence:orders.breach.${ORDER_KINDS[order.kind].breach}`)}</p>
      </div>
      <Field label={t('evidence:orders.name')} value={order.name} onInput={(name) => set({ name })} />
      <Field label={t('evidence:orders.madeBy')} value={order.madeBy} onInput={(madeBy) => set({ madeBy })} />
      <Field type="date" label={t('evidence:orders.startDate')} value={order.from ?? ''} onInput={(from) => set({ from: from || null })} />
      <label class="check">
        <input type="checkbox" checked={order.untilFurtherOrder} onChange={(e) => set({ untilFurtherOrder: e.currentTarget.checked })} />
        {t('evidence:orders.noEnd')}
      </label>
      {!order.untilFurtherOrder && <Field type="date" label={t('evidence:orders.endDate')} value={order.until ?? ''} onInput={(until) => set({ until: until || null })} />}
      <Field label={t('evidence:orders.reference')} value={order.reference} onInput={(reference) => set({ reference })} />
      <fieldset class="choice conditions-editor">
        <legend>{t('evidence:orders.conditions')}</legend>
        <p class="hint">{t('evidence:orders.conditionsHint')}</p>
        {conditions.map((c, i) => (
          <div class="condition-edit" key={c.id}>
            <label class="check">
              <input type="checkbox" checked={c.included} onChange={(e) => updateCondition(c.id, { included: e.currentTarget.checked })} />
              <span>{c.text || t('evidence:orders.conditionText')}</span>
            </label>
            {c.included && <Field multiline label={`${t('evidence:orders.conditionText')} ${i + 1}`} value={c.text} onInput={(text) => updateCondition(c.id, { text })} />}
          </div>
        ))}
        <button type="button" class="secondary" onClick={() => setConditions([...conditions, { id: newId(), type: 'custom', text: '', included: true }])}>
          {t('evidence:orders.addCondition')}
        </button>
      </fieldset>
      <Field multiline label={t('evidence:orders.notes')} value={order.notes} onInput={(notes) => set({ notes })} />
      {error && (
        <p class="error-box" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="primary" disabled={busy} onClick={() => void save()}>
        {t('evidence:orders.save')}
      </button>
    </Screen>
  );
}
