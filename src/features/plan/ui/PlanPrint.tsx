// The whole plan as plain text for paper: every section, whether open on screen or not. Shown only by
// the print stylesheet; on screen it is not displayed (and so not read out twice). Checklists print
// even when nothing is ticked: a list on paper is useful in itself.
import type * as Y from 'yjs';
import { t } from '../../../platform/i18n';
import { BAG_ITEMS, SECTIONS, type Section, TECH_ITEMS, fieldText, isTicked, listOwnItems, sectionIsBlank } from '../model';
import { useObserved } from '../state';

export function PlanPrint({ doc }: { doc: Y.Doc }) {
  useObserved(doc);
  return (
    <div class="plan-print">
      {SECTIONS.map((section) => (
        <section key={section.id} class="plan-print-section">
          <h2>{t(`plan:sections.${section.id}.title`)}</h2>
          {sectionIsBlank(doc, section) && !('checklist' in section) ? <p class="plan-print-blank">{t('plan:print.blank')}</p> : <PrintedSection doc={doc} section={section} />}
        </section>
      ))}
    </div>
  );
}

function Ticks({ items }: { items: { id: string; label: string; ticked: boolean }[] }) {
  return (
    <ul class="plan-print-ticks">
      {items.map((item) => (
        <li key={item.id}>
          <span aria-hidden="true">{item.ticked ? '☑' : '☐'}</span> {item.label}
          <span class="vh">{item.ticked ? t('plan:print.ticked') : t('plan:print.notTicked')}</span>
        </li>
      ))}
    </ul>
  );
}

function PrintedSection({ doc, section }: { doc: Y.Doc; section: Section }) {
  return (
    <>
      {section.id === 'bag' && (
        <>
          <p>{t('plan:bag.rule')}</p>
          <Ticks
            items={[
              ...BAG_ITEMS.map((id) => ({ id, label: t(`plan:bag.items.${id}`), ticked: isTicked(doc, 'bag', id) })),
              ...listOwnItems(doc).map((item) => ({ id: item.id, label: item.label, ticked: isTicked(doc, 'bag', item.id) })),
            ]}
          />
        </>
      )}
      {section.id === 'tech' && <Ticks items={TECH_ITEMS.map((id) => ({ id, label: t(`plan:tech.items.${id}.label`), ticked: isTicked(doc, 'tech', id) }))} />}
      {section.fields.map((field) => {
        const text = fieldText(doc, field).toString();
        return (
          text && (
            <div key={field} class="plan-print-field">
              <h3>{t(`plan:fields.${field}.label`)}</h3>
              <p class="prewrap">{text}</p>
            </div>
          )
        );
      })}
    </>
  );
}
