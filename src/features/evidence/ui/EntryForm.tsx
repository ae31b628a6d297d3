// A full entry: when, what kind, which conditions, what happened, where, who saw, injuries, impact,
// and whether the police were told. What she types is kept as an encrypted draft as she goes and at
// the moment of an exit, a hide or a lock, so a half-written entry is never lost.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { Choice, Field, Screen } from '../../../shared/ui';
import { onBeforeLock } from '../../exit';
import { describeError } from '../../secrets';
import { INCIDENT_KINDS } from '../domain/kinds';
import { EntryProblem, createEntry, entryHistory, entryProblem, isRevision, reviseEntry } from '../entries';
import { loadIndex } from '../logStore';
import { draft } from '../repository';
import { useOrders } from '../state';
import { localInputFromMoment, nowMoment } from '../time';
import { ConditionPicker } from './ConditionPicker';
import { type EntryFields, conditionKey, contentFromFields, emptyFields, fieldsFromContent } from './entryForm';
import type { EvidenceNav } from './nav';

const DRAFT_DELAY_MS = 600;

export function EntryForm({ nav, entryId }: { nav: EvidenceNav; entryId?: string }) {
  const orders = useOrders();
  const [fields, setFields] = useState<EntryFields | null>(null);
  const [restored, setRestored] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef<EntryFields | null>(null);
  const dirty = useRef(false);
  const via = useRef<'quick' | 'full'>('full');

  // Load: the draft for this entry if there is one, else the entry's latest version, else blank.
  useEffect(() => {
    let live = true;
    void (async () => {
      const kept = await draft.read().catch(() => undefined);
      if (kept && kept.entryId === (entryId ?? null)) {
        if (live) {
          setFields(kept.fields as unknown as EntryFields);
          setRestored(true);
        }
        return;
      }
      if (entryId) {
        const line = (await loadIndex()).find((e) => e.id === entryId);
        const history = line ? await entryHistory(line.revIds) : [];
        const last = history.map((h) => ('record' in h ? h.record : null)).filter((r) => r && isRevision(r)).pop();
        if (last && isRevision(last)) {
          via.current = last.content.via;
          if (live) setFields(fieldsFromContent(last.content));
          return;
        }
        if (live) setError(t('evidence:entry.problems.not_found'));
      }
      if (live) setFields(emptyFields(localInputFromMoment(nowMoment())));
    })();
    return () => {
      live = false;
    };
  }, [entryId]);

  latest.current = fields;
  const keepDraft = () => {
    if (!latest.current || !dirty.current) return;
    void draft.write({ entryId: entryId ?? null, savedAt: nowMoment(), fields: { ...latest.current } }).catch(() => undefined);
  };

  // Saved on every pause in typing, and synchronously as the app locks or exits.
  useEffect(() => {
    if (!fields || !dirty.current) return;
    const timer = setTimeout(keepDraft, DRAFT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [fields]);
  useEffect(() => onBeforeLock(keepDraft), []);

  if (!fields) return <Screen title={t(entryId ? 'evidence:entry.editTitle' : 'evidence:entry.newTitle')}>{error && <p class="error-box">{error}</p>}</Screen>;

  const set = <K extends keyof EntryFields>(key: K, value: EntryFields[K]) => {
    dirty.current = true;
    setFields({ ...fields, [key]: value });
  };
  const content = contentFromFields(fields, via.current);
  const future = content !== null && Date.parse(content.at) > Date.now() + 60_000;

  const discard = async () => {
    await draft.remove().catch(() => undefined);
    dirty.current = false;
    setRestored(false);
    setFields(emptyFields(localInputFromMoment(nowMoment())));
    if (entryId) nav.entry(entryId);
  };

  const save = async () => {
    if (!content) return setError(t('evidence:entry.problems.end_before_start'));
    const problem = entryProblem(content);
    if (problem) return setError(t(`evidence:entry.problems.${problem}`));
    setBusy(true);
    setError(null);
    try {
      const id = entryId ?? (await createEntry(content));
      if (entryId) await reviseEntry(entryId, content, fields.reason.trim());
      dirty.current = false;
      await draft.remove().catch(() => undefined);
      nav.entry(id);
    } catch (failure) {
      setError(failure instanceof EntryProblem ? t(`evidence:entry.problems.${failure.code}`) : describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title={t(entryId ? 'evidence:entry.editTitle' : 'evidence:entry.newTitle')} back={{ label: t('evidence:timeline.title'), onBack: nav.log }}>
      {restored && (
        <div class="notice">
          <p>{t('evidence:entry.draftRestored')}</p>
          <button type="button" class="link" onClick={() => void discard()}>
            {t('evidence:entry.discardDraft')}
          </button>
        </div>
      )}
      <Field type="datetime-local" label={t('evidence:entry.when')} value={fields.at} onInput={(v) => set('at', v)} hint={future ? t('evidence:entry.future') : undefined} />
      <label class="check">
        <input type="checkbox" checked={fields.approximate} onChange={(e) => set('approximate', e.currentTarget.checked)} />
        {t('evidence:entry.approximate')}
      </label>
      <Field type="datetime-local" label={t('evidence:entry.until')} value={fields.until} onInput={(v) => set('until', v)} />
      <fieldset class="choice kinds">
        <legend>{t('evidence:entry.kinds')}</legend>
        {INCIDENT_KINDS.map((kind) => (
          <label class="choice-option" key={kind}>
            <input type="checkbox" checked={fields.kinds.includes(kind)} onChange={(e) => set('kinds', e.currentTarget.checked ? [...fields.kinds, kind] : fields.kinds.filter((k) => k !== kind))} />
            <span class="choice-text">{t(`evidence:kinds.${kind}`)}</span>
          </label>
        ))}
      </fieldset>
      {orders.state === 'ready' && (
        <ConditionPicker
          legend={t('evidence:entry.conditions')}
          orders={orders.value}
          on={/^\d{4}-\d{2}-\d{2}/.exec(fields.at)?.[0] ?? nowMoment().slice(0, 10)}
          value={(contentFromFields(fields, 'full')?.conditions ?? [])}
          onChange={(refs) => set('conditions', refs.map(conditionKey))}
        />
      )}
      <Field multiline label={t('evidence:entry.what')} hint={t('evidence:entry.whatHint')} value={fields.what} onInput={(v) => set('what', v)} />
      <Field label={t('evidence:entry.where')} value={fields.where} onInput={(v) => set('where', v)} />
      <Field label={t('evidence:entry.witnesses')} value={fields.witnesses} onInput={(v) => set('witnesses', v)} />
      <Field multiline label={t('evidence:entry.injuries')} value={fields.injuries} onInput={(v) => set('injuries', v)} />
      <label class="check">
        <input type="checkbox" checked={fields.weapon} onChange={(e) => set('weapon', e.currentTarget.checked)} />
        {t('evidence:entry.weapon')}
      </label>
      <Field multiline label={t('evidence:entry.impact')} hint={t('evidence:entry.impactHint')} value={fields.impact} onInput={(v) => set('impact', v)} />
      <Choice
        legend={t('evidence:entry.police')}
        options={(['yes', 'no', 'not_yet'] as const).map((value) => ({ value, label: t(`evidence:entry.policeOptions.${value}`) }))}
        value={(fields.policeTold || null) as 'yes' | 'no' | 'not_yet' | null}
        onChange={(v) => set('policeTold', v)}
      />
      {fields.policeTold === 'yes' && (
        <div class="stack">
          <Field type="date" label={t('evidence:entry.policeOn')} value={fields.policeOn} onInput={(v) => set('policeOn', v)} />
          <Field label={t('evidence:entry.policeReference')} value={fields.policeReference} onInput={(v) => set('policeReference', v)} />
          <Field label={t('evidence:entry.policeOfficer')} value={fields.policeOfficer} onInput={(v) => set('policeOfficer', v)} />
        </div>
      )}
      {entryId && <Field label={t('evidence:entry.reason')} value={fields.reason} onInput={(v) => set('reason', v)} />}
      {error && (
        <p class="error-box" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="primary" disabled={busy} onClick={() => void save()}>
        {t('evidence:entry.save')}
      </button>
    </Screen>
  );
}
