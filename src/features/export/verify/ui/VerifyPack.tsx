// "Check a pack": she (or an advocate) chooses a pack file, and the verifier core — the same code the
// command line runs — recomputes every fingerprint and the chain. The file is read in slices straight
// from where it lies; nothing is copied, stored or uploaded.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../../platform/i18n';
import { Screen } from '../../../../shared/ui';
import type { ByteSource } from '../zip';
import { type PackProblem, type PackReport, verifyPack } from '../verifyPack';

export interface VerifyPackProps {
  onBack: () => void;
}

type State = { name: 'idle' } | { name: 'checking'; percent: number } | { name: 'done'; report: PackReport } | { name: 'unreadable' };

function fileSource(file: File): ByteSource {
  return { size: file.size, read: async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()) };
}

/** Keeps a fingerprint or a time left to right inside a right-to-left sentence (Unicode isolate). */
const ltr = (text: string) => `\u2066${text}\u2069`;

/** A time in ms as ISO 8601; one outside Date's range (a hostile countersignature) as the number. */
function isoTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}

/** A finding in her language. */
export function problemMessage(problem: PackProblem): string {
  switch (problem.code) {
    case 'zip_damaged':
      return problem.path ? t('pack:verify.problems.zip_damaged', { path: problem.path }) : t('pack:verify.problems.zip_damaged_directory');
    case 'unsupported':
      return t('pack:verify.problems.unsupported', { format: problem.format, version: problem.version });
    case 'file_removed':
    case 'file_added':
    case 'file_changed':
    case 'file_not_in_chain':
    case 'chronology_extra':
      return t(`pack:verify.problems.${problem.code}`, { path: problem.path });
    case 'chain_order':
    case 'chain_broken':
    case 'link_changed':
    case 'content_changed':
      return t(`pack:verify.problems.${problem.code}`, { position: problem.position, seq: problem.seq });
    case 'entry_not_included':
    case 'attachment_missing':
    case 'attachment_duplicated':
    case 'entry_latest_hidden':
    case 'entry_history_hidden':
      return t(`pack:verify.problems.${problem.code}`, { entry: problem.entry, seq: problem.seq });
    case 'witness_invalid':
      return t('pack:verify.problems.witness_invalid', { index: problem.index });
    case 'witness_mismatch':
      return t('pack:verify.problems.witness_mismatch', { index: problem.index, seq: problem.seq });
    default:
      return t(`pack:verify.problems.${problem.code}`);
  }
}

export function VerifyPack({ onBack }: VerifyPackProps) {
  const [state, setState] = useState<State>({ name: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const check = async (file: File | undefined) => {
    running.current?.abort();
    if (!file) return setState({ name: 'idle' });
    const abort = new AbortController();
    running.current = abort;
    setState({ name: 'checking', percent: 0 });
    try {
      const report = await verifyPack(fileSource(file), { signal: abort.signal, onProgress: (done) => setState({ name: 'checking', percent: Math.round(done * 100) }) });
      if (!abort.signal.aborted) setState({ name: 'done', report });
    } catch {
      if (!abort.signal.aborted) setState({ name: 'unreadable' });
    }
  };

  return (
    <Screen title={t('pack:verify.title')} back={{ label: t('export:title'), onBack }}>
      <p>{t('pack:verify.intro')}</p>
      <div class="field">
        <label for="verify-pack-file">{t('pack:verify.choose')}</label>
        <input id="verify-pack-file" type="file" accept=".zip,application/zip" onChange={(event) => void check(event.currentTarget.files?.[0])} />
      </div>
      <div role="status" aria-live="polite">
        {state.name === 'checking' && <p>{t('pack:verify.checking', { percent: state.percent })}</p>}
        {state.name === 'done' && state.report.ok && state.report.summary && (
          <div class="notice">
            <p>
              <strong>{t('pack:verify.intact')}</strong>
            </p>
            <p>{t('pack:verify.summary', { entries: state.report.summary.entries, files: state.report.summary.files, events: state.report.summary.events, opened: state.report.summary.opened })}</p>
            {state.report.summary.uncheckedCopies > 0 && <p>{t('pack:verify.uncheckedCopies', { copies: state.report.summary.uncheckedCopies })}</p>}
            {state.report.summary.head && (
              <p class="hint" dir="ltr">
                {t('pack:verify.head', { seq: state.report.summary.head.seq, hash: state.report.summary.head.hash })}
              </p>
            )}
            {state.report.summary.witnessed.length === 0 && <p>{t('pack:verify.notAnchored')}</p>}
            {state.report.summary.witnessed.map((w, i) => (
              <p key={i}>{t('pack:verify.witnessed', { seq: w.seq, key: ltr(w.key), received: ltr(isoTime(w.receivedAt)), signed: ltr(isoTime(w.signedAt)) })}</p>
            ))}
          </div>
        )}
      </div>
      {state.name === 'done' && !state.report.ok && (
        <div class="error-box" role="alert">
          <p>
            <strong>{t('pack:verify.notIntact')}</strong>
          </p>
          <ul>
            {state.report.problems.slice(0, 50).map((problem, i) => (
              <li key={i}>{problemMessage(problem)}</li>
            ))}
          </ul>
        </div>
      )}
      {state.name === 'unreadable' && (
        <p class="error-box" role="alert">
          {t('pack:verify.unreadable')}
        </p>
      )}
    </Screen>
  );
}
