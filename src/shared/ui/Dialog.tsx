// A modal dialog in the top layer. A modal makes everything outside it inert, so the caller passes
// the Exit button in and it is rendered inside, above the dialog's content.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

export interface DialogProps {
  title: string;
  children: ComponentChildren;
  exitButton: ComponentChildren;
  onClose: () => void;
}

export function Dialog({ title, children, exitButton, onClose }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby={id} onCancel={(event) => (event.preventDefault(), onClose())}>
      <div class="dialog-exit">{exitButton}</div>
      <h2 id={id}>{title}</h2>
      {children}
    </dialog>
  );
}
