// Warning signs drawn from her log, in the log's own words (evidence namespace), with why they matter.
import { t } from '../../../platform/i18n';
import { type Flag, formatDateTime } from '../../evidence';

export function LogFlags({ flags, label }: { flags: readonly Flag[]; label: string }) {
  return (
    <div class="risk-log">
      <p class="risk-log-label">{label}</p>
      <ul class="risk-log-list">
        {flags.map((f) => (
          <li key={f.id}>
            <span class="risk-log-title">{t(`evidence:patterns.flags.${f.id}.title`)}</span>
            <span class="hint">{t('evidence:patterns.seen', { count: f.count, when: formatDateTime(f.latest) })}</span>
            <span class="risk-log-why">{t(`evidence:patterns.flags.${f.id}.why`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
