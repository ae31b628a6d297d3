import { LANGUAGES, t } from '../../../platform/i18n';
import { Choice } from '../../../shared/ui';
import type { SectionProps } from '../SettingsScreen';
import { useSaved } from './useSaved';

export function LanguageSection({ settings, save }: SectionProps) {
  const saved = useSaved();
  return (
    <div class="stack">
      <Choice
        legend={t('settings:language.legend')}
        options={LANGUAGES.map((l) => ({ value: l.code, label: l.name, lang: l.code, dir: l.dir }))}
        value={settings.language}
        onChange={(language) => void saved.run(() => save({ ...settings, language }))}
      />
      {saved.view}
    </div>
  );
}
