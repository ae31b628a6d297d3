// Dates, times and sizes in the pack's language (which may not be the app's): the moment's own
// wall-clock time, as she saw it on her phone, with its UTC offset so an officer can place it.
import type { Language } from '../../../platform/i18n';

const INTL_LOCALE: Record<Language, string> = { en: 'en-GB', cy: 'cy-GB', pl: 'pl-PL', ur: 'ur-PK' };

function wallClock(moment: string): Date {
  const [y, mo, d, h, mi] = moment.slice(0, 16).split(/[-T:]/).map(Number) as [number, number, number, number, number];
  return new Date(y, mo - 1, d, h || 0, mi || 0);
}

export interface PackFormat {
  dateTime: (moment: string) => string;
  date: (isoDate: string) => string;
  number: (n: number) => string;
}

export function packFormat(language: Language): PackFormat {
  const locale = INTL_LOCALE[language];
  const dateTime = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  const number = new Intl.NumberFormat(locale);
  return {
    dateTime: (moment) => {
      const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(moment)?.[1];
      return `${dateTime.format(wallClock(moment))}${offset ? ` (UTC${offset === 'Z' ? '' : offset})` : ''}`;
    },
    date: (isoDate) => date.format(wallClock(`${isoDate}T00:00`)),
    number: (n) => number.format(n),
  };
}
