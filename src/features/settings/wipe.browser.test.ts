// Runs in real Chromium: the erase section offers auto-wipe only once a backup exists, and the
// choice lands in the key file's header (bytes 48–49), where the calculator reads it before unlock.
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../../platform/i18n';
import { createKeyFile, deleteDatabase, eraseKeyFile, readKeyFile } from '../../platform/store';
import { createVault, endSession, parseHeader } from '../../platform/vault';
import { FAST_KDF, inlineDeriver } from '../../platform/vault/testing';
import { type Settings, defaultSettings } from './schema';
import { WipeSection } from './sections/WipeSection';

let root: HTMLElement;

beforeEach(async () => {
  await useLanguage('en', ['common', 'setup', 'settings']);
  endSession();
  await deleteDatabase();
  await eraseKeyFile();
  await createKeyFile((await createVault('123456', FAST_KDF, inlineDeriver)).keyFile);
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(async () => {
  render(null, root);
  root.remove();
  endSession();
  await eraseKeyFile();
});

function show(settings: Settings) {
  render(h(WipeSection, { settings, save: async () => {}, exitButton: null }), root);
}

async function until<T>(read: () => T | Promise<T>, wanted: T): Promise<void> {
  await expect.poll(read).toEqual(wanted);
}

describe('erase section: auto-wipe', () => {
  it('is not offered before a backup exists: no choice, only a note saying when it will be', async () => {
    show({ ...defaultSettings('en'), lastBackupAt: null });
    await until(() => root.textContent?.includes('Once you have made a backup'), true);
    expect(root.querySelectorAll('input[type=radio]')).toHaveLength(0);
  });

  it('once a backup exists: warns, starts off, never offers fewer than 10, and writes the choice into the header', async () => {
    show({ ...defaultSettings('en'), lastBackupAt: '2026-12-01T10:00:00.000Z' });
    await until(() => root.querySelectorAll('input[type=radio]').length, 4);
    expect(root.textContent).toContain('anyone who knows about it can erase everything by typing wrong PINs');
    await until(() => (root.querySelector('input[type=radio]:checked') as HTMLInputElement | null)?.value, '0');
    const offered = [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')].map((input) => Number(input.value));
    expect(offered.filter((n) => n !== 0).every((n) => n >= 10)).toBe(true);

    const ten = root.querySelector<HTMLInputElement>('input[type=radio][value="10"]');
    ten?.click();
    await until(async () => parseHeader((await readKeyFile()) as Uint8Array).autoWipeAfter, 10);
    root.querySelector<HTMLInputElement>('input[type=radio][value="0"]')?.click();
    await until(async () => parseHeader((await readKeyFile()) as Uint8Array).autoWipeAfter, 0);
  });
});
