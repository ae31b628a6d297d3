// features/disguise — the calculator cover, the unlock gate and install support. The entry imports
// the calculator directly; the app imports only what is listed here.
export type { Host } from './host';
export { SETUP_SEQUENCE } from './sequence';
export { installPromptAvailable, isInstalled, promptInstall } from './install';
