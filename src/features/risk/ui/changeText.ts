// A change between two checks in words: a sentence, then the signs by name.
import { t } from '../../../platform/i18n';
import { formatDate } from '../../evidence';
import type { FactorId } from '../factors';
import { type CheckChange, summaryKey } from '../history';

export function changeSentence(change: CheckChange, previousAt: string): string {
  const date = formatDate(previousAt.slice(0, 10));
  const count = Math.abs(change.difference);
  switch (summaryKey(change)) {
    case 'more':
      return t('risk:history.more', { count, date });
    case 'fewer':
      return t('risk:history.fewer', { count, date });
    case 'sameButChanged':
      return t('risk:history.sameButChanged', { date });
    case 'same':
      return t('risk:history.same', { date });
  }
}

export function signNames(ids: readonly FactorId[]): string {
  return ids.map((id) => t(`risk:factors.${id}.title`)).join(t('risk:listSeparator'));
}
