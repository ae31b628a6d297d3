// On the log: how many warning signs it shows, and the way to see what they mean.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { logSettings } from '../repository';
import { usePatternFlags } from './Patterns';

export function FlagsNotice({ onOpen }: { onOpen: () => void }) {
  const [separatedOn, setSeparatedOn] = useState<string | null>(null);
  useEffect(() => {
    logSettings.read().then((s) => setSeparatedOn(s?.separatedOn ?? null), () => undefined);
  }, []);
  const { flags } = usePatternFlags(separatedOn);
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
