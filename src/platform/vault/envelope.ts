// Record envelopes: version byte ‖ 96-bit IV ‖ AES-256-GCM(padded plaintext). The AAD names the
// record's kind, id and schema version, so a ciphertext moved to another id or kind, or replayed
// under another schema version, fails to open instead of being read as something it is not.

import { type Bytes, concat, utf8 } from './bytes';
import { LABELS, VAULT } from './constants';
import { VaultError } from './errors';
import { pad, unpad } from './padding';

export interface RecordContext {
  kind: string;
  id: string;
  schemaVersion: number;
}

export function recordAad(ctx: RecordContext): Bytes {
  return utf8(`${LABELS.recordAad}|${ctx.kind}|${ctx.id}|${ctx.schemaVersion}`);
}

export async function sealEnvelope(key: CryptoKey, ctx: RecordContext, plaintext: Uint8Array): Promise<Bytes> {
  const iv = crypto.getRandomValues(new Uint8Array(VAULT.record.ivBytes));
  const body = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: recordAad(ctx) }, key, pad(plaintext));
  return concat(Uint8Array.of(VAULT.record.envelopeVersion), iv, new Uint8Array(body));
}

export async function openEnvelope(key: CryptoKey, ctx: RecordContext, sealed: Uint8Array): Promise<Bytes> {
  const minimum = 1 + VAULT.record.ivBytes + 16;
  if (sealed.length < minimum) throw new VaultError('record_damaged', 'too short');
  if (sealed[0] !== VAULT.record.envelopeVersion) throw new VaultError('record_version', 'unknown envelope version');
  const iv = sealed.slice(1, 1 + VAULT.record.ivBytes);
  const body = sealed.slice(1 + VAULT.record.ivBytes);
  let padded: ArrayBuffer;
  try {
    padded = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: recordAad(ctx) }, key, body);
  } catch {
    throw new VaultError('record_damaged', 'authentication failed');
  }
  return unpad(new Uint8Array(padded));
}
