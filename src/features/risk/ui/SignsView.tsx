// The danger signs to mark privately, each with what her log shows beside it, saved as a dated check.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { Screen } from '../../../shared/ui';
import { formatDateTime, nowMoment, useLogFlags } from '../../evidence';
import { describeError } from '../../secrets';
import { RISK_FACTORS, placeFlags } from '../factors';
import { type Answers, compareAnswers, inSavedOrder, knownAnswers } from '../history';
import { checks } from '../repository';
import type { RiskCheck } from '../schema';
import type { Loaded } from '../state';
import { changeSentence } from './changeText';
import { FactorItem } from './FactorItem';
import { LogFlags } from './LogFlags';
import { LoadProblems } from './LoadProblems';
import { SafetyLine } from './SafetyLine';

export interface SignsViewProps {
  saved: Loaded<RiskCheck>;
  onSaved: () => void;
  onHome: () => void;
  onHistory: () => void;
  onAssessments: () => void;
  /** Her marks not yet saved: kept by the parent while she looks at the other screens. */
  answers: Answers | null;
  onAnswers: (answers: Answers) => void;
}

function latestOf(saved: Loaded<RiskCheck>): RiskCheck | null {
  if (saved.state !== 'ready') return null;
  return inSavedOrder(saved.value).at(-1)?.value ?? null;
}

export function SignsView({ saved, onSaved, onHome, onHistory, onAssessments, answers, onAnswers: setAnswers }: SignsViewProps) {
  const latest = latestOf(saved);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const flags = useLogFlags();
  const placed = useMemo(() => placeFlags(flags ?? []), [flags]);

  // Starts from her last check, so checking again means changing only what has changed.
  useEffect(() => {
    if (answers === null && saved.state !== 'loading') setAnswers(latest ? knownAnswers(latest) : {});
  }, [saved]);

  const save = async () => {
    if (!answers || busy) return;
    if (Object.keys(answers).length === 0) {
      setMessage({ text: t('risk:signs.nothingMarked'), error: true });
      return;
    }
    setBusy(true);
    try {
      await checks.put({ at: nowMoment(), seq: latest ? latest.seq + 1 : 0, answers: { ...answers } });
      const text = latest ? `${t('risk:signs.saved')} ${changeSentence(compareAnswers(knownAnswers(latest), answers), latest.at)}` : t('risk:signs.savedFirst');
      setMessage({ text, error: false });
      onSaved();
    } catch (failure) {
      setMessage({ text: describeError(failure), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title={t('risk:title')} back={{ label: t('common:home'), onBack: onHome }}>
      <SafetyLine />
      <p>{t('risk:signs.intro')}</p>
      <p>{t('risk:signs.private')}</p>
      <LoadProblems loaded={saved} />
      <h2>{t('risk:signs.title')}</h2>
      <p class="hint">{latest ? t('risk:signs.lastChecked', { when: formatDateTime(latest.at) }) : t('risk:signs.neverChecked')}</p>
      {answers && (
        <div>
          {RISK_FACTORS.map((factor) => (
            <FactorItem
              key={factor.id}
              id={factor.id}
              answer={answers[factor.id]}
              onAnswer={(answer) => setAnswers({ ...answers, [factor.id]: answer })}
              flags={placed.byFactor.get(factor.id) ?? []}
            />
          ))}
          <button type="button" class="primary" disabled={busy} onClick={() => void save()}>
            {t('risk:signs.save')}
          </button>
        </div>
      )}
      <p role="status" class={message?.error ? 'error-box' : message ? 'saved' : undefined}>
        {message?.text}
      </p>
      {placed.other.length > 0 && (
        <>
          <h2>{t('risk:signs.otherTitle')}</h2>
          <LogFlags flags={placed.other} label={t('risk:signs.otherIntro')} />
        </>
      )}
      <h2>{t('risk:signs.moreTitle')}</h2>
      <ul class="menu">
        <li>
          <button type="button" class="menu-item" onClick={onHistory}>
            <span class="menu-title">{t('risk:history.title')}</span>
            <span class="hint">{t('risk:history.summary')}</span>
          </button>
        </li>
        <li>
          <button type="button" class="menu-item" onClick={onAssessments}>
            <span class="menu-title">{t('risk:assessment.title')}</span>
            <span class="hint">{t('risk:assessment.summary')}</span>
          </button>
        </li>
      </ul>
    </Screen>
  );
}
