// A checklist in a fieldset: each item a checkbox bound to the list's Y.Map, with an optional plain
// explanation under it.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type * as Y from 'yjs';
import { type ChecklistId, checklist } from '../model';
import { useObserved } from '../state';

export interface ChecklistItem {
  id: string;
  label: string;
  explain?: string;
}

export interface ChecklistProps {
  doc: Y.Doc;
  list: ChecklistId;
  legend: string;
  items: readonly ChecklistItem[];
  children?: ComponentChildren;
}

export function Checklist({ doc, list, legend, items, children }: ChecklistProps) {
  const id = useId();
  const ticks = checklist(doc, list);
  useObserved(ticks);
  return (
    <fieldset class="choice plan-checklist">
      <legend>{legend}</legend>
      {items.map((item, n) => (
        // The explanation is a description, not part of the name: "Location sharing", then why.
        <div class="choice-option" key={item.id}>
          <input
            type="checkbox"
            id={`${id}-${n}`}
            checked={ticks.get(item.id) === true}
            aria-describedby={item.explain ? `${id}-${n}-explain` : undefined}
            onChange={(event) => ticks.set(item.id, event.currentTarget.checked)}
          />
          <span class="choice-text">
            <label for={`${id}-${n}`}>{item.label}</label>
            {item.explain && (
              <span class="hint" id={`${id}-${n}-explain`}>
                {item.explain}
              </span>
            )}
          </span>
        </div>
      ))}
      {children}
    </fieldset>
  );
}
