// The caseload: her cases under the labels she chose, with where each stands and when invitations expire.
import { t } from '../platform/i18n';
import { Screen } from '../shared/ui';
import { LanguageChoice, formatDate } from './common';
import { type CaseStatus, type StoredCase, caseStatus } from './invitations';

/** Her cases, newest first, each opening its invitation; a new invitation; the language. */
export function CaseloadScreen({ caseload, onNew, onOpen, onLanguage }: { caseload: StoredCase[]; onNew: () => void; onOpen: (id: string) => void; onLanguage: () => void }) {
  const now = Date.now();
  // Risk and news will sort to the top once cases carry them; until then, newest first.
  return (
    <Screen title={t('advocate:caseload.title')}>
      <button type="button" class="primary" onClick={onNew}>
        {t('advocate:caseload.new')}
      </button>
      {caseload.length === 0 ? (
        <p>{t('advocate:caseload.empty')}</p>
      ) : (
        <ul class="menu" aria-label={t('advocate:caseload.list')}>
          {caseload.map((item) => {
            const status: CaseStatus = caseStatus(item.value, now);
            const expiry = status === 'waiting' ? t('advocate:caseload.expires', { date: formatDate(item.value.expiresAt) }) : status === 'expired' ? t('advocate:caseload.expired', { date: formatDate(item.value.expiresAt) }) : null;
            return (
              <li key={item.id}>
                <button type="button" class="menu-item" onClick={() => onOpen(item.id)}>
                  <span class="menu-title">{item.value.label}</span>
                  <span class="hint">{t(`advocate:caseload.status.${status}`)}</span>
                  {expiry && <span class="hint">{expiry}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <LanguageChoice onChange={onLanguage} />
    </Screen>
  );
}

