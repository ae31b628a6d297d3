// Change the PIN or passphrase (or switch between them), proven by the current one.
import { useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { type SecretKind, isVaultError } from '../../../platform/vault';
import { CurrentSecretField, SecretForm, SecretKindChoice, UnlockHowTo, describeError } from '../../secrets';
import { changeUnlockSecret } from '../secretOps';
import type { SectionProps } from '../SettingsScreen';
import { useSaved } from './useSaved';

export function UnlockSection({ settings, save }: SectionProps) {
  const [current, setCurrent] = useState('');
  const [kind, setKind] = useState<SecretKind>(settings.secretKind);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const saved = useSaved();

  const submit = async (next: string) => {
    setBusy(true);
    const changed = await saved.run(() => changeUnlockSecret(current, next), t(`settings:unlock.changed_${kind}`), (failure) =>
      // The new one already opens another slot (the second PIN): one secret must open one thing.
      isVaultError(failure, 'secret_in_use') ? t('settings:unlock.inUse') : describeError(failure),
    );
    // Once the key file has changed, the new secret is the one that works, whatever happens next:
    // she is told so even if noting PIN-or-passphrase in her settings fails.
    if (changed) await save({ ...settings, secretKind: kind }).catch(() => undefined);
    setBusy(false);
    if (changed) {
      setCurrent('');
      setDone(true);
    }
  };

  if (done) {
    return (
      <div class="stack">
        {saved.view}
        <UnlockHowTo kind={kind} />
      </div>
    );
  }
  return (
    <div class="stack">
      <p>{t('settings:unlock.intro')}</p>
      <CurrentSecretField kind={settings.secretKind} value={current} onInput={setCurrent} />
      <SecretKindChoice value={kind} onChange={setKind} />
      {saved.view}
      {busy && <p role="status">{t('common:working')}</p>}
      <SecretForm key={kind} kind={kind} busy={busy} submitLabel={t(`settings:unlock.submit_${kind}`)} onSubmit={(next) => void submit(next)} />
    </div>
  );
}
