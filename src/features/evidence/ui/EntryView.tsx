// One entry: its latest version in full, every earlier version, and the two things she can do with it
// — add to it (a new revision) or redact it (its content destroyed, its place in the log kept).
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { Dialog, Screen } from '../../../shared/ui';
import { describeError } from '../../secrets';
import { type RevisionView, entryHistory, isRevision, redactEntry } from '../entries';
import { loadIndex, onLogChanged } from '../logStore';
import type { IndexEntry, Revision } from '../schema';
import { useOrders } from '../state';
import { formatDate, formatDateTime } from './format';
import type { EvidenceNav } from './nav';
import { orderTitle } from './orderText';
import { Attachments } from './Attachments';

function Detail({ label, value }: { label: string; value: string }) {
  if (!value.trim()) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd class="prewrap">{value}</dd>
    </>
  );
}

function RevisionDetails({ revision }: { revision: Revision }) {
  const orders = useOrders();
  const { content } = revision;
  const conditionText = content.conditions.map((ref) => {
    const order = orders.state === 'ready' ? orders.value.find((o) => o.id === ref.orderId) : undefined;
    const condition = order && !order.damaged ? order.value.conditions.find((c) => c.id === ref.conditionId) : undefined;
    return order && !order.damaged && condition ? `${orderTitle(order.value)}: ${condition.text}` : '';
  });
  const when = `${content.approximate ? `${t('evidence:view.approximately')} ` : ''}${formatDateTime(content.at)}${content.until ? ` – ${formatDateTime(content.until)}` : ''}`;
  return (
    <dl class="details">
      <Detail label={t('evidence:entry.when')} value={when} />
      <Detail label={t('evidence:entry.kinds')} value={content.kinds.map((k) => t(`evidence:kinds.${k}`)).join(', ')} />
      <Detail label={t('evidence:entry.conditions')} value={conditionText.filter(Boolean).join('\n')} />
      <Detail label={t('evidence:entry.what')} value={content.what} />
      <Detail label={t('evidence:entry.where')} value={content.where} />
      <Detail label={t('evidence:entry.witnesses')} value={content.witnesses} />
      <Detail label={t('evidence:entry.injuries')} value={content.injuries} />
      <Detail label={t('evidence:entry.weapon')} value={content.weapon ? t('evidence:entry.policeOptions.yes') : ''} />
      <Detail label={t('evidence:entry.impact')} value={content.impact} />
      <Detail
        label={t('evidence:entry.police')}
        value={content.police.told ? [t(`evidence:entry.policeOptions.${content.police.told}`), content.police.on ? formatDate(content.police.on) : '', content.police.reference, content.police.officer].filter(Boolean).join(' · ') : ''}
      />
    </dl>
  );
}

export function EntryView({ id, nav, exitButton }: { id: string; nav: EvidenceNav; exitButton: ComponentChildren }) {
  const [line, setLine] = useState<IndexEntry | null | undefined>(undefined);
  const [history, setHistory] = useState<RevisionView[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const found = (await loadIndex()).find((e) => e.id === id) ?? null;
    // Reloaded whenever the log changes: an attachment added here shows at once.
    setLine(found);
    if (found) setHistory(await entryHistory(found.revIds));
  };
  useEffect(() => {
    const reload = () => void load().catch((failure: unknown) => setError(describeError(failure)));
    reload();
    return onLogChanged(reload);
  }, [id]);

  const revisions = history.flatMap((h) => ('record' in h && isRevision(h.record) ? [h.record] : []));
  const latest = revisions.at(-1);

  const redact = async () => {
    setError(null);
    try {
      await redactEntry(id);
      setConfirming(false);
      await load();
    } catch (failure) {
      setError(describeError(failure));
    }
  };

  return (
    <Screen title={t('evidence:view.title')} back={{ label: t('evidence:timeline.title'), onBack: nav.log }}>
      {error && (
        <p class="error-box" role="alert">
          {error}
        </p>
      )}
      {line === null && <p class="error-box">{t('evidence:entry.problems.not_found')}</p>}
      {line?.redactedAt && <p class="notice">{t('evidence:view.redacted', { when: formatDateTime(line.redactedAt) })}</p>}
      {latest && <RevisionDetails revision={latest} />}
      {line && !line.redactedAt && !latest && history.some((h) => 'damaged' in h) && <p class="error-box">{t('evidence:view.damaged')}</p>}
      {line && !line.redactedAt && (
        <div class="actions">
          <button type="button" class="primary" onClick={() => nav.editEntry(id)}>
            {t('evidence:view.edit')}
          </button>
          <button type="button" class="secondary" onClick={() => setConfirming(true)}>
            {t('evidence:view.redact')}
          </button>
        </div>
      )}
      {line && <Attachments entryId={id} ids={line.attachments} canAdd={!line.redactedAt} />}
      {history.length > 1 && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t('evidence:view.history')}</h2>
          <ol class="history">
            {history.map((h, i) => (
              <li key={h.id}>
                {'damaged' in h ? (
                  <p class="error-box">{t('evidence:view.damaged')}</p>
                ) : isRevision(h.record) ? (
                  <details>
                    <summary>
                      {t('evidence:view.revision', { n: i + 1, when: formatDateTime(h.record.savedAt) })}
                      {h.record.reason && ` — ${t('evidence:view.reasonLabel', { reason: h.record.reason })}`}
                    </summary>
                    <RevisionDetails revision={h.record} />
                  </details>
                ) : (
                  <p>{t('evidence:view.redacted', { when: formatDateTime(h.record.redactedAt) })}</p>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      {confirming && (
        <Dialog title={t('evidence:view.redactTitle')} exitButton={exitButton} onClose={() => setConfirming(false)}>
          <div class="stack">
            <p>{t('evidence:view.redactText')}</p>
            <div class="actions">
              <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                {t('common:cancel')}
              </button>
              <button type="button" class="danger" onClick={() => void redact()}>
                {t('evidence:view.redactConfirm')}
              </button>
            </div>
          </div>
        </Dialog>
      )}
    </Screen>
  );
}
