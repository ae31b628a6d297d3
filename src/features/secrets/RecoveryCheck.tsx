// Proof she kept the recovery code: two of its words, chosen at random, typed back.
import { useMemo, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { randomBytes } from '../../platform/vault';
import { Field } from '../../shared/ui';

function twoPositions(count: number): [number, number] {
  const [a = 0, b = 0] = randomBytes(2);
  const first = a % count;
  const second = (first + 1 + (b % (count - 1))) % count;
  return first < second ? [first, second] : [second, first];
}

export interface RecoveryCheckProps {
  words: readonly string[];
  busy?: boolean;
  onConfirmed: () => void;
  onShowAgain: () => void;
}

export function RecoveryCheck({ words, busy = false, onConfirmed, onShowAgain }: RecoveryCheckProps) {
  const positions = useMemo(() => twoPositions(words.length), [words]);
  const [typed, setTyped] = useState(['', '']);
  const [errors, setErrors] = useState<(string | null)[]>([null, null]);

  const check = () => {
    const next = positions.map((p, i) =>
      (typed[i] ?? '').trim().toLowerCase() === words[p] ? null : t('setup:check.mismatch', { n: p + 1 }),
    );
    setErrors(next);
    if (next.every((e) => e === null)) onConfirmed();
  };

  return (
    <div class="stack" onKeyDown={(event) => event.key === 'Enter' && !busy && check()}>
      <p>{t('setup:check.explain')}</p>
      {positions.map((p, i) => (
        <Field
          key={p}
          label={t('setup:check.word', { n: p + 1 })}
          value={typed[i] ?? ''}
          onInput={(value) => setTyped(typed.map((v, j) => (j === i ? value : v)))}
          error={errors[i]}
          secret="word"
        />
      ))}
      <button type="button" class="primary" disabled={busy} onClick={check}>
        {t('setup:check.confirm')}
      </button>
      <button type="button" class="secondary" onClick={onShowAgain}>
        {t('setup:check.showAgain')}
      </button>
    </div>
  );
}
