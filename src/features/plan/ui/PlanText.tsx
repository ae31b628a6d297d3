// A labelled text area bound to one Y.Text. Her typing becomes the smallest edit of the text, so an
// edit merged in from elsewhere survives; an edit merged in while she types keeps her cursor where it
// was in her words rather than jumping to the end.
import { useEffect, useId, useRef } from 'preact/hooks';
import type * as Y from 'yjs';
import { applyTextEdit, mapPosition } from '../model';

export const TYPED = Symbol('plan-typed');

export interface PlanTextProps {
  text: Y.Text;
  label: string;
  hint?: string;
}

export function PlanText({ text, label, hint }: PlanTextProps) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      const area = ref.current;
      if (!area || transaction.origin === TYPED) return;
      const focused = area.ownerDocument.activeElement === area;
      const [start, end] = [area.selectionStart, area.selectionEnd];
      // Set here, before the re-render: the render then finds the value already current and leaves
      // the cursor alone.
      area.value = text.toString();
      if (focused) area.setSelectionRange(mapPosition(event.delta, start), mapPosition(event.delta, end));
    };
    text.observe(observer);
    return () => text.unobserve(observer);
  }, [text]);

  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={id}
        ref={ref}
        rows={4}
        value={text.toString()}
        aria-describedby={hint ? `${id}-hint` : undefined}
        autocomplete="off"
        onInput={(event) => applyTextEdit(text, event.currentTarget.value, TYPED)}
      />
    </div>
  );
}
