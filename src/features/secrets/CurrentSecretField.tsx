// Asking for the current PIN or passphrase again before anything that changes how the app opens:
// someone holding her unlocked phone must not be able to lock her out or read her recovery code.
import { t } from '../../platform/i18n';
import type { SecretKind } from '../../platform/vault';
import { Field } from '../../shared/ui';

export function CurrentSecretField({ kind, value, onInput, error }: { kind: SecretKind; value: string; onInput: (v: string) => void; error?: string | null }) {
  return <Field label={t(`setup:secret.current_${kind}`)} value={value} onInput={onInput} error={error} secret={kind === 'pin' ? 'pin' : 'passphrase'} masked />;
}
