// After opening with the recovery code: she sets a new PIN or passphrase before anything else.
import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import type { Bytes, SecretKind } from '../../platform/vault';
import { Screen } from '../../shared/ui';
import { SecretForm, SecretKindChoice, UnlockHowTo, describeError } from '../secrets';
import { resetSecretAfterRecovery } from '../settings/secretOps';

export function ResetSecret({ entropy, onDone }: { entropy: Bytes; onDone: (kind: SecretKind) => void }) {
  const [kind, setKind] = useState<SecretKind>('pin');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (secret: string) => {
    setBusy(true);
    setError(null);
    try {
      await resetSecretAfterRecovery(entropy, secret);
      onDone(kind);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title={t('setup:reset.title')}>
      <p>{t('setup:reset.intro')}</p>
      {error && (
        <p class="error-box" role="alert">
          {error}
        </p>
      )}
      <SecretKindChoice value={kind} onChange={setKind} />
      <UnlockHowTo kind={kind} />
      <SecretForm key={kind} kind={kind} busy={busy} submitLabel={t('common:save')} onSubmit={(secret) => void submit(secret)} />
    </Screen>
  );
}
