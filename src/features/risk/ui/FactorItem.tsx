// One danger sign: its name, why it matters, what her log shows about it, and her private answer.
import { useId } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import type { Flag } from '../../evidence';
import type { FactorId } from '../factors';
import type { Answer } from '../schema';
import { LogFlags } from './LogFlags';

const ANSWERS = ['yes', 'unsure', 'no'] as const satisfies readonly Answer[];

export interface FactorItemProps {
  id: FactorId;
  answer: Answer | undefined;
  onAnswer: (answer: Answer) => void;
  flags: readonly Flag[];
}

export function FactorItem({ id, answer, onAnswer, flags }: FactorItemProps) {
  const name = useId();
  return (
    <fieldset class="risk-factor" aria-describedby={`${name}-why`}>
      <legend>{t(`risk:factors.${id}.title`)}</legend>
      <p class="hint" id={`${name}-why`}>
        {t(`risk:factors.${id}.why`)}
      </p>
      {flags.length > 0 && <LogFlags flags={flags} label={t('risk:signs.logShows')} />}
      <div class="risk-answers">
        {ANSWERS.map((value) => (
          <label key={value} class="risk-answer">
            <input type="radio" name={name} value={value} checked={answer === value} onChange={() => onAnswer(value)} />
            <span>{t(`risk:answers.${value}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
