// Names for the files the app saves. They sit in Downloads, in a share sheet and in an email, where
// anyone may see them: they say when, never what.
import { randomBytes } from '../../platform/vault';

function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
}

/** `document-YYYYMMDD.zip` for a pack, `data-YYYYMMDD-<random>.bin` for a backup. */
export function neutralFileName(kind: 'pack' | 'backup', now: Date = new Date()): string {
  if (kind === 'pack') return `document-${localDate(now)}.zip`;
  const random = Array.from(randomBytes(3), (b) => b.toString(16).padStart(2, '0')).join('');
  return `data-${localDate(now)}-${random}.bin`;
}
