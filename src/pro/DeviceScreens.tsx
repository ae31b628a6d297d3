// Set-up (vault, identity, recovery words) and unlock for the advocate's device.
import { useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import { type DeviceIdentity, isPinShaped, isVaultError, secretProblem } from '../platform/vault';
import { Field, Screen } from '../shared/ui';
import { LanguageChoice } from './common';
import { setUpDevice, unlockDevice } from './device';

/** First run: a passphrase or PIN for her vault; creates the vault and her identity. */
export function SetupScreen({ onDone, onLanguage }: { onDone: (words: string[], identity: DeviceIdentity) => void; onLanguage: () => void }) {
  const [secret, setSecret] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async () => {
    const problem = secretProblem(isPinShaped(secret) ? 'pin' : 'passphrase', secret);
    if (problem) return setError(t(`advocate:setup.problems.${problem}`));
    if (secret !== repeat) return setError(t('advocate:setup.mismatch'));
    setError(null);
    setBusy(true);
    try {
      const { recoveryWords, identity } = await setUpDevice(secret);
      onDone(recoveryWords, identity);
    } catch {
      setError(t('advocate:failed'));
      setBusy(false);
    }
  };

  if (busy) {
    return (
      <Screen title={t('advocate:setup.title')}>
        <p role="status">{t('advocate:setup.creating')}</p>
      </Screen>
    );
  }
  return (
    <Screen title={t('advocate:setup.title')}>
      <p>{t('advocate:setup.intro')}</p>
      <LanguageChoice onChange={onLanguage} />
      <div class="stack">
        <Field label={t('advocate:setup.secret')} hint={t('advocate:setup.secretHint')} value={secret} onInput={setSecret} secret="passphrase" masked error={error} />
        <Field label={t('advocate:setup.repeat')} value={repeat} onInput={setRepeat} secret="passphrase" masked />
        <button type="button" class="primary" onClick={() => void create()}>
          {t('advocate:setup.create')}
        </button>
      </div>
    </Screen>
  );
}

/** Opens her vault with the passphrase or PIN. */
export function UnlockScreen({ onUnlocked }: { onUnlocked: (identity: DeviceIdentity) => void }) {
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unlock = async () => {
    setBusy(true);
    setError(null);
    try {
      const identity = await unlockDevice(secret);
      setSecret('');
      onUnlocked(identity);
    } catch (failure) {
      setError(isVaultError(failure, 'no_matching_slot') ? t('advocate:unlock.wrong') : t('advocate:failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Screen title={t('advocate:unlock.title')}>
      <div class="stack">
        <Field label={t('advocate:unlock.secret')} value={secret} onInput={setSecret} secret="passphrase" masked error={error} />
        <button type="button" class="primary" disabled={busy} onClick={() => void unlock()}>
          {t('advocate:unlock.submit')}
        </button>
        {busy && <p role="status">{t('advocate:unlock.busy')}</p>}
      </div>
    </Screen>
  );
}


/** The recovery words, shown once after set-up. */
export function RecoveryScreen({ words, onDone }: { words: string[]; onDone: () => void }) {
  return (
    <Screen title={t('advocate:recovery.title')}>
      <p>{t('advocate:recovery.intro')}</p>
      <ol class="words" aria-label={t('advocate:recovery.words')}>
        {words.map((word, i) => (
          <li key={i}>{word}</li>
        ))}
      </ol>
      <button type="button" class="primary" onClick={onDone}>
        {t('advocate:recovery.done')}
      </button>
    </Screen>
  );
}
