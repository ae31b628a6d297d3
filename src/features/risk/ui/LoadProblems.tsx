// Says when saved records could not be loaded or read: she must know, never be shown less silently.
import { t } from '../../../platform/i18n';
import { describeError } from '../../secrets';
import type { Loaded } from '../state';

export function LoadProblems<T>({ loaded }: { loaded: Loaded<T> }) {
  if (loaded.state === 'failed') return <p class="error-box">{describeError(loaded.error)}</p>;
  if (loaded.state === 'ready' && loaded.damaged > 0) return <p class="error-box">{t('risk:damaged', { count: loaded.damaged })}</p>;
  return null;
}
