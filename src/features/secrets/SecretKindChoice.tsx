// PIN or passphrase, each with what it is and what it costs, in the same words wherever she chooses.
import { t } from '../../platform/i18n';
import type { SecretKind } from '../../platform/vault';
import { Choice } from '../../shared/ui';

export function SecretKindChoice({ value, onChange }: { value: SecretKind; onChange: (kind: SecretKind) => void }) {
  return (
    <Choice
      legend={t('setup:kind.legend')}
      options={[
        { value: 'pin', label: t('setup:kind.pin'), hint: t('setup:kind.pinHint') },
        { value: 'passphrase', label: t('setup:kind.passphrase'), hint: t('setup:kind.passphraseHint') },
      ]}
      value={value}
      onChange={onChange}
    />
  );
}
