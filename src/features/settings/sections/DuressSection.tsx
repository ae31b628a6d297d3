// A second PIN (or passphrase) that opens an empty app of its own: for when someone makes her unlock
// it in front of them. Setting it, and removing it, need the current one. The screen is the same
// in every vault, so nothing here tells which one is open.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { isVaultError } from '../../../platform/vault';
import { CurrentSecretField, SecretForm, describeError } from '../../secrets';
import { hasDuress, removeDuressSecret, setDuressSecret } from '../duressOps';
import type { SectionProps } from '../SettingsScreen';

function problem(failure: unknown): string {
  if (isVaultError(failure, 'secret_in_use')) return t('settings:duress.inUse');
  if (isVaultError(failure, 'no_free_slot')) return t('settings:duress.noRoom');
  return describeError(failure);
}

export function DuressSection({ settings }: SectionProps) {
  const kind = settings.secretKind;
  const [present, setPresent] = useState<boolean | null>(null);
  const [current, setCurrent] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    void hasDuress().then(setPresent, (failure: unknown) => setError(describeError(failure)));
  }, []);

  const run = async (work: () => Promise<void>, doneText: string, next: boolean) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await work();
      setCurrent('');
      setPresent(next);
      setDone(doneText);
    } catch (failure) {
      setError(problem(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="stack">
      <p>{t(`settings:duress.intro_${kind}`)}</p>
      <p class="hint">{t('settings:duress.limits')}</p>
      {done && (
        <p class="saved" role="status">
          {done}
        </p>
      )}
      {error && (
        <p class="error-box" role="alert">
          {error}
        </p>
      )}
      {busy && <p role="status">{t('common:working')}</p>}
      {present === true && (
        <div class="stack">
          <p>{t(`settings:duress.isSet_${kind}`)}</p>
          <CurrentSecretField kind={kind} value={current} onInput={setCurrent} />
          <button type="button" class="secondary" disabled={busy} onClick={() => void run(() => removeDuressSecret(current), t(`settings:duress.removed_${kind}`), false)}>
            {t(`settings:duress.remove_${kind}`)}
          </button>
        </div>
      )}
      {present === false && (
        <div class="stack">
          <CurrentSecretField kind={kind} value={current} onInput={setCurrent} />
          <SecretForm
            key={String(done)}
            kind={kind}
            busy={busy}
            submitLabel={t(`settings:duress.set_${kind}`)}
            onSubmit={(duress) => void run(() => setDuressSecret(current, duress, settings), t(`settings:duress.saved_${kind}`), true)}
          />
        </div>
      )}
    </div>
  );
}
