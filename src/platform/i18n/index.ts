// platform/i18n — the only i18next user. Locale files are loaded lazily as hashed chunks (their
// names reveal nothing), `<html lang dir>` follows the language, and English defines the keys:
// `t` is typed from locales/en.

import i18next from 'i18next';
import type calculator from '../../../locales/en/calculator.json';
import type common from '../../../locales/en/common.json';
import type backup from '../../../locales/en/backup.json';
import type evidence from '../../../locales/en/evidence.json';
import type exportNs from '../../../locales/en/export.json';
import type helplines from '../../../locales/en/helplines.json';
import type home from '../../../locales/en/home.json';
import type link from '../../../locales/en/link.json';
import type pack from '../../../locales/en/pack.json';
import type plan from '../../../locales/en/plan.json';
import type risk from '../../../locales/en/risk.json';
import type settings from '../../../locales/en/settings.json';
import type setup from '../../../locales/en/setup.json';
import type advocate from '../../../locales/en/advocate.json';
import { type Language, type Namespace, directionOf } from './languages';

export { LANGUAGES, type Language, type Namespace, detectLanguage, directionOf, isLanguage } from './languages';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { advocate: typeof advocate; backup: typeof backup; calculator: typeof calculator; common: typeof common; evidence: typeof evidence; export: typeof exportNs; helplines: typeof helplines; home: typeof home; link: typeof link; pack: typeof pack; plan: typeof plan; risk: typeof risk; settings: typeof settings; setup: typeof setup };
  }
}

type Bundle = { default: Record<string, unknown> };
type BundleLoaders = Record<string, () => Promise<Bundle>>;
// The advocate app's words are left out: they must never be a chunk of the survivor's build (nor in
// its service worker's cache). The advocate build adds them itself through `addBundles`.
const bundles: BundleLoaders = {};
addBundles(import.meta.glob<Bundle>(['../../../locales/*/*.json', '!../../../locales/*/advocate.json']));

/** Registers locale loaders from an `import.meta.glob` of `locales/<language>/<ns>.json` files, from any folder. */
export function addBundles(loaders: BundleLoaders): void {
  for (const [path, load] of Object.entries(loaders)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (match) bundles[`${match[1]}/${match[2]}`] = load;
  }
}

async function loadBundle(language: Language, ns: Namespace): Promise<void> {
  if (i18next.hasResourceBundle(language, ns)) return;
  const load = bundles[`${language}/${ns}`];
  if (!load) return;
  i18next.addResourceBundle(language, ns, (await load()).default, true, true);
}

let ready: Promise<unknown> | null = null;

/** Loads the namespaces in the language (and English, the fallback) and switches to it. */
export async function useLanguage(language: Language, namespaces: readonly Namespace[]): Promise<void> {
  ready ??= i18next.init({
    lng: language,
    fallbackLng: 'en',
    ns: [],
    defaultNS: 'common',
    resources: {},
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await ready;
  const wanted = language === 'en' ? ['en' as const] : [language, 'en' as const];
  await Promise.all(wanted.flatMap((lng) => namespaces.map((ns) => loadBundle(lng, ns))));
  if (i18next.language !== language) await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

/** Loads namespaces in a language without switching to it: for a document written in another language (an evidence pack). */
export async function loadLanguage(language: Language, namespaces: readonly Namespace[]): Promise<void> {
  await ready;
  await Promise.all(namespaces.map((ns) => loadBundle(language, ns)));
}

export function currentLanguage(): Language {
  return (i18next.language ?? 'en') as Language;
}

/** Translates a key. Bound late, so it always uses the current language. */
export const t = ((...args: unknown[]) => (i18next.t as unknown as (...a: unknown[]) => string)(...args)) as unknown as typeof i18next.t;
