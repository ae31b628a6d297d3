// One section of the plan, opened and closed in place: advice from specialist services, her fields,
// and for the bag and technology sections their checklists.
import { useId } from 'preact/hooks';
import type * as Y from 'yjs';
import { t } from '../../../platform/i18n';
import { BAG_ITEMS, type Section, TECH_ITEMS, fieldText } from '../model';
import { Checklist } from './Checklist';
import { OwnItems } from './OwnItems';
import { PlanText } from './PlanText';

export interface SectionEditorProps {
  doc: Y.Doc;
  section: Section;
  open: boolean;
  onToggle: () => void;
}

export function SectionEditor({ doc, section, open, onToggle }: SectionEditorProps) {
  const id = useId();
  return (
    <section class="plan-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} class="plan-heading">
        <button type="button" class="plan-toggle" aria-expanded={open} aria-controls={`${id}-body`} onClick={onToggle}>
          <span class="plan-toggle-mark" aria-hidden="true">
            {open ? '−' : '+'}
          </span>
          {t(`plan:sections.${section.id}.title`)}
        </button>
      </h2>
      <div id={`${id}-body`} class="plan-body" hidden={!open}>
        {open && <SectionBody doc={doc} section={section} />}
      </div>
    </section>
  );
}

function SectionBody({ doc, section }: { doc: Y.Doc; section: Section }) {
  return (
    <>
      <p class="plan-advice">{t(`plan:sections.${section.id}.advice`)}</p>
      {section.id === 'bag' && (
        <>
          <p class="warning plan-rule">{t('plan:bag.rule')}</p>
          <Checklist doc={doc} list="bag" legend={t('plan:bag.legend')} items={BAG_ITEMS.map((item) => ({ id: item, label: t(`plan:bag.items.${item}`) }))} />
          <OwnItems doc={doc} />
        </>
      )}
      {section.id === 'tech' && (
        <Checklist
          doc={doc}
          list="tech"
          legend={t('plan:tech.legend')}
          items={TECH_ITEMS.map((item) => ({ id: item, label: t(`plan:tech.items.${item}.label`), explain: t(`plan:tech.items.${item}.explain`) }))}
        />
      )}
      {section.fields.map((field) => (
        <PlanText key={field} text={fieldText(doc, field)} label={t(`plan:fields.${field}.label`)} hint={t(`plan:fields.${field}.hint`)} />
      ))}
    </>
  );
}
