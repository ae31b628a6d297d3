// Bootstrap. Shows the calculator and nothing else. The translations, the code that can unlock (the
// gate) and the app itself are separate chunks, loaded after the calculator is on screen, so the first
// load is small and reveals nothing.

import './styles/calculator.css';
import type { CalcState } from './features/disguise/calculator/engine';
import { mountCalculator } from './features/disguise/calculatorView';
import type { Host } from './features/disguise/host';
import { captureInstallPrompt } from './features/disguise/install';

captureInstallPrompt();
const loadI18n = () => import('./platform/i18n');
const loadGate = () => import('./features/disguise/gate');
const appRoot = document.getElementById('app') as HTMLElement;

const view = mountCalculator(document.getElementById('calc') as HTMLElement, {
  onEquals: (before: CalcState) => void loadGate().then((gate) => gate.onEquals(before, host)),
  onOtherKey: () => void loadGate().then((gate) => gate.abandon()),
  onNote: (text: string) => void loadGate().then((gate) => gate.onNote(text, host)),
});

/** Puts the calculator's words back in the calculator's own language (the phone's, never hers). */
async function labelCalculator(): Promise<void> {
  const i18n = await loadI18n();
  const language = i18n.detectLanguage();
  document.documentElement.lang = language;
  document.documentElement.dir = i18n.directionOf(language);
  await i18n.useLanguage(language, ['calculator']);
  view.relabel(i18n.t as unknown as (key: string) => string);
}

const host: Host = {
  appRoot,
  showCalculator() {
    view.reset();
    view.show();
    void labelCalculator();
    // Warm a fresh Argon2id worker for the next unlock (the last one was retired after unlocking).
    void loadGate().then((gate) => gate.prepare());
  },
  hideCalculator() {
    // Cleared as it goes: the PIN that opened the app must not be on the display when it comes back.
    view.reset();
    view.hide();
  },
};

void labelCalculator();

// A page restored from the back-forward cache comes back as a cleared calculator. (The app was
// already torn down on pagehide; this makes sure nothing typed before is still on the display.)
window.addEventListener('pageshow', (event) => {
  if (event.persisted) void loadGate().then((gate) => gate.restored(host));
});

const idle = (work: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(work) : setTimeout(work, 200));
idle(() => {
  void loadGate().then((gate) => gate.prepare());
  void import('./features/disguise/updates').then((updates) => updates.registerServiceWorker());
});
