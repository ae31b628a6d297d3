// Asking the service worker to serve an attachment: a random token per view, registered with the
// attachment's segment key; revoked, all of them, the moment the session ends.
import { fromBase64Url, newId, onSessionEnd } from '../../platform/vault';
import { MEDIA_PATH, type MediaMessage } from '../../shared/protocol/media';
import { attachmentKey } from './attachments';
import type { Attachment } from './schema';

function controller(): ServiceWorker | null {
  return ('serviceWorker' in navigator && navigator.serviceWorker.controller) || null;
}

function send(worker: ServiceWorker, message: MediaMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => reject(new Error('service worker did not answer')), 5000);
    channel.port1.onmessage = () => (clearTimeout(timer), resolve());
    worker.postMessage(message, [channel.port2]);
  });
}

onSessionEnd(() => controller()?.postMessage({ type: 'media-revoke-all' } satisfies MediaMessage));

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/heic': 'heic', 'video/mp4': 'mp4', 'video/webm': 'webm', 'video/quicktime': 'mov', 'audio/webm': 'webm', 'audio/ogg': 'ogg', 'audio/mpeg': 'mp3', 'audio/mp4': 'm4a', 'application/pdf': 'pdf' };

/** A name that says nothing about what the file is: its date and time, and its kind of file. */
export function neutralName(record: Attachment): string {
  const fromName = /\.([A-Za-z0-9]{1,5})$/.exec(record.name)?.[1]?.toLowerCase();
  const ext = fromName ?? EXTENSIONS[record.type.split(';')[0] ?? ''] ?? 'bin';
  return `${record.addedAt.slice(0, 10).replace(/-/g, '')}-${record.addedAt.slice(11, 16).replace(':', '')}.${ext}`;
}

/** A same-origin URL the service worker serves the attachment from, or null without a service worker. */
export async function mediaUrl(id: string, record: Attachment, download = false): Promise<string | null> {
  const worker = controller();
  if (!worker) return null;
  const token = newId();
  const key = await attachmentKey(id, record);
  await send(worker, {
    type: 'media-register',
    token,
    key,
    entry: {
      storage: record.storage,
      segments: record.segments,
      size: record.size,
      type: record.type,
      salt: fromBase64Url(record.salt),
      noncePrefix: fromBase64Url(record.noncePrefix),
      downloadName: download ? neutralName(record) : null,
    },
  });
  return `${MEDIA_PATH}${token}`;
}
