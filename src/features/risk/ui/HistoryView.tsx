// Her earlier checks by date, each with what changed since the one before. No scores, no levels.
import { useMemo } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { Screen } from '../../../shared/ui';
import { formatDateTime } from '../../evidence';
import { buildHistory, signsAnswered } from '../history';
import type { RiskCheck } from '../schema';
import type { Loaded } from '../state';
import { changeSentence, signNames } from './changeText';
import { LoadProblems } from './LoadProblems';
import { SafetyLine } from './SafetyLine';

export function HistoryView({ saved, onBack }: { saved: Loaded<RiskCheck>; onBack: () => void }) {
  const items = useMemo(() => (saved.state === 'ready' ? buildHistory(saved.value) : []), [saved]);
  return (
    <Screen title={t('risk:history.title')} back={{ label: t('risk:title'), onBack }}>
      <SafetyLine />
      <p>{t('risk:history.intro')}</p>
      <LoadProblems loaded={saved} />
      {saved.state === 'ready' && items.length === 0 && <p>{t('risk:history.none')}</p>}
      {items.length > 0 && (
      <ol class="risk-history">
        {items.map((item) => {
          const yes = signsAnswered(item.answers, 'yes');
          const unsure = signsAnswered(item.answers, 'unsure');
          const change = item.previous?.change;
          return (
            <li key={item.id} class="risk-history-item">
              <h2>{formatDateTime(item.at)}</h2>
              <p>{item.previous && change ? changeSentence(change, item.previous.at) : t('risk:history.first')}</p>
              {change && change.added.length > 0 && <p>{t('risk:history.added', { signs: signNames(change.added) })}</p>}
              {change && change.removed.length > 0 && <p>{t('risk:history.removed', { signs: signNames(change.removed) })}</p>}
              {change && change.nowUnsure.length > 0 && <p>{t('risk:history.nowUnsure', { signs: signNames(change.nowUnsure) })}</p>}
              <details>
                <summary>{t('risk:history.details')}</summary>
                <p>{t('risk:history.yes', { signs: yes.length > 0 ? signNames(yes) : t('risk:history.noneMarked') })}</p>
                <p>{t('risk:history.unsure', { signs: unsure.length > 0 ? signNames(unsure) : t('risk:history.noneMarked') })}</p>
              </details>
            </li>
          );
        })}
      </ol>
      )}
    </Screen>
  );
}
