// Saving a setting and saying so: a polite "Saved" for screen readers, or why it could not be saved.
import { useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { describeError } from '../../secrets';

export function useSaved() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (work: () => Promise<void>, savedText: string = t('common:saved'), describe: (failure: unknown) => string = describeError) => {
    setMessage(null);
    try {
      await work();
      setMessage({ ok: true, text: savedText });
      return true;
    } catch (failure) {
      setMessage({ ok: false, text: describe(failure) });
      return false;
    }
  };
  const view = message && (
    <p class={message.ok ? 'saved' : 'error-box'} role={message.ok ? 'status' : 'alert'}>
      {message.text}
    </p>
  );
  return { run, view, clear: () => setMessage(null) };
}
