// The recovery code, shown once. No copy button (the clipboard may keep it, and some keyboards sync
// it), and a plain warning that a screenshot is copied to cloud photo libraries.
import { t } from '../../platform/i18n';

export function RecoveryWords({ words }: { words: readonly string[] }) {
  return (
    <div class="stack">
      <p>{t('setup:recovery.explain')}</p>
      <p class="warning">{t('setup:recovery.noScreenshot')}</p>
      <ol class="words" lang="en" dir="ltr" aria-label={t('setup:recovery.listLabel')}>
        {words.map((word, i) => (
          <li key={i}>
            <span class="word-n" aria-hidden="true">
              {i + 1}
            </span>
            <span class="word">{word}</span>
          </li>
        ))}
      </ol>
      <p>{t('setup:recovery.keepSafe')}</p>
    </div>
  );
}
