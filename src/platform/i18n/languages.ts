// The languages Waymark speaks. English defines the keys; the rest load on demand. Order is the
// order people see them in; names are in their own language, so anyone can find theirs.

export const LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'cy', name: 'Cymraeg', dir: 'ltr' },
  { code: 'pl', name: 'Polski', dir: 'ltr' },
  { code: 'ur', name: 'اردو', dir: 'rtl' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

export const NAMESPACES = ['calculator', 'common', 'setup', 'home', 'settings', 'evidence', 'helplines', 'plan', 'risk', 'export', 'pack', 'backup', 'link', 'advocate'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export function isLanguage(code: string): code is Language {
  return LANGUAGES.some((l) => l.code === code);
}

export function directionOf(code: Language): 'ltr' | 'rtl' {
  return LANGUAGES.find((l) => l.code === code)?.dir ?? 'ltr';
}

/** The first of the browser's preferred languages we have, else English. Never geolocates. */
export function detectLanguage(preferred: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return 'en';
}
