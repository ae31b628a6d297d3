// A screen: its heading takes focus when it appears, so a screen reader announces where she is (the
// app changes views in memory, never by navigation, so nothing else would). A new screen also starts
// at the top: the last one's scroll position would leave her partway down it, and a tap meant for a
// control that had just moved could land on whatever took its place (an entry in the log).
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface ScreenProps {
  title: string;
  children: ComponentChildren;
  /** A "back" control above the heading, when the screen has somewhere to go back to. */
  back?: { label: string; onBack: () => void };
}

export function Screen({ title, children, back }: ScreenProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Before the browser paints, so the screen is never seen, or tapped, at the old position.
  useLayoutEffect(() => {
    window.scrollTo(0, 0);
    heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <section class="screen" aria-labelledby="screen-title">
      {back && (
        <button type="button" class="link back" onClick={back.onBack}>
          <span class="back-arrow" aria-hidden="true">
            ‹
          </span>
          {back.label}
        </button>
      )}
      <h1 id="screen-title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </section>
  );
}
