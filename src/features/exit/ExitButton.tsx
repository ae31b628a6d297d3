// The Exit button: on every screen and inside every dialog (a modal dialog makes the rest of the page
// inert, so a button outside it could not be pressed). It leaves on pointerdown as well as click:
// a frightened press that slides off the button must still count.
import { t } from '../../platform/i18n';
import { exitNow } from './teardown';
import { shiftRemaining } from './triggers';

export function ExitButton({ announce = false }: { announce?: boolean }) {
  return (
    <>
      <button type="button" class="exit" onPointerDown={(e) => e.button === 0 && exitNow()} onClick={() => exitNow()}>
        {t('common:exit.button')}
      </button>
      {announce && (
        <p class="vh" aria-live="polite">
          {shiftRemaining.value > 0 ? t('common:exit.shiftRemaining', { count: shiftRemaining.value }) : ''}
        </p>
      )}
    </>
  );
}
