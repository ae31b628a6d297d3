// One-tap Call and Text links and a Copy button for a number. The dialer or messages app hides the
// page; that hide is the app's own doing, so it must not lock the app (DESIGN §5).
import { useState } from 'preact/hooks';
import { allowNextHide } from '../../exit';
import { Ltr } from './Ltr';

export function CallLink({ value, display, primary = false }: { value: string; display: string; primary?: boolean }) {
  return (
    <a class={primary ? 'call-button emergency-call' : 'call-button'} href={`tel:${value}`} onClick={() => allowNextHide()}>
      <Ltr k={primary ? 'helplines:emergency.call' : 'helplines:card.call'} values={{ number: display }} />
    </a>
  );
}

export function TextLink({ value, display, keyword }: { value: string; display: string; keyword?: string | undefined }) {
  const href = keyword ? `sms:${value}?body=${encodeURIComponent(keyword)}` : `sms:${value}`;
  return (
    <a class="call-button secondary-link" href={href} onClick={() => allowNextHide()}>
      {keyword ? <Ltr k="helplines:card.textKeyword" values={{ number: display, keyword }} /> : <Ltr k="helplines:card.text" values={{ number: display }} />}
    </a>
  );
}

/** Copies a number, and says plainly that the clipboard is not private. */
export function CopyNumber({ display }: { display: string }) {
  const [message, setMessage] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(display);
      setMessage('copied');
    } catch {
      setMessage('failed');
    }
  };
  return (
    <>
      <button type="button" class="secondary copy" onClick={() => void copy()}>
        <Ltr k="helplines:card.copy" values={{ number: display }} />
      </button>
      <p class="hint copy-status" role="status">
        {message === 'copied' && <Ltr k="helplines:card.copied" values={{ number: display }} />}
        {message === 'failed' && <Ltr k="helplines:card.copyFailed" values={{ number: display }} />}
      </p>
    </>
  );
}
