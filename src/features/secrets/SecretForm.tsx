// Choosing a new PIN or passphrase: typed twice, checked against the rules, with the reason for any
// refusal in plain words. No <form>: a password manager must never offer to save it.
import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { secretProblem, type SecretKind } from '../../platform/vault';
import { Field } from '../../shared/ui';

export interface SecretFormProps {
  kind: SecretKind;
  submitLabel: string;
  busy?: boolean;
  onSubmit: (secret: string) => void;
}

export function SecretForm({ kind, submitLabel, busy = false, onSubmit }: SecretFormProps) {
  const [secret, setSecret] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);

  const submit = () => {
    const problem = secretProblem(kind, secret);
    setError(problem ? t(`setup:secret.problems.${problem}`) : null);
    const mismatch = !problem && secret !== confirm;
    setConfirmError(mismatch ? t(`setup:secret.problems.mismatch_${kind}`) : null);
    if (!problem && !mismatch) onSubmit(secret);
  };

  return (
    <div class="stack" onKeyDown={(event) => event.key === 'Enter' && !busy && submit()}>
      <Field
        label={t(`setup:secret.new_${kind}`)}
        hint={t(`setup:secret.rules_${kind}`)}
        value={secret}
        onInput={setSecret}
        error={error}
        secret={kind === 'pin' ? 'pin' : 'passphrase'}
        masked
      />
      <Field label={t(`setup:secret.confirm_${kind}`)} value={confirm} onInput={setConfirm} error={confirmError} secret={kind === 'pin' ? 'pin' : 'passphrase'} masked />
      <button type="button" class="primary" disabled={busy} onClick={submit}>
        {submitLabel}
      </button>
    </div>
  );
}
