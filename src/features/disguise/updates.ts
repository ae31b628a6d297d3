// The service worker keeps the app working offline. A new version installs quietly in the background
// and takes over at the next start (the default waiting lifecycle): no prompt, nothing on screen.
import { Workbox } from 'workbox-window';

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  void new Workbox('/sw.js', { scope: '/' }).register().catch(() => {
    // Offline-first is a nicety on a first visit; failing to register must never show anything.
  });
}
