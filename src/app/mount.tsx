// Mounting the real app over the calculator, after an unlock or for set-up, and wiring the exit.

import { render } from 'preact';
import { endSession, isUnlocked, type Bytes } from '../platform/vault';
import { detectLanguage, useLanguage } from '../platform/i18n';
import { type Host, isInstalled } from '../features/disguise';
import { resumeLog } from '../features/evidence';
import { type ExitTarget, beginExitSession, startTriggers } from '../features/exit';
import { GRACE_OPTIONS, NEUTRAL_SITES, type Settings, defaultSettings } from '../features/settings/schema';
import { settingsRecord } from '../features/settings/repository';
import { persistStorage } from '../platform/store';
import { App, APP_NAMESPACES } from './App';
import { type View, forgetAll, settings, settingsDamaged, view } from './state';

export type MountMode = { mode: 'setup' } | { mode: 'install-first' } | { mode: 'unlocked' } | { mode: 'recovered'; entropy: Bytes; slot: number };

function exitTarget(current: Settings | null): ExitTarget {
  // An installed app has no page to replace: exit shows the locked calculator.
  if (isInstalled()) return { kind: 'calculator' };
  const to = current?.exitTo ?? { kind: 'site', site: 'bbc-weather' };
  if (to.kind === 'calculator') return { kind: 'calculator' };
  return { kind: 'site', url: to.kind === 'site' ? NEUTRAL_SITES[to.site] : to.url };
}

async function loadSettings(): Promise<Settings | null> {
  try {
    return (await settingsRecord.read()) ?? null;
  } catch {
    settingsDamaged.value = true;
    return null;
  }
}

function initialView(mount: MountMode): View {
  if (mount.mode === 'recovered') return { name: 'reset-secret', entropy: mount.entropy };
  if (mount.mode === 'setup' || mount.mode === 'install-first') return { name: mount.mode };
  return { name: 'home' };
}

/**
 * Shows the app. `signal` is the unlock attempt's: if it was abandoned (another key, the page hidden,
 * a lock elsewhere) while settings and words loaded, the session is ended and the calculator stays.
 */
export async function mountApp(host: Host, mount: MountMode, signal?: AbortSignal): Promise<void> {
  const unlocked = mount.mode === 'unlocked' || mount.mode === 'recovered';
  const loaded = unlocked ? await loadSettings() : null;
  const language = loaded?.language ?? detectLanguage();
  await useLanguage(language, APP_NAMESPACES);
  if (signal?.aborted || document.visibilityState === 'hidden' || (unlocked && !isUnlocked())) {
    endSession();
    return;
  }

  settings.value = unlocked ? (loaded ?? defaultSettings(language)) : null;
  view.value = initialView(mount);

  const draw = () => render(<App />, host.appRoot);
  beginExitSession({
    host,
    unmount: () => render(null, host.appRoot),
    forget: forgetAll,
    remount: draw,
    exitTarget: () => exitTarget(settings.value),
  });
  startTriggers({ graceMs: () => GRACE_OPTIONS[settings.value?.lockOnHide ?? 'immediately'] });

  host.hideCalculator();
  host.appRoot.hidden = false;
  draw();
  if (unlocked) resumeLog();
  if (unlocked && isInstalled()) void persistStorage();
}
