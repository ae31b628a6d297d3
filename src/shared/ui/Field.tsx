// A labelled text field with an optional hint and error, both tied to the input for screen readers.
import { useId } from 'preact/hooks';

export interface FieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string | null;
  /** A PIN, passphrase or recovery word: masked where asked, and kept out of autofill and dictionaries. */
  secret?: 'pin' | 'passphrase' | 'word';
  masked?: boolean;
  inputMode?: 'numeric' | 'url' | 'text';
  /** A text area for longer writing. */
  multiline?: boolean;
  /** date, time or datetime-local instead of text. */
  type?: 'text' | 'date' | 'datetime-local';
}

export function Field({ label, value, onInput, hint, error, secret, masked = false, inputMode, multiline = false, type = 'text' }: FieldProps) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {multiline ? (
        <textarea
          id={id}
          rows={4}
          value={value}
          aria-describedby={described}
          aria-invalid={error ? 'true' : undefined}
          onInput={(event) => onInput(event.currentTarget.value)}
          autocomplete="off"
        />
      ) : (
      <input
        id={id}
        type={(secret ? 'text' : type) as 'text'}
        class={masked ? 'masked' : undefined}
        value={value}
        inputMode={secret === 'pin' ? 'numeric' : inputMode}
        aria-describedby={described}
        aria-invalid={error ? 'true' : undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
        autocomplete="off"
        autocapitalize={secret ? 'off' : undefined}
        spellcheck={secret ? false : undefined}
        {...(secret ? { autocorrect: 'off' } : {})}
      />
      )}
    </div>
  );
}
