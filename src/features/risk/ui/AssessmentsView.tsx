// What an IDVA's risk assessment is, how to ask for one, and a record of those done with her.
import { useMemo, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { Choice, Field, Screen } from '../../../shared/ui';
import { formatDate, nowMoment } from '../../evidence';
import { describeError } from '../../secrets';
import { type AssessmentProblem, readAssessment } from '../assessmentForm';
import { assessments } from '../repository';
import type { MaracReferral, RiskAssessment } from '../schema';
import type { Loaded } from '../state';
import { LoadProblems } from './LoadProblems';
import { SafetyLine } from './SafetyLine';

export interface AssessmentsViewProps {
  saved: Loaded<RiskAssessment>;
  onSaved: () => void;
  onBack: () => void;
  onHelplines: () => void;
}

const MARAC_OPTIONS = ['yes', 'no', 'unknown'] as const satisfies readonly MaracReferral[];

export function AssessmentsView({ saved, onSaved, onBack, onHelplines }: AssessmentsViewProps) {
  const [on, setOn] = useState('');
  const [by, setBy] = useState('');
  const [outcome, setOutcome] = useState('');
  const [marac, setMarac] = useState<MaracReferral | null>(null);
  const [problems, setProblems] = useState<Partial<Record<'on' | 'by' | 'outcome', AssessmentProblem>>>({});
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useMemo(
    () => (saved.state === 'ready' ? [...saved.value].sort((a, b) => b.value.on.localeCompare(a.value.on) || b.value.recordedAt.localeCompare(a.value.recordedAt)) : []),
    [saved],
  );

  const save = async () => {
    if (busy) return;
    const now = nowMoment();
    const read = readAssessment({ on, by, outcome, marac }, now.slice(0, 10), now);
    if (!read.ok) {
      setProblems(read.problems);
      setMessage({ text: t('risk:assessment.form.fix'), error: true });
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      await assessments.put(read.value);
      setOn('');
      setBy('');
      setOutcome('');
      setMarac(null);
      setMessage({ text: t('risk:assessment.form.saved'), error: false });
      onSaved();
    } catch (failure) {
      setMessage({ text: describeError(failure), error: true });
    } finally {
      setBusy(false);
    }
  };

  const problem = (field: 'on' | 'by' | 'outcome') => {
    const code = problems[field];
    return code ? t(`risk:assessment.form.problems.${code}`) : null;
  };

  return (
    <Screen title={t('risk:assessment.title')} back={{ label: t('risk:title'), onBack }}>
      <SafetyLine />
      <h2>{t('risk:assessment.what.title')}</h2>
      <p>{t('risk:assessment.what.idva')}</p>
      <p>{t('risk:assessment.what.how')}</p>
      <h2>{t('risk:assessment.why.title')}</h2>
      <p>{t('risk:assessment.why.plan')}</p>
      <p>{t('risk:assessment.why.marac')}</p>
      <h2>{t('risk:assessment.ask.title')}</h2>
      <p>{t('risk:assessment.ask.how')}</p>
      <p>{t('risk:assessment.ask.again')}</p>
      <button type="button" class="secondary" onClick={onHelplines}>
        {t('risk:assessment.ask.helplines')}
      </button>

      <h2>{t('risk:assessment.form.title')}</h2>
      <p class="hint">{t('risk:assessment.form.intro')}</p>
      <div class="stack">
        <Field type="date" label={t('risk:assessment.form.on')} value={on} onInput={setOn} error={problem('on')} />
        <Field label={t('risk:assessment.form.by')} hint={t('risk:assessment.form.byHint')} value={by} onInput={setBy} error={problem('by')} />
        <Field multiline label={t('risk:assessment.form.outcome')} hint={t('risk:assessment.form.outcomeHint')} value={outcome} onInput={setOutcome} error={problem('outcome')} />
        <Choice
          legend={t('risk:assessment.form.marac')}
          options={MARAC_OPTIONS.map((value) => ({ value, label: t(`risk:assessment.marac.${value}`) }))}
          value={marac}
          onChange={setMarac}
        />
        <button type="button" class="primary" disabled={busy} onClick={() => void save()}>
          {t('risk:assessment.form.save')}
        </button>
        <p role="status" class={message?.error ? 'error-box' : message ? 'saved' : undefined}>
          {message?.text}
        </p>
      </div>

      <h2>{t('risk:assessment.list.title')}</h2>
      <LoadProblems loaded={saved} />
      {saved.state === 'ready' && list.length === 0 && <p>{t('risk:assessment.list.none')}</p>}
      {list.length > 0 && (
        <ul class="risk-assessments">
          {list.map(({ id, value }) => (
            <li key={id} class="risk-assessment">
              <h3>{formatDate(value.on)}</h3>
              <dl class="details">
                <dt>{t('risk:assessment.list.by')}</dt>
                <dd class="prewrap">{value.by || t('risk:assessment.list.notRecorded')}</dd>
                <dt>{t('risk:assessment.list.outcome')}</dt>
                <dd class="prewrap">{value.outcome || t('risk:assessment.list.notRecorded')}</dd>
                <dt>{t('risk:assessment.list.marac')}</dt>
                <dd>{value.marac ? t(`risk:assessment.marac.${value.marac}`) : t('risk:assessment.list.notRecorded')}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </Screen>
  );
}
