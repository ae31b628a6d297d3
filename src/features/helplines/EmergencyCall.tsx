// The emergency number for her region, one tap from home, with how to call without speaking. No
// number is offered to tap unless it is confirmed; where we have none, she is told so plainly.
import { useId } from 'preact/hooks';
import { t } from '../../platform/i18n';
import type { Region } from '../settings';
import { emergencyFor } from './directory';
import { Ltr } from './ui/Ltr';
import { CallLink } from './ui/NumberActions';
import './helplines.css';

export interface EmergencyCallProps {
  region: Region;
}

export function EmergencyCall({ region }: EmergencyCallProps) {
  const id = useId();
  const emergency = emergencyFor(region);
  const call = emergency?.call;
  return (
    <section class="emergency" aria-labelledby={id}>
      <h2 id={id} class="vh">
        {t('helplines:emergency.title')}
      </h2>
      {!call && <p>{t('helplines:emergency.none')}</p>}
      {call && call.status === 'U' && (
        <p>
          <Ltr k="helplines:emergency.unconfirmed" values={{ number: call.display }} />
        </p>
      )}
      {call && call.status !== 'U' && <CallLink value={call.value} display={call.display} primary />}
      {call && call.status === 'S' && <p class="hint">{t('helplines:card.confirm')}</p>}
      {emergency?.silent && <p class="silent">{t(`helplines:emergency.silent.${emergency.silent}`)}</p>}
    </section>
  );
}
