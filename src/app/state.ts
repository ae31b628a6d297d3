// The app's one state module. Everything decrypted that the UI holds lives in these signals (or in
// component state, which unmounting discards), so `forgetAll` is the whole of "forget what you read".

import { signal } from '@preact/signals';
import type { Bytes } from '../platform/vault';
import type { Settings } from '../features/settings/schema';

export type SettingsSection = 'language' | 'unlock' | 'recovery' | 'duress' | 'locking' | 'exit' | 'storage' | 'wipe';

export type View =
  | { name: 'home' }
  | { name: 'settings'; section?: SettingsSection }
  | { name: 'setup' }
  | { name: 'install-first' }
  | { name: 'reset-secret'; entropy: Bytes }
  | { name: 'quick-log' }
  | { name: 'log' }
  | { name: 'entry'; id: string }
  | { name: 'entry-form'; id?: string }
  | { name: 'orders' }
  | { name: 'patterns' }
  | { name: 'order-form'; id?: string }
  | { name: 'helplines' }
  | { name: 'plan' }
  | { name: 'risk' }
  | { name: 'export' }
  | { name: 'link' };

export const view = signal<View>({ name: 'home' });
export const settings = signal<Settings | null>(null);
/** The settings record could not be opened: defaults are in use, and she is told. */
export const settingsDamaged = signal(false);
/** Polite announcements for screen readers ("Saved"). */
export const status = signal('');

export function navigate(next: View): void {
  status.value = '';
  view.value = next;
}

export function forgetAll(): void {
  const current = view.value;
  if (current.name === 'reset-secret') current.entropy.fill(0);
  view.value = { name: 'home' };
  settings.value = null;
  settingsDamaged.value = false;
  status.value = '';
}
