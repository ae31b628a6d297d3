// Install support. Chromium fires `beforeinstallprompt` early, before any app code has loaded, so the
// entry catches it and keeps it for set-up to offer. Nothing here is shown until set-up asks.

export interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

let deferred: InstallPromptEvent | null = null;
let installedNow = false;

export function captureInstallPrompt(): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event as InstallPromptEvent;
  });
  window.addEventListener('appinstalled', () => {
    installedNow = true;
    deferred = null;
  });
}

export function installPromptAvailable(): boolean {
  return deferred !== null;
}

export async function promptInstall(): Promise<boolean> {
  const event = deferred;
  if (!event) return false;
  deferred = null;
  await event.prompt();
  const { outcome } = await event.userChoice;
  return outcome === 'accepted';
}

/** Running as an installed app (its own window), not in a browser tab. */
export function isInstalled(): boolean {
  const nav = navigator as Navigator & { standalone?: boolean };
  return installedNow || nav.standalone === true || matchMedia('(display-mode: standalone), (display-mode: fullscreen), (display-mode: minimal-ui)').matches;
}

/** Safari on iPhone or iPad, in a tab: storage there is deleted after seven days unused. */
export function isIosBrowserTab(): boolean {
  const ua = navigator.userAgent;
  const ios = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
  const nav = navigator as Navigator & { standalone?: boolean };
  return ios && nav.standalone !== true && !matchMedia('(display-mode: standalone)').matches;
}
