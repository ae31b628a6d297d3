// Photos, video and voice notes captured inside the app, straight into encrypted segments: nothing
// lands in the gallery or a cloud photo library. A recording stops when the app locks or is hidden,
// and what was recorded is kept (see importAttachment).
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { onBeforeLock } from '../../exit';
import { describeError } from '../../secrets';
import { AttachmentProblem, importAttachment } from '../attachments';

export type CaptureMode = 'photo' | 'video' | 'audio';

const MIME = {
  video: ['video/webm;codecs=vp9,opus', 'video/webm', 'video/mp4'],
  audio: ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg'],
} as const;

function supported(mode: 'video' | 'audio'): string {
  return MIME[mode].find((type) => MediaRecorder.isTypeSupported(type)) ?? '';
}

/** Media notifications show the calculator's name, never what is being recorded or played. */
export function neutralMediaSession(active: boolean): void {
  if (!('mediaSession' in navigator)) return;
  navigator.mediaSession.metadata = active ? new MediaMetadata({ title: document.title }) : null;
}

export function Capture({ entryId, mode, onDone }: { entryId: string; mode: CaptureMode; onDone: (message: string) => void }) {
  const preview = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [seconds, setSeconds] = useState<number | null>(null);
  const stopRecording = useRef<(() => void) | null>(null);

  const release = (s: MediaStream | null) => {
    for (const track of s?.getTracks() ?? []) track.stop();
    neutralMediaSession(false);
  };

  useEffect(() => {
    let live = true;
    let opened: MediaStream | null = null;
    if (!navigator.mediaDevices?.getUserMedia || (mode !== 'photo' && typeof MediaRecorder === 'undefined')) {
      setError(t('evidence:capture.unsupported'));
      return;
    }
    navigator.mediaDevices
      .getUserMedia(mode === 'audio' ? { audio: true } : { video: { facingMode: 'environment' }, audio: mode === 'video' })
      .then((s) => {
        opened = s;
        if (!live) return release(s);
        neutralMediaSession(true);
        setStream(s);
        if (preview.current) preview.current.srcObject = s;
      })
      .catch(() => setError(t(mode === 'audio' ? 'evidence:capture.noMicrophone' : 'evidence:capture.noCamera')));
    // Leaving (a lock, an exit, hiding the page) stops the recording and keeps what it has.
    const stop = () => stopRecording.current?.();
    const onHidden = () => document.visibilityState === 'hidden' && stop();
    document.addEventListener('visibilitychange', onHidden);
    const off = onBeforeLock(stop);
    return () => {
      live = false;
      stop();
      off();
      document.removeEventListener('visibilitychange', onHidden);
      release(opened);
    };
  }, [mode]);

  const keep = (promise: Promise<string>) =>
    promise.then(
      () => onDone(t('evidence:capture.kept')),
      (e: unknown) => setError(e instanceof AttachmentProblem ? t(`evidence:attachments.problems.${e.code}`) : describeError(e)),
    );

  const takePhoto = () => {
    const video = preview.current;
    if (!video || !stream) return;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    canvas.toBlob((blob) => {
      release(stream);
      if (!blob) return setError(t('evidence:capture.noCamera'));
      void keep(importAttachment(entryId, { stream: blob.stream(), size: blob.size, name: '', type: 'image/jpeg', lastModified: null, source: 'in_app', capture: 'photo' }));
    }, 'image/jpeg', 0.92);
  };

  const startRecording = () => {
    if (!stream || mode === 'photo') return;
    const type = supported(mode);
    const recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
    let chain = Promise.resolve();
    let feed: ReadableStreamDefaultController<Uint8Array> | null = null;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (feed = c) });
    // Chunks arrive every second and go straight into the vault, in order.
    recorder.ondataavailable = (event) => {
      chain = chain.then(async () => feed?.enqueue(new Uint8Array(await event.data.arrayBuffer())));
    };
    recorder.onstop = () => {
      chain = chain.then(() => feed?.close());
      release(stream);
    };
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.round((Date.now() - started) / 1000)), 1000);
    stopRecording.current = () => {
      clearInterval(timer);
      stopRecording.current = null;
      if (recorder.state !== 'inactive') recorder.stop();
    };
    setSeconds(0);
    recorder.start(1000);
    void keep(importAttachment(entryId, { stream: body, size: null, name: '', type: recorder.mimeType || type, lastModified: null, source: 'in_app', capture: mode }));
  };

  return (
    <div class="capture stack">
      <p class="hint">{t('evidence:capture.intro')}</p>
      {mode !== 'audio' && <video ref={preview} class="preview" autoplay muted playsinline aria-label={t('evidence:capture.preview')} />}
      {seconds !== null && (
        <p role="status" class="recording">
          {t('evidence:capture.recording', { seconds })}
        </p>
      )}
      {error && (
        <p class="error-box" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        {mode === 'photo' && stream && (
          <button type="button" class="primary" onClick={takePhoto}>
            {t('evidence:capture.shutter')}
          </button>
        )}
        {mode !== 'photo' && stream && seconds === null && (
          <button type="button" class="primary" onClick={startRecording}>
            {t('evidence:capture.start')}
          </button>
        )}
        {seconds !== null && (
          <button type="button" class="primary" onClick={() => stopRecording.current?.()}>
            {t('evidence:capture.stop')}
          </button>
        )}
        {seconds === null && (
          <button type="button" class="secondary" onClick={() => onDone('')}>
            {t('evidence:capture.cancel')}
          </button>
        )}
      </div>
    </div>
  );
}
