// Save or share a file the app made. After saving, a plain reminder of what was left in Downloads.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { SaveProblem, canShareFiles, neutralFileName, saveStream, shareStream } from '../save';

export interface MadeFile {
  body: ReadableStream<Uint8Array>;
  size: number | null;
}

export interface SaveActionsProps {
  kind: 'pack' | 'backup';
  type: string;
  /** Makes the file afresh as a stream; called once per save or share. */
  make: (signal: AbortSignal) => Promise<MadeFile>;
  disabled?: boolean;
  /** Called once the file has been saved or shared. */
  onDone?: (name: string) => void;
}

type State = { name: 'idle' } | { name: 'working' } | { name: 'saved'; file: string } | { name: 'shared' } | { name: 'error'; message: string };

function problemText(error: unknown): string {
  if (error instanceof SaveProblem) return t(`export:problems.${error.code}`);
  return t('export:problems.failed');
}

export function SaveActions({ kind, type, make, disabled = false, onDone }: SaveActionsProps) {
  const [state, setState] = useState<State>({ name: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const run = async (how: 'save' | 'share') => {
    const abort = new AbortController();
    running.current = abort;
    setState({ name: 'working' });
    const file = neutralFileName(kind);
    try {
      const made = await make(abort.signal);
      if (how === 'save') {
        await saveStream(file, made.body, { type, size: made.size, signal: abort.signal });
        setState({ name: 'saved', file });
        onDone?.(file);
      } else {
        const outcome = await shareStream(file, made.body, type, abort.signal);
        setState(outcome === 'shared' ? { name: 'shared' } : { name: 'idle' });
        if (outcome === 'shared') onDone?.(file);
      }
    } catch (error) {
      setState(abort.signal.aborted ? { name: 'idle' } : { name: 'error', message: problemText(error) });
    } finally {
      if (running.current === abort) running.current = null;
    }
  };

  const working = state.name === 'working';
  return (
    <div class="stack">
      <div class="actions">
        <button type="button" class="primary" disabled={disabled || working} onClick={() => void run('save')}>
          {t('export:save')}
        </button>
        {canShareFiles() && (
          <button type="button" class="secondary" disabled={disabled || working} onClick={() => void run('share')}>
            {t('export:share')}
          </button>
        )}
        {working && (
          <button type="button" class="secondary" onClick={() => running.current?.abort()}>
            {t('common:cancel')}
          </button>
        )}
      </div>
      <p class="vh" aria-live="polite">
        {working ? t('export:working') : ''}
      </p>
      {state.name === 'saved' && (
        <p class="notice" role="status">
          {t(`export:saved.${kind}`, { file: state.file })}
        </p>
      )}
      {state.name === 'shared' && (
        <p class="notice" role="status">
          {t(`export:shared.${kind}`)}
        </p>
      )}
      {state.name === 'error' && (
        <p class="error-box" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
