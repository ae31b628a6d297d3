// Dates and times in her language, from stored moments. The moment's own wall-clock time is shown:
// what she saw on her phone when it happened.
import { currentLanguage } from '../../../platform/i18n';

function wallClock(moment: string): Date {
  // Build the date from the wall-clock digits so the device's zone today cannot shift them.
  const [y, mo, d, h, mi] = moment.slice(0, 16).split(/[-T:]/).map(Number) as [number, number, number, number, number];
  return new Date(y, mo - 1, d, h, mi);
}

// UK conventions (24-hour clock, day before month) for the UK-first languages.
const INTL_LOCALE = { en: 'en-GB', cy: 'cy-GB', pl: 'pl-PL', ur: 'ur-PK' } as const;

const cache = new Map<string, Intl.DateTimeFormat>();
function format(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${currentLanguage()}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(INTL_LOCALE[currentLanguage()], options)));
  return f;
}

export const formatTime = (moment: string) => format({ hour: '2-digit', minute: '2-digit' }).format(wallClock(moment));
export const formatDay = (moment: string) => format({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(wallClock(moment));
export const formatDateTime = (moment: string) => format({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(wallClock(moment));
export const formatDate = (isoDate: string) => format({ day: 'numeric', month: 'long', year: 'numeric' }).format(wallClock(`${isoDate}T00:00`));
