// Restore from a backup, as steps: choose the file and type the recovery code; (when a vault exists)
// confirm that everything will be replaced; restore, with progress and a way to stop. Used inside an
// unlocked vault (RestoreScreen) and at the start of set-up on a new phone.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import type { Bytes } from '../../../platform/vault';
import { Field, Screen } from '../../../shared/ui';
import { allowNextHide, endHideAllowance } from '../../exit';
import type { Settings } from '../../settings';
import { problemText } from './problems';
import { type OpenedFile, RestoredButLocked, openBackupFile, restoreBackup } from './restore';

export interface RestoredVault {
  /** The recovery code's entropy, for choosing a new PIN next (the caller zeroes it); null when her passphrase opened it. */
  entropy: Bytes | null;
  settings: Settings | null;
}

export interface RestoreFlowProps {
  /** A vault exists here and will be replaced: ask first. */
  replacing: boolean;
  onCancel: () => void;
  onRestored: (restored: RestoredVault) => void;
}

type Step = { name: 'form' } | { name: 'opening' } | { name: 'confirm'; opened: OpenedFile } | { name: 'restoring'; percent: number };

export function RestoreFlow({ replacing, onCancel, onRestored }: RestoreFlowProps) {
  const [step, setStep] = useState<Step>({ name: 'form' });
  const [file, setFile] = useState<File | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const [committed, setCommitted] = useState(false);
  const fail = (failure: unknown, opened?: OpenedFile) => {
    opened?.entropy?.fill(0);
    setCommitted(failure instanceof RestoredButLocked);
    setError(failure instanceof DOMException && failure.name === 'AbortError' ? t('backup:restore.cancelled') : problemText(failure));
    setStep({ name: 'form' });
  };

  const run = async (opened: OpenedFile) => {
    const abort = new AbortController();
    running.current = abort;
    setError(null);
    setStep({ name: 'restoring', percent: 0 });
    try {
      const { settings } = await restoreBackup(opened, {
        signal: abort.signal,
        onProgress: (done, total) => setStep({ name: 'restoring', percent: total > 0 ? Math.floor((done / total) * 100) : 100 }),
      });
      running.current = null;
      onRestored({ entropy: opened.entropy, settings });
    } catch (failure) {
      running.current = null;
      if (abort.signal.aborted) {
        opened.entropy?.fill(0);
        setError(t('backup:restore.cancelled'));
        setStep({ name: 'form' });
      } else {
        fail(failure, opened);
      }
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) return setError(t('backup:restore.noFile'));
    if (!code.trim()) return setError(t('backup:restore.noCode'));
    setError(null);
    setStep({ name: 'opening' });
    let opened: OpenedFile;
    try {
      opened = await openBackupFile(file, code);
    } catch (failure) {
      return fail(failure);
    }
    setCode('');
    if (replacing) setStep({ name: 'confirm', opened });
    else await run(opened);
  };

  const errorBox = error && (
    <p class="error-box" role="alert">
      {error}
      {!committed && ` ${t('backup:restore.unchanged')}`}
    </p>
  );

  if (step.name === 'confirm') {
    return (
      <Screen title={t('backup:restore.confirmTitle')}>
        <p class="warning">{t('backup:restore.confirm')}</p>
        <div class="actions">
          <button type="button" class="danger" onClick={() => void run(step.opened)}>
            {t('backup:restore.replace')}
          </button>
          <button type="button" class="secondary" onClick={() => (step.opened.entropy?.fill(0), setStep({ name: 'form' }))}>
            {t('common:cancel')}
          </button>
        </div>
      </Screen>
    );
  }

  if (step.name === 'restoring') {
    return (
      <Screen title={t('backup:restore.title')}>
        <p role="status">{t('backup:restore.progress', { percent: step.percent })}</p>
        <progress max={100} value={step.percent} aria-label={t('backup:restore.title')} />
        <p class="hint">{t('backup:restore.keepOpen')}</p>
        <div class="actions">
          <button type="button" class="secondary" onClick={() => running.current?.abort()}>
            {t('common:cancel')}
          </button>
        </div>
      </Screen>
    );
  }

  const busy = step.name === 'opening';
  return (
    <Screen title={t('backup:restore.title')} back={{ label: t('common:back'), onBack: onCancel }}>
      <p>{t('backup:restore.intro')}</p>
      {errorBox}
      <form class="stack" onSubmit={(event) => void submit(event)}>
        <div class="field">
          <label for="restore-file">{t('backup:restore.file')}</label>
          <input
            id="restore-file"
            type="file"
            onClick={() => allowNextHide()}
            onCancel={endHideAllowance}
            onChange={(event) => (endHideAllowance(), setFile(event.currentTarget.files?.[0] ?? null))}
          />
        </div>
        <Field label={t('backup:restore.code')} hint={t('backup:restore.codeHint')} value={code} onInput={setCode} secret="word" />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('backup:restore.opening') : t('common:continue')}
          </button>
        </div>
      </form>
    </Screen>
  );
}
