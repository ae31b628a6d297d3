// The Argon2id worker in real Chromium: same key as deriving in the page, and abandoning an attempt
// stops it at once.
import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes';
import { getBrowserDeriver } from './browserDeriver';
import { deriveKek } from './kdf';
import { FAST_KDF } from './testing';

const salt = new Uint8Array(16).fill(7);

describe('KDF worker', () => {
  it('derives the same key-encryption key as the page would', async () => {
    const deriver = getBrowserDeriver();
    const inWorker = await deriver.derive(utf8('246810'), salt, FAST_KDF);
    const inPage = await deriveKek(utf8('246810'), salt, FAST_KDF);
    expect(inWorker.extractable).toBe(false);
    const iv = new Uint8Array(12);
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, inWorker, utf8('same key'));
    expect(new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, inPage, sealed))).toBe('same key');
    deriver.retire();
  });

  it('refuses out-of-bounds costs inside the worker too', async () => {
    const deriver = getBrowserDeriver();
    await expect(deriver.derive(utf8('246810'), salt, { memoryKiB: 4 * 1024 * 1024, iterations: 3, parallelism: 1 })).rejects.toMatchObject({ code: 'header_bounds' });
    deriver.retire();
  });

  it('is abandoned at once when aborted, and works again afterwards', async () => {
    const deriver = getBrowserDeriver();
    deriver.warm();
    const controller = new AbortController();
    const attempt = deriver.derive(utf8('246810'), salt, { memoryKiB: 256 * 1024, iterations: 10, parallelism: 1 }, controller.signal);
    controller.abort();
    await expect(attempt).rejects.toMatchObject({ code: 'aborted' });
    const key = await deriver.derive(utf8('246810'), salt, FAST_KDF);
    expect(key.type).toBe('secret');
    deriver.retire();
  });
});
