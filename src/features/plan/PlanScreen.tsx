// The safety plan: a Yjs document kept encrypted in the vault, edited section by section. Which
// sections are open is component state only: nothing in the URL, no history entries.
import './plan.css';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { Screen } from '../../shared/ui';
import { describeError } from '../secrets';
import { SECTIONS, type SectionId } from './model';
import type { PlanSession, SaveState } from './session';
import { usePlan } from './state';
import { PlanPrint } from './ui/PlanPrint';
import { PrintDialog } from './ui/PrintDialog';
import { SectionEditor } from './ui/SectionEditor';

export interface PlanScreenProps {
  onHome: () => void;
}

export function PlanScreen({ onHome }: PlanScreenProps) {
  const load = usePlan();
  return (
    <Screen title={t('plan:title')} back={{ label: t('common:home'), onBack: onHome }}>
      {load.state === 'loading' && <p class="hint">{t('plan:loading')}</p>}
      {load.state === 'failed' && (
        <p class="error-box" role="alert">
          {t('plan:loadFailed', { reason: describeError(load.error) })}
        </p>
      )}
      {load.state === 'ready' && <PlanEditor session={load.session} />}
    </Screen>
  );
}

function PlanEditor({ session }: { session: PlanSession }) {
  const { doc } = session;
  const [open, setOpen] = useState<ReadonlySet<SectionId>>(new Set());
  const [warning, setWarning] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  useEffect(() => session.onSaveState(setSaveState), [session]);

  const toggle = (id: SectionId) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };
  const print = () => {
    setWarning(false);
    // After the dialog has closed, so it is not on the paper. The title is left alone: the print
    // header shows "Calculator", like everything else the browser shows about this page.
    setTimeout(() => window.print(), 0);
  };

  return (
    <div class="plan">
      <div class="plan-editor">
        <p>{t('plan:intro')}</p>
        {session.damaged > 0 && (
          <p class="error-box" role="alert">
            {t('plan:partDamaged')}
          </p>
        )}
        {saveState.kind === 'failed' && (
          <div class="error-box" role="alert">
            <p>{t('plan:saveFailed', { reason: describeError(saveState.error) })}</p>
            <button type="button" class="secondary" onClick={() => void session.save()}>
              {t('plan:saveAgain')}
            </button>
          </div>
        )}
        {SECTIONS.map((section) => (
          <SectionEditor key={section.id} doc={doc} section={section} open={open.has(section.id)} onToggle={() => toggle(section.id)} />
        ))}
        <div class="actions plan-actions">
          <button type="button" class="secondary" onClick={() => setWarning(true)}>
            {t('plan:print.button')}
          </button>
        </div>
      </div>
      <PlanPrint doc={doc} />
      {warning && <PrintDialog onPrint={print} onCancel={() => setWarning(false)} />}
    </div>
  );
}
