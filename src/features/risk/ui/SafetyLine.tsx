// Shown on every danger-signs screen: nothing here can say she is safe (DOMAIN §4.1).
import { t } from '../../../platform/i18n';

export function SafetyLine() {
  return <p class="warning risk-safety">{t('risk:safety')}</p>;
}
