// A group of radio buttons with a legend: one choice among a few, each with an optional explanation.
import { useId } from 'preact/hooks';

export interface ChoiceOption<V extends string> {
  value: V;
  label: string;
  hint?: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

export interface ChoiceProps<V extends string> {
  legend: string;
  options: readonly ChoiceOption<V>[];
  value: V | null;
  onChange: (value: V) => void;
}

export function Choice<V extends string>({ legend, options, value, onChange }: ChoiceProps<V>) {
  const name = useId();
  return (
    <fieldset class="choice">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label class="choice-option" key={option.value}>
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          <span class="choice-text">
            <span lang={option.lang} dir={option.dir}>
              {option.label}
            </span>
            {option.hint && <span class="hint">{option.hint}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
