// Opening hours as she needs them: open now or not, until or from when, and the week's hours in the
// service's own time zone.
import { currentLanguage, t } from '../../../platform/i18n';
import { dayName, describeWeekly, openingState } from '../hours';
import type { Hours } from '../schema';
import { zoneText } from '../text';

export function Opening({ hours, now, unknownText = true }: { hours: Hours | undefined; now: Date; unknownText?: boolean }) {
  if (!hours) return unknownText ? <p class="hint">{t('helplines:card.hoursUnknown')}</p> : null;
  const language = currentLanguage();
  const state = openingState(hours, now);
  let line: string;
  if (state.kind === 'always') line = t('helplines:card.always');
  else if (state.kind === 'open') line = t('helplines:card.openUntil', { time: state.closes });
  else if (!state.opens) line = t('helplines:card.closed');
  else if (state.opens.today) line = t('helplines:card.opensToday', { time: state.opens.time });
  else line = t('helplines:card.opensOn', { day: dayName(state.opens.day, language, 'long'), time: state.opens.time });
  return (
    <div class="opening">
      <p class={state.kind === 'closed' ? 'closed-now' : 'open-now'}>{line}</p>
      {'weekly' in hours && (
        <p class="hint">
          {t('helplines:card.hours', { hours: describeWeekly(hours.weekly, language).join('; '), zone: zoneText(hours.tz) })}
          {hours.closedBankHolidays && ` ${t('helplines:card.bankHolidays')}`}
        </p>
      )}
      {hours.asOf && <p class="hint">{t('helplines:card.hoursAsOf', { date: hours.asOf })}</p>}
      {hours.status !== 'V' && <p class="hint">{hours.status === 'S' ? t('helplines:card.hoursSecondary') : t('helplines:card.hoursUnknown')}</p>}
    </div>
  );
}
