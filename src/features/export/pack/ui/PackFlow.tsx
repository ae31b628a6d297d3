// The evidence pack, step by step: the plain warning (not encrypted, who it is for), what goes in
// (orders, kinds, dates, histories, language), the review of files with (or that may have) location
// or device details and entries that may hold an address, then save. Every flagged file can be left
// out; one that cannot be copied without its metadata is left out unless she picks the original. Everything chosen lives in this component's
// state, so a lock (which unmounts it) forgets it.
import { useRef, useState } from 'preact/hooks';
import { LANGUAGES, type Language, t } from '../../../../platform/i18n';
import { Choice, Field, Screen } from '../../../../shared/ui';
import { INCIDENT_KINDS, type IncidentKind, type OrderItem, orderTitle, useOrders } from '../../../evidence';
import { neutralFileName } from '../../fileNames';
import { SaveActions } from '../../ui/SaveActions';
import { type PackChoices, buildPack } from '../build';
import { type Collected, PackExportProblem, type PackSelection, collect } from '../collect';
import { choicesFor, defaultChoice } from '../attachmentChoice';
import { type AttachmentChoice, type EntryChoice, type FlaggedAttachment, type Review, reviewPack } from '../review';
import { packFormat } from '../format';

export interface PackFlowProps {
  onDone: () => void;
}

type Step = { name: 'choose'; problem: string | null } | { name: 'checking' } | { name: 'review'; collected: Collected; review: Review };

function problemText(error: unknown): string {
  if (error instanceof PackExportProblem) return t(`pack:problems.${error.code}`);
  return t('pack:problems.failed');
}

function Warning() {
  return (
    <div class="warning" role="note" aria-labelledby="pack-warning">
      <h2 id="pack-warning">{t('pack:flow.warningTitle')}</h2>
      <p>
        <strong>{t('pack:flow.notEncrypted')}</strong>
      </p>
      <p>{t('pack:flow.whoFor')}</p>
      <p>{t('pack:flow.keepOriginals')}</p>
      <p>{t('pack:flow.addresses')}</p>
    </div>
  );
}

function Checks<V extends string>({ legend, hint, options, value, onChange }: { legend: string; hint?: string; options: { value: V; label: string }[]; value: V[]; onChange: (v: V[]) => void }) {
  return (
    <fieldset class="choice">
      <legend>{legend}</legend>
      {hint && <p class="hint">{hint}</p>}
      {options.map((option) => {
        const checked = value.includes(option.value);
        return (
          <label class="choice-option" key={option.value}>
            <input type="checkbox" checked={checked} onChange={() => onChange(checked ? value.filter((v) => v !== option.value) : [...value, option.value])} />
            <span class="choice-text">{option.label}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

function ChooseStep({ orders, selection, onChange, onNext, problem }: { orders: OrderItem[]; selection: PackSelection; onChange: (s: PackSelection) => void; onNext: () => void; problem: string | null }) {
  const liveOrders = orders.flatMap((o) => (o.damaged ? [] : [{ value: o.id, label: orderTitle(o.value) }]));
  return (
    <form
      class="stack"
      onSubmit={(event) => {
        event.preventDefault();
        onNext();
      }}
    >
      <h2>{t('pack:flow.choose')}</h2>
      {liveOrders.length ? (
        <Checks legend={t('pack:flow.orders')} hint={t('pack:flow.allEntries')} options={liveOrders} value={selection.orders} onChange={(v) => onChange({ ...selection, orders: v })} />
      ) : (
        <p class="hint">{t('pack:flow.noOrders')}</p>
      )}
      <Checks<IncidentKind>
        legend={t('pack:flow.kinds')}
        hint={t('pack:flow.allEntries')}
        options={INCIDENT_KINDS.map((k) => ({ value: k, label: t(`evidence:kinds.${k}`) }))}
        value={selection.kinds}
        onChange={(v) => onChange({ ...selection, kinds: v })}
      />
      <Field label={t('pack:flow.from')} type="date" value={selection.from ?? ''} onInput={(v) => onChange({ ...selection, from: v || null })} />
      <Field label={t('pack:flow.to')} type="date" value={selection.to ?? ''} onInput={(v) => onChange({ ...selection, to: v || null })} />
      <label class="choice-option">
        <input type="checkbox" checked={selection.histories} onChange={() => onChange({ ...selection, histories: !selection.histories })} aria-describedby="pack-histories-hint" />
        <span class="choice-text">{t('pack:flow.histories')}</span>
      </label>
      <p class="hint" id="pack-histories-hint">
        {t('pack:flow.historiesHint')}
      </p>
      <Choice<Language>
        legend={t('pack:flow.language')}
        options={LANGUAGES.map((l) => ({ value: l.code, label: l.name, lang: l.code, dir: l.dir, ...(l.code === 'en' ? { hint: t('pack:flow.languageHint') } : {}) }))}
        value={selection.language}
        onChange={(language) => onChange({ ...selection, language })}
      />
      {problem && (
        <p class="error-box" role="alert">
          {problem}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary">
          {t('pack:flow.next')}
        </button>
      </div>
    </form>
  );
}

function choiceText(choice: AttachmentChoice): { label: string; hint?: string } {
  if (choice === 'copy') return { label: t('pack:review.copy'), hint: t('pack:review.copyHint') };
  if (choice === 'original') return { label: t('pack:review.original') };
  return { label: t('pack:review.leaveOutFile'), hint: t('pack:review.leaveOutFileHint') };
}

/** One flagged file: what was found (or may be there), and copy / original / leave out. */
function FileChoice({ flagged, value, onChange }: { flagged: FlaggedAttachment; value: AttachmentChoice | undefined; onChange: (v: AttachmentChoice) => void }) {
  const found = [...flagged.findings.map((f) => t(`pack:findings.${f}`)), ...(flagged.unreadable ? [t('pack:review.unreadable')] : [])];
  const legend = t('pack:review.fileFindings', { name: flagged.attachment.record.name, findings: found.join(', ') });
  const options = choicesFor(flagged).map((choice) => ({ value: choice, ...choiceText(choice) }));
  return (
    <div class="stack">
      <Choice<AttachmentChoice> legend={legend} options={options} value={value ?? defaultChoice(flagged)} onChange={onChange} />
      {!flagged.canCopy && <p class="hint">{t('pack:review.noCopy')}</p>}
    </div>
  );
}

function ReviewStep({ collected, review, selection, onBack }: { collected: Collected; review: Review; selection: PackSelection; onBack: () => void }) {
  const [files, setFiles] = useState<Map<string, AttachmentChoice>>(new Map());
  const [entries, setEntries] = useState<Map<string, EntryChoice>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const fmt = packFormat(selection.language);
  const fileCount = collected.entries.reduce((n, e) => n + e.attachments.length, 0);
  const included = collected.entries.filter((e) => (entries.get(e.index.id) ?? 'include') === 'include').length;
  const choices: PackChoices = { attachments: files, entries };
  return (
    <div class="stack">
      <h2>{t('pack:review.title')}</h2>
      <p>{t('pack:flow.matches', { entries: t('pack:flow.entries', { count: collected.entries.length }), files: t('pack:flow.files', { count: fileCount }) })}</p>
      {review.attachments.length === 0 && review.entries.length === 0 && <p>{t('pack:review.nothingFlagged')}</p>}
      {review.attachments.length > 0 && (
        <section aria-labelledby="pack-files-title" class="stack">
          <h3 id="pack-files-title">{t('pack:review.filesTitle')}</h3>
          <p class="hint">{t('pack:review.filesIntro')}</p>
          {review.attachments.map((flagged) => (
            <FileChoice key={flagged.attachment.id} flagged={flagged} value={files.get(flagged.attachment.id)} onChange={(v) => setFiles(new Map(files).set(flagged.attachment.id, v))} />
          ))}
        </section>
      )}
      {review.entries.length > 0 && (
        <section aria-labelledby="pack-entries-title" class="stack">
          <h3 id="pack-entries-title">{t('pack:review.entriesTitle')}</h3>
          {review.entries.map((flagged) => (
            <Choice<EntryChoice>
              key={flagged.entry.index.id}
              legend={t('pack:review.entryFound', { when: fmt.dateTime(flagged.entry.index.at), text: flagged.matches.join('”, “') })}
              options={[
                { value: 'include', label: t('pack:review.include') },
                { value: 'leave_out', label: t('pack:review.leaveOut'), hint: t('pack:review.leaveOutHint') },
              ]}
              value={entries.get(flagged.entry.index.id) ?? 'include'}
              onChange={(v) => setEntries(new Map(entries).set(flagged.entry.index.id, v))}
            />
          ))}
        </section>
      )}
      <Warning />
      <h3>{t('pack:review.ready')}</h3>
      <p class="hint">{t('pack:review.fileName', { file: neutralFileName('pack') })}</p>
      {included === 0 && <p class="error-box">{t('pack:problems.empty')}</p>}
      <SaveActions
        kind="pack"
        type="application/zip"
        disabled={included === 0}
        make={async (signal) => {
          setProblem(null);
          try {
            return { body: await buildPack(collected, review, selection, choices, { signal }), size: null };
          } catch (error) {
            // Said in full here; the save controls add only that nothing was saved.
            if (error instanceof PackExportProblem) setProblem(problemText(error));
            throw error;
          }
        }}
      />
      {problem && (
        <p class="error-box" role="alert">
          {problem}
        </p>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={onBack}>
          {t('pack:flow.back')}
        </button>
      </div>
    </div>
  );
}

export function PackFlow({ onDone }: PackFlowProps) {
  const orders = useOrders();
  const [selection, setSelection] = useState<PackSelection>({ from: null, to: null, kinds: [], orders: [], histories: false, language: 'en' });
  const [step, setStep] = useState<Step>({ name: 'choose', problem: null });
  const running = useRef<AbortController | null>(null);
  const orderList = orders.state === 'ready' ? orders.value : [];

  const next = async () => {
    if (selection.from && selection.to && selection.to < selection.from) {
      setStep({ name: 'choose', problem: t('pack:flow.badRange') });
      return;
    }
    running.current?.abort();
    const abort = new AbortController();
    running.current = abort;
    setStep({ name: 'checking' });
    try {
      const collected = await collect(selection, orderList);
      if (collected.entries.length === 0) {
        setStep({ name: 'choose', problem: t('pack:flow.none') });
        return;
      }
      const review = await reviewPack(collected, abort.signal);
      if (!abort.signal.aborted) setStep({ name: 'review', collected, review });
    } catch (error) {
      if (!abort.signal.aborted) setStep({ name: 'choose', problem: problemText(error) });
    }
  };

  return (
    <Screen title={t('pack:flow.title')} back={{ label: t('export:title'), onBack: onDone }}>
      {step.name !== 'review' && <Warning />}
      {step.name === 'choose' && <ChooseStep orders={orderList} selection={selection} onChange={setSelection} onNext={() => void next()} problem={step.problem} />}
      {step.name === 'checking' && (
        <p role="status" aria-live="polite">
          {t('pack:flow.checking')}
        </p>
      )}
      {step.name === 'review' && <ReviewStep collected={step.collected} review={step.review} selection={selection} onBack={() => setStep({ name: 'choose', problem: null })} />}
    </Screen>
  );
}
