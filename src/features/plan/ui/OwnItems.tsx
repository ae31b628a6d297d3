// Her own things to pack: ticked like the rest of the bag, added and removed by her.
import { useId, useState } from 'preact/hooks';
import type * as Y from 'yjs';
import { t } from '../../../platform/i18n';
import { newId } from '../../../platform/vault';
import { Field } from '../../../shared/ui';
import { OWN_ITEM_MAX, type OwnItemProblem, addOwnItem, checklist, listOwnItems, ownItemProblem, ownItems, removeOwnItem } from '../model';
import { useObserved } from '../state';

export function OwnItems({ doc }: { doc: Y.Doc }) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<OwnItemProblem | null>(null);
  const ticks = checklist(doc, 'bag');
  useObserved(ticks, ownItems(doc));
  const items = listOwnItems(doc);

  const add = () => {
    const found = ownItemProblem(draft);
    setProblem(found);
    if (found) return;
    addOwnItem(doc, draft, newId());
    setDraft('');
  };

  return (
    <>
      {items.length > 0 && (
        <fieldset class="choice plan-checklist">
          <legend>{t('plan:own.legend')}</legend>
          {items.map((item, n) => (
            <div class="choice-option plan-own" key={item.id}>
              <input type="checkbox" id={`${id}-${n}`} checked={ticks.get(item.id) === true} onChange={(event) => ticks.set(item.id, event.currentTarget.checked)} />
              <label for={`${id}-${n}`} class="plan-own-label">
                {item.label}
              </label>
              <button type="button" class="link" aria-label={t('plan:own.removeNamed', { item: item.label })} onClick={() => removeOwnItem(doc, item.id)}>
                {t('plan:own.remove')}
              </button>
            </div>
          ))}
        </fieldset>
      )}
      <div class="plan-add" onKeyDown={(event) => event.key === 'Enter' && (event.preventDefault(), add())}>
        <Field label={t('plan:own.add')} hint={t('plan:own.addHint')} value={draft} onInput={(value) => (setDraft(value), setProblem(null))} error={problem && t(`plan:own.problems.${problem}`, { max: OWN_ITEM_MAX })} />
        <button type="button" class="secondary" onClick={add}>
          {t('plan:own.addButton')}
        </button>
      </div>
    </>
  );
}
