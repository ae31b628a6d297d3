// A new recovery code: confirm in a dialog (the old code will stop working), prove the current PIN,
// see the new words once, type two back. Only then is the key file changed.
import { useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { Dialog } from '../../../shared/ui';
import { CurrentSecretField, RecoveryCheck, RecoveryWords, describeError } from '../../secrets';
import { prepareRecoveryCode } from '../secretOps';
import type { SectionProps } from '../SettingsScreen';
import { useSaved } from './useSaved';

type Stage = { name: 'intro' } | { name: 'confirm' } | { name: 'words'; words: string[]; save: () => Promise<void> } | { name: 'check'; words: string[]; save: () => Promise<void> } | { name: 'done' };

export function RecoverySection({ settings, exitButton }: SectionProps) {
  const [stage, setStage] = useState<Stage>({ name: 'intro' });
  const [current, setCurrent] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const saved = useSaved();

  const make = async () => {
    setBusy(true);
    setError(null);
    try {
      const prepared = await prepareRecoveryCode(current);
      setCurrent('');
      setStage({ name: 'words', ...prepared });
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  if (stage.name === 'words') {
    return (
      <div class="stack">
        <RecoveryWords words={stage.words} />
        <button type="button" class="primary" onClick={() => setStage({ ...stage, name: 'check' })}>
          {t('setup:recovery.written')}
        </button>
      </div>
    );
  }
  if (stage.name === 'check') {
    return (
      <div class="stack">
        {saved.view}
        <RecoveryCheck
          words={stage.words}
          busy={busy}
          onShowAgain={() => setStage({ ...stage, name: 'words' })}
          onConfirmed={() => {
            setBusy(true);
            void saved.run(stage.save, t('settings:recovery.replaced')).then((ok) => {
              setBusy(false);
              if (ok) setStage({ name: 'done' });
            });
          }}
        />
      </div>
    );
  }
  if (stage.name === 'done') return <p role="status">{t('settings:recovery.replaced')}</p>;

  return (
    <div class="stack">
      <p>{t('settings:recovery.intro')}</p>
      <button type="button" class="secondary" onClick={() => setStage({ name: 'confirm' })}>
        {t('settings:recovery.make')}
      </button>
      {stage.name === 'confirm' && (
        <Dialog title={t('settings:recovery.confirmTitle')} exitButton={exitButton} onClose={() => setStage({ name: 'intro' })}>
          <div class="stack">
            <p>{t('settings:recovery.confirmText')}</p>
            <CurrentSecretField kind={settings.secretKind} value={current} onInput={setCurrent} error={error} />
            {busy && <p role="status">{t('common:working')}</p>}
            <div class="actions">
              <button type="button" class="secondary" onClick={() => (setError(null), setStage({ name: 'intro' }))}>
                {t('common:cancel')}
              </button>
              <button type="button" class="primary" disabled={busy} onClick={() => void make()}>
                {t('settings:recovery.confirmButton')}
              </button>
            </div>
          </div>
        </Dialog>
      )}
    </div>
  );
}
