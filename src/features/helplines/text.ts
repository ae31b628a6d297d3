// Strings whose keys come from data (service ids, time zones) rather than code. The compiler cannot
// check those keys, so directory.test.ts checks that every one exists in every language.
import { t } from '../../platform/i18n';

type Lookup = (key: string, options?: Record<string, unknown>) => string;
const lookup = t as unknown as Lookup;

export type ServiceField = 'name' | 'who' | 'about';

export function serviceKey(id: string, field: ServiceField): string {
  return `helplines:services.${id}.${field}`;
}

export function serviceText(id: string, field: ServiceField): string {
  return lookup(serviceKey(id, field));
}

/**
 * 'en' when a service's name is the same in English as in her language (an official name left
 * untranslated), so a screen reader says it in English instead of reading it with Urdu sounds.
 */
export function serviceNameLang(id: string, language: string): 'en' | undefined {
  if (language === 'en') return undefined;
  return lookup(serviceKey(id, 'name')) === lookup(serviceKey(id, 'name'), { lng: 'en' }) ? 'en' : undefined;
}

export function zoneKey(tz: string): string {
  return `helplines:zones.${tz.replace(/\//g, '_')}`;
}

export function zoneText(tz: string): string {
  return lookup(zoneKey(tz));
}
