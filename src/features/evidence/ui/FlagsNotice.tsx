// On the log: how many warning signs it shows, and the way to see what they mean.
import { t } from '../../../platform/i18n';
import { useLogFlags } from './Patterns';

export function FlagsNotice({ onOpen }: { onOpen: () => void }) {
  const flags = useLogFlags();
  const count = flags?.length ?? 0;
  return (
    <div class={count > 0 ? 'notice' : undefined}>
      {count > 0 && <p>{t('evidence:timeline.flagsNotice', { count })}</p>}
      <button type="button" class="link" onClick={onOpen}>
        {t('evidence:timeline.patterns')}
      </button>
    </div>
  );
}
