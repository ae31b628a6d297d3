// An entry's evidence: files kept exactly, each with its source, size and SHA-256 as received; images
// shown, video and audio played, and a copy saved, all through the service worker so no decrypted
// Blob is ever made. Adding a file streams it straight into the vault, with a way to stop.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { allowNextHide, endHideAllowance } from '../../exit';
import { describeError } from '../../secrets';
import { AttachmentProblem, importAttachment, loadAttachment } from '../attachments';
import { mediaUrl } from '../media';
import type { Attachment, AttachmentSource } from '../schema';
import { Capture, type CaptureMode, neutralMediaSession } from './Capture';
import { formatDateTime } from './format';

function humanSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 10 && unit > 0 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

function problemText(error: unknown): string {
  return error instanceof AttachmentProblem ? t(`evidence:attachments.problems.${error.code}`) : describeError(error);
}

function Preview({ id, record }: { id: string; record: Attachment }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const kind = record.type.split('/')[0];
  const open = () => mediaUrl(id, record).then((u) => (u ? setUrl(u) : setError(t('evidence:attachments.unavailable'))), (e: unknown) => setError(problemText(e)));
  useEffect(() => {
    if (kind === 'image') void open();
  }, [id]);
  if (error) return <p class="error-box">{error}</p>;
  if (kind === 'image') return url ? <img class="preview" src={url} alt={record.name} onError={() => setError(t('evidence:attachments.damaged'))} /> : null;
  if (kind === 'video' || kind === 'audio') {
    if (!url)
      return (
        <button type="button" class="secondary" onClick={() => void open()}>
          {t('evidence:attachments.play')}
        </button>
      );
    const media = {
      src: url,
      controls: true,
      autoplay: true,
      onPlay: () => neutralMediaSession(true),
      onError: () => setError(t('evidence:attachments.damaged')),
    };
    return kind === 'video' ? <video class="preview" {...media} /> : <audio {...media} />;
  }
  return <p class="hint">{t('evidence:attachments.noPreview')}</p>;
}

function AttachmentItem({ id }: { id: string }) {
  const [record, setRecord] = useState<Attachment | 'redacted' | 'damaged' | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadAttachment(id).then(setRecord, () => setRecord('damaged'));
  }, [id]);
  if (record === null) return null;
  if (record === 'damaged') return <li class="error-box">{t('evidence:attachments.damaged')}</li>;
  if (record === 'redacted') return <li class="hint">{t('evidence:attachments.redacted')}</li>;

  const download = async () => {
    setError(null);
    try {
      const url = await mediaUrl(id, record, true);
      if (!url) return setError(t('evidence:attachments.unavailable'));
      // A plain navigation, which the service worker answers with the file as a download (an
      // <a download> would bypass it). It commits no page, so it adds no history entry.
      const link = document.createElement('a');
      link.href = url;
      link.click();
    } catch (e) {
      setError(problemText(e));
    }
  };

  return (
    <li class="attachment">
      <p class="attachment-name">{record.name || t(`evidence:attachments.sources.${record.source}`)}</p>
      <p class="hint">
        {[humanSize(record.size), record.type || '—', t(`evidence:attachments.sources.${record.source}`), t('evidence:attachments.addedOn', { when: formatDateTime(record.addedAt) })].join(' · ')}
      </p>
      <p class="hint sha">
        {t('evidence:attachments.sha')}: <code>{record.sha256}</code>
      </p>
      <Preview id={id} record={record} />
      <button type="button" class="secondary" onClick={() => void download()}>
        {t('evidence:attachments.download')}
      </button>
      {error && (
        <p class="error-box" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

export function Attachments({ entryId, ids, canAdd }: { entryId: string; ids: readonly string[]; canAdd: boolean }) {
  const photos = useRef<HTMLInputElement>(null);
  const files = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ name: string; percent: number; controller: AbortController } | null>(null);
  const [notice, setNotice] = useState<{ name: string; fromPhotos: boolean; choice: 'keep' | 'delete' | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [capturing, setCapturing] = useState<CaptureMode | null>(null);
  const [kept, setKept] = useState('');

  // Playing media pauses when the page is hidden (with a grace period the app stays unlocked).
  useEffect(() => {
    const pause = () => document.visibilityState === 'hidden' && document.querySelectorAll<HTMLMediaElement>('#app video, #app audio').forEach((m) => m.pause());
    document.addEventListener('visibilitychange', pause);
    return () => document.removeEventListener('visibilitychange', pause);
  }, []);

  const add = async (list: FileList | null, source: AttachmentSource) => {
    const file = list?.[0];
    if (!file) return;
    const controller = new AbortController();
    setError(null);
    setNotice(null);
    setProgress({ name: file.name, percent: 0, controller });
    try {
      await importAttachment(
        entryId,
        { stream: file.stream(), size: file.size, name: file.name, type: file.type, lastModified: file.lastModified || null, source, capture: null },
        { signal: controller.signal, onProgress: (bytes) => setProgress({ name: file.name, percent: file.size ? Math.floor((bytes / file.size) * 100) : 100, controller }) },
      );
      setNotice({ name: file.name, fromPhotos: source === 'picker', choice: null });
    } catch (e) {
      setError(problemText(e));
    } finally {
      setProgress(null);
      if (photos.current) photos.current.value = '';
      if (files.current) files.current.value = '';
    }
  };

  // The picker hides the page on a phone: that hide is the app's own doing and must not lock it.
  const pick = (input: HTMLInputElement | null) => {
    allowNextHide();
    input?.click();
  };

  return (
    <section aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('evidence:attachments.title')}</h2>
      {ids.length === 0 && <p class="hint">{t('evidence:attachments.none')}</p>}
      <ul class="attachments">
        {ids.map((id) => (
          <AttachmentItem key={id} id={id} />
        ))}
      </ul>
      {progress && (
        <div class="stack" role="status">
          <p>{t('evidence:attachments.importing', { name: progress.name, percent: progress.percent })}</p>
          <progress max={100} value={progress.percent} aria-label={progress.name} />
          <button type="button" class="secondary" onClick={() => progress.controller.abort()}>
            {t('evidence:attachments.cancel')}
          </button>
        </div>
      )}
      {error && (
        <p class="error-box" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <div class="notice" role="status">
          <p>{t('evidence:attachments.added', { name: notice.name })}</p>
          {notice.fromPhotos && notice.choice === null && (
            <>
              <p>{t('evidence:attachments.originalStillThere')}</p>
              <div class="actions">
                <button type="button" class="secondary" onClick={() => setNotice({ ...notice, choice: 'keep' })}>
                  {t('evidence:attachments.keepOriginal')}
                </button>
                <button type="button" class="secondary" onClick={() => setNotice({ ...notice, choice: 'delete' })}>
                  {t('evidence:attachments.deleteOriginal')}
                </button>
              </div>
            </>
          )}
          {notice.choice === 'keep' && <p>{t('evidence:attachments.keepOriginalHint')}</p>}
          {notice.choice === 'delete' && <p>{t('evidence:attachments.deleteOriginalHint')}</p>}
        </div>
      )}
      {kept && <p class="saved" role="status">{kept}</p>}
      {canAdd && capturing && (
        <Capture
          entryId={entryId}
          mode={capturing}
          onDone={(message) => {
            setCapturing(null);
            setKept(message);
          }}
        />
      )}
      {canAdd && !progress && !capturing && (
        <div class="actions">
          {(['photo', 'video', 'audio'] as const).map((mode) => (
            <button key={mode} type="button" class="secondary" onClick={() => (setKept(''), setCapturing(mode))}>
              {t(`evidence:capture.${mode}`)}
            </button>
          ))}
          <button type="button" class="secondary" onClick={() => pick(photos.current)}>
            {t('evidence:attachments.addPhotos')}
          </button>
          <button type="button" class="secondary" onClick={() => pick(files.current)}>
            {t('evidence:attachments.addFile')}
          </button>
          <input
            ref={photos}
            type="file"
            accept="image/*,video/*"
            hidden
            onChange={(e) => (endHideAllowance(), void add(e.currentTarget.files, 'picker'))}
            onCancel={endHideAllowance}
            aria-label={t('evidence:attachments.addPhotos')}
          />
          <input ref={files} type="file" hidden onChange={(e) => (endHideAllowance(), void add(e.currentTarget.files, 'file'))} onCancel={endHideAllowance} aria-label={t('evidence:attachments.addFile')} />
        </div>
      )}
    </section>
  );
}
