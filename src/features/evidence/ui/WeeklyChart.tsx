// Incidents per week, stacked by kind of incident, with the same numbers as a table for screen
// readers and anyone who prefers one. The chart is an image with a summary; the table is the data.
import { t } from '../../../platform/i18n';
import type { IncidentKind } from '../domain/kinds';
import { weekOf } from '../escalation';
import type { IndexEntry } from '../schema';
import { formatDate } from './format';

const GROUPS = {
  contact: ['contact', 'call', 'text', 'social_media', 'email', 'third_party'],
  presence: ['at_home', 'followed', 'monitoring'],
  threats: ['threat', 'threat_to_kill'],
  violence: ['violence', 'strangulation', 'sexual'],
  other: ['damage', 'coercive_control', 'financial', 'child_handover', 'children', 'other'],
} as const satisfies Record<string, readonly IncidentKind[]>;
type Group = keyof typeof GROUPS;
const GROUP_NAMES = Object.keys(GROUPS) as Group[];
const COLOURS: Record<Group, string> = { contact: '#8ab4f8', presence: '#fdd663', threats: '#f28b82', violence: '#ff6d00', other: '#c58af9' };

/** An entry counts once, in the most serious group among its kinds. */
function groupOf(entry: IndexEntry): Group {
  for (const g of ['violence', 'threats', 'presence', 'contact'] as const) if (entry.kinds.some((k) => (GROUPS[g] as readonly string[]).includes(k))) return g;
  return 'other';
}

const mondayOf = (week: number) => new Date((week * 7 - 3) * 86_400_000).toISOString().slice(0, 10);

export function WeeklyChart({ entries, now, weeks = 12 }: { entries: readonly IndexEntry[]; now: string; weeks?: number }) {
  const last = weekOf(now);
  const rows = Array.from({ length: weeks }, (_, i) => {
    const week = last - weeks + 1 + i;
    const counts = Object.fromEntries(GROUP_NAMES.map((g) => [g, 0])) as Record<Group, number>;
    for (const e of entries) if (!e.redactedAt && weekOf(e.at) === week) counts[groupOf(e)] += 1;
    return { week, counts, total: GROUP_NAMES.reduce((n, g) => n + counts[g], 0) };
  });
  const max = Math.max(1, ...rows.map((r) => r.total));
  const total = rows.reduce((n, r) => n + r.total, 0);
  const W = 360;
  const H = 160;
  const bar = W / weeks;
  return (
    <figure class="chart">
      <figcaption id="chart-title">{t('evidence:patterns.chartTitle')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H + 4}`} role="img" aria-labelledby="chart-title chart-summary" width="100%">
        {rows.map((row, i) => {
          let y = H;
          return GROUP_NAMES.map((g) => {
            const h = (row.counts[g] / max) * (H - 8);
            y -= h;
            return h > 0 ? <rect key={`${row.week}-${g}`} x={i * bar + 3} y={y} width={bar - 6} height={h} fill={COLOURS[g]} /> : null;
          });
        })}
        <line x1="0" y1={H + 1} x2={W} y2={H + 1} stroke="#c7c7cc" />
      </svg>
      <p id="chart-summary" class="hint">
        {t('evidence:patterns.chartSummary', { count: total, weeks, max: Math.max(...rows.map((r) => r.total)) })}
      </p>
      <ul class="legend" aria-hidden="true">
        {GROUP_NAMES.map((g) => (
          <li key={g}>
            <span class="swatch" style={{ background: COLOURS[g] }} />
            {t(`evidence:patterns.groups.${g}`)}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('evidence:patterns.table')}</summary>
        <table>
          <caption>{t('evidence:patterns.chartTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evidence:patterns.week')}</th>
              {GROUP_NAMES.map((g) => (
                <th scope="col" key={g}>
                  {t(`evidence:patterns.groups.${g}`)}
                </th>
              ))}
              <th scope="col">{t('evidence:patterns.total')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.week}>
                <th scope="row">{formatDate(mondayOf(row.week))}</th>
                {GROUP_NAMES.map((g) => (
                  <td key={g}>{row.counts[g]}</td>
                ))}
                <td>{row.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
