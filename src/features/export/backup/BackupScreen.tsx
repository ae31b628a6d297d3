// Make a backup: one encrypted file of everything, saved to Downloads under a neutral name, with
// progress and a way to stop. A passphrase (if strong) may open it too; a PIN never goes in.
import { useEffect, useRef, useState } from 'preact/hooks';
import { currentLanguage, t } from '../../../platform/i18n';
import { STRONG_PASSPHRASE_CHARS, STRONG_PASSPHRASE_WORDS, isBackupError, isStrongPassphrase } from '../../../platform/vault';
import { Field, Screen } from '../../../shared/ui';
import { settingsRecord } from '../../settings';
import { neutralFileName, saveStream } from '../save';
import { makeBackup, noteBackupMade } from './makeBackup';
import { problemText } from './problems';

export interface BackupScreenProps {
  onBack: () => void;
  /** Told when a backup succeeded, with its time (ISO), so the app's copy of the settings can follow. */
  onBackedUp?: (at: string) => void;
}

type State = { name: 'idle' } | { name: 'working'; percent: number } | { name: 'saved'; file: string } | { name: 'error'; message: string };

function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

export function BackupScreen({ onBack, onBackedUp }: BackupScreenProps) {
  const [state, setState] = useState<State>({ name: 'idle' });
  const [lastAt, setLastAt] = useState<string | null>(null);
  const [usesPassphrase, setUsesPassphrase] = useState(false);
  const [withPassphrase, setWithPassphrase] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  useEffect(() => {
    settingsRecord.read().then(
      (settings) => {
        setLastAt(settings?.lastBackupAt ?? null);
        setUsesPassphrase(settings?.secretKind === 'passphrase');
      },
      () => undefined,
    );
  }, []);

  const weak = withPassphrase && passphrase.length > 0 && !isStrongPassphrase(passphrase);

  const make = async (event: Event) => {
    event.preventDefault();
    if (withPassphrase && !isStrongPassphrase(passphrase)) return;
    const abort = new AbortController();
    running.current = abort;
    setState({ name: 'working', percent: 0 });
    const file = neutralFileName('backup');
    try {
      const body = await makeBackup({
        passphrase: withPassphrase ? passphrase : undefined,
        signal: abort.signal,
        onProgress: (done, total) => setState({ name: 'working', percent: total > 0 ? Math.floor((done / total) * 100) : 100 }),
      });
      setPassphrase('');
      await saveStream(file, body, { signal: abort.signal, transferChunks: true });
      const at = await noteBackupMade();
      setLastAt(at);
      onBackedUp?.(at);
      setState({ name: 'saved', file });
    } catch (failure) {
      const message = abort.signal.aborted ? t('backup:make.cancelled') : withPassphrase && isBackupError(failure, 'wrong_recovery_code') ? t('backup:make.wrongPassphrase') : problemText(failure);
      setState({ name: 'error', message });
    } finally {
      if (running.current === abort) running.current = null;
    }
  };

  const working = state.name === 'working';
  return (
    <Screen title={t('backup:make.title')} back={{ label: t('common:back'), onBack }}>
      <p>{t('backup:make.intro')}</p>
      <p class="warning">{t('backup:make.noPin')}</p>
      <p>{lastAt ? t('backup:make.lastAt', { date: formatDate(lastAt) }) : t('backup:make.never')}</p>
      <form class="stack" onSubmit={(event) => void make(event)}>
        {usesPassphrase && (
          <div class="stack">
            <label class="choice-option">
              <input type="checkbox" checked={withPassphrase} disabled={working} onChange={(event) => setWithPassphrase(event.currentTarget.checked)} />
              <span class="choice-text">{t('backup:make.passphrase')}</span>
            </label>
            <p class="hint">{t('backup:make.passphraseHint', { words: STRONG_PASSPHRASE_WORDS, chars: STRONG_PASSPHRASE_CHARS })}</p>
            {withPassphrase && (
              <Field label={t('backup:make.passphraseField')} value={passphrase} onInput={setPassphrase} secret="passphrase" masked error={weak ? t('backup:make.notStrong') : null} />
            )}
          </div>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={working || weak}>
            {t('backup:make.start')}
          </button>
          {working && (
            <button type="button" class="secondary" onClick={() => running.current?.abort()}>
              {t('common:cancel')}
            </button>
          )}
        </div>
      </form>
      {working && (
        <div class="stack">
          <p role="status">{t('backup:make.progress', { percent: state.percent })}</p>
          <progress max={100} value={state.percent} aria-label={t('backup:make.title')} />
        </div>
      )}
      {state.name === 'saved' && (
        <p class="notice" role="status">
          {t('export:saved.backup', { file: state.file })}
        </p>
      )}
      {state.name === 'error' && (
        <p class="error-box" role="alert">
          {state.message}
        </p>
      )}
    </Screen>
  );
}
