// Numbers she types for her own contacts: what counts as dialable, and what goes after `tel:`.
import { DialableNumber } from './schema';

/** True when the text is a number a phone could dial (see DialableNumber). */
export function isDialable(text: string): boolean {
  return DialableNumber.safeParse(text).success;
}

/**
 * The digits to put after `tel:` or `sms:`, keeping a leading +. Only for text that `isDialable`
 * accepts: anything else would make a link that dials something she did not write.
 */
export function dialString(text: string): string {
  const digits = text.replace(/\D/g, '');
  return text.trim().startsWith('+') ? `+${digits}` : digits;
}
