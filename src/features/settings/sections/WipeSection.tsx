// Erase all data: a deliberate step (a dialog, and a word typed in it) in plain words, nothing about
// what the data is. And, once a backup exists, erasing after a number of wrong PINs.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { Choice, Dialog, Field } from '../../../shared/ui';
import { AUTO_WIPE_CHOICES, eraseEverything, readAutoWipe, saveAutoWipe } from '../wipeOps';
import type { SectionProps } from '../SettingsScreen';
import { useSaved } from './useSaved';

/** The same word typed on any keyboard: compatibility forms, case and surrounding spaces ignored. */
function sameWord(typed: string, word: string): boolean {
  const fold = (text: string) => text.normalize('NFKC').trim().toLocaleLowerCase();
  return fold(typed) === fold(word);
}

type AutoWipeChoice = `${(typeof AUTO_WIPE_CHOICES)[number]}`;

function AutoWipe() {
  const saved = useSaved();
  const [value, setValue] = useState<AutoWipeChoice | null>(null);
  useEffect(() => {
    void readAutoWipe().then(
      (n) => setValue((AUTO_WIPE_CHOICES as readonly number[]).includes(n) ? (String(n) as AutoWipeChoice) : null),
      () => setValue(null),
    );
  }, []);
  const choose = (next: AutoWipeChoice) => {
    const previous = value;
    setValue(next);
    void saved.run(() => saveAutoWipe(Number(next))).then((ok) => ok || setValue(previous));
  };
  return (
    <section class="stack" aria-labelledby="auto-wipe-title">
      <h2 id="auto-wipe-title">{t('settings:wipe.auto.title')}</h2>
      <p class="warning">{t('settings:wipe.auto.warning')}</p>
      <Choice
        legend={t('settings:wipe.auto.legend')}
        options={AUTO_WIPE_CHOICES.map((n) => ({ value: String(n) as AutoWipeChoice, label: n === 0 ? t('settings:wipe.auto.off') : t('settings:wipe.auto.after', { n }) }))}
        value={value}
        onChange={choose}
      />
      {saved.view}
    </section>
  );
}

export function WipeSection({ settings, exitButton }: SectionProps) {
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const word = t('settings:wipe.word');

  const erase = () => {
    if (!sameWord(typed, word)) {
      setError(t('settings:wipe.wrongWord', { word }));
      return;
    }
    void eraseEverything().catch(() => undefined);
  };

  return (
    <div class="stack">
      <p>{t('settings:wipe.intro')}</p>
      <p class="hint">{t('settings:wipe.notErased')}</p>
      <button type="button" class="secondary" onClick={() => (setTyped(''), setError(null), setConfirming(true))}>
        {t('settings:wipe.start')}
      </button>
      {settings.lastBackupAt ? <AutoWipe /> : <p class="hint">{t('settings:wipe.auto.needsBackup')}</p>}
      {confirming && (
        <Dialog title={t('settings:wipe.confirmTitle')} exitButton={exitButton} onClose={() => setConfirming(false)}>
          <div class="stack" onKeyDown={(event) => event.key === 'Enter' && erase()}>
            <p>{t('settings:wipe.confirmText')}</p>
            <Field label={t('settings:wipe.typeWord', { word })} value={typed} onInput={setTyped} error={error} />
            <div class="actions">
              <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                {t('common:cancel')}
              </button>
              <button type="button" class="primary" onClick={erase}>
                {t('settings:wipe.confirmButton')}
              </button>
            </div>
          </div>
        </Dialog>
      )}
    </div>
  );
}
