// "Log intact", or exactly what is wrong, from the background check run after unlock.
import { useEffect } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { logCheck, runLogCheck } from '../state';

export function LogCheckStatus() {
  const check = logCheck.value;
  // Not checked yet in this session (for instance straight after set-up): check now.
  useEffect(() => {
    if (logCheck.value === null) runLogCheck();
  }, []);
  let text: string;
  let ok = true;
  if (check === null || check === 'checking') text = t('evidence:check.checking');
  else if (check === 'failed') {
    text = t('common:errors.generic');
    ok = false;
  }
  else if (check.ok) text = check.length === 0 ? t('evidence:check.empty') : t('evidence:check.intact', { count: check.length });
  else {
    ok = false;
    const details = [
      ...check.problems.slice(0, 3).map((p) => t('evidence:check.problemItem', { seq: p.seq, reason: t(`evidence:check.reasons.${p.reason}`) })),
      ...(check.damagedRecords ? [t('evidence:check.damaged', { count: check.damagedRecords })] : []),
      ...(check.truncated ? [t('evidence:check.truncated')] : []),
    ];
    text = t('evidence:check.problem', { detail: details.join('; ') });
  }
  return (
    <div class={ok ? 'log-check' : 'log-check error-box'}>
      <p role="status">{text}</p>
      {check !== 'checking' && check !== null && (
        <button type="button" class="link" onClick={runLogCheck}>
          {t('evidence:check.again')}
        </button>
      )}
    </div>
  );
}
