// How to open the app again: the thing she must remember, said where she will read it.
import { t } from '../../platform/i18n';
import type { SecretKind } from '../../platform/vault';

export function UnlockHowTo({ kind }: { kind: SecretKind }) {
  return (
    <div class="howto">
      <h2>{t('setup:howto.title')}</h2>
      <ol>
        {(t(`setup:howto.steps_${kind}`, { returnObjects: true }) as string[]).map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
    </div>
  );
}
