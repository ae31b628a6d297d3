// Small pieces the advocate app's screens share: the date format and the language choice.
import { useState } from 'preact/hooks';
import { LANGUAGES, type Language, currentLanguage, t, useLanguage } from '../platform/i18n';
import { Choice } from '../shared/ui';

export const PRO_NAMESPACES = ['advocate'] as const;

/** A date and time in the current language. */
export const formatDate = (ms: number) => new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);

/** The four languages; switching reloads the words and the page direction. */
export function LanguageChoice({ onChange }: { onChange: () => void }) {
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const choose = (next: Language) => {
    setLanguage(next);
    useLanguage(next, PRO_NAMESPACES).then(() => {
      document.title = t('advocate:title');
      onChange();
    }, () => undefined);
  };
  return (
    <Choice
      legend={t('advocate:language')}
      options={LANGUAGES.map((l) => ({ value: l.code, label: l.name, lang: l.code, dir: l.dir }))}
      value={language}
      onChange={choose}
    />
  );
}

