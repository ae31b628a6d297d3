import { useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { Choice, Field } from '../../../shared/ui';
import { isInstalled } from '../../disguise';
import type { SectionProps } from '../SettingsScreen';
import { type ExitTo, HttpsUrl } from '../schema';
import { useSaved } from './useSaved';

type Option = 'calculator' | 'bbc-weather' | 'bbc-news' | 'wikipedia' | 'custom';

function optionOf(exitTo: ExitTo): Option {
  return exitTo.kind === 'site' ? exitTo.site : exitTo.kind;
}

export function ExitSection({ settings, save }: SectionProps) {
  const saved = useSaved();
  const [option, setOption] = useState<Option>(optionOf(settings.exitTo));
  const [url, setUrl] = useState(settings.exitTo.kind === 'custom' ? settings.exitTo.url : 'https://');
  const [urlError, setUrlError] = useState<string | null>(null);

  const choose = (next: Option) => {
    setOption(next);
    saved.clear();
    if (next === 'custom') return;
    const exitTo: ExitTo = next === 'calculator' ? { kind: 'calculator' } : { kind: 'site', site: next };
    void saved.run(() => save({ ...settings, exitTo }));
  };

  const saveUrl = () => {
    const ok = HttpsUrl.safeParse(url.trim()).success;
    setUrlError(ok ? null : t('settings:exit.badUrl'));
    if (ok) void saved.run(() => save({ ...settings, exitTo: { kind: 'custom', url: url.trim() } }));
  };

  return (
    <div class="stack">
      <p>{t('settings:exit.intro')}</p>
      {isInstalled() && <p class="hint">{t('settings:exit.installed')}</p>}
      <Choice
        legend={t('settings:exit.legend')}
        options={(['calculator', 'bbc-weather', 'bbc-news', 'wikipedia', 'custom'] as const).map((value) => ({ value, label: t(`settings:exit.options.${value}`) }))}
        value={option}
        onChange={choose}
      />
      {option === 'custom' && (
        <div class="stack">
          <Field label={t('settings:exit.urlLabel')} hint={t('settings:exit.urlHint')} value={url} onInput={setUrl} error={urlError} inputMode="url" />
          <button type="button" class="primary" onClick={saveUrl}>
            {t('common:save')}
          </button>
        </div>
      )}
      <p class="hint">{t('settings:exit.shortcut')}</p>
      {saved.view}
    </div>
  );
}
