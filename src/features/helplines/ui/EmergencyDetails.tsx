// The emergency number for the region shown, with the other ways to reach emergency services there
// (text, relay, sign language, non-emergency police).
import { t } from '../../../platform/i18n';
import type { Emergency } from '../schema';
import { ChannelItem } from './ChannelItem';

export function EmergencyDetails({ emergency, now }: { emergency: Emergency; now: Date }) {
  if (emergency.channels.length === 0) return null;
  return (
    <details class="emergency-more">
      <summary>{t('helplines:emergency.other')}</summary>
      <ul class="channels">
        {emergency.channels.map((channel, i) => (
          <ChannelItem key={i} channel={channel} now={now} />
        ))}
      </ul>
    </details>
  );
}
