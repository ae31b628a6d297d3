// Danger signs: the factors research links to serious harm, marked privately, beside the flags her
// own log raises.
import { t } from '../../platform/i18n';
import { Screen } from '../../shared/ui';

export interface RiskScreenProps {
  onHome: () => void;
  onHelplines: () => void;
}

export function RiskScreen({ onHome }: RiskScreenProps) {
  return (
    <Screen title={t('risk:title')} back={{ label: t('home:title'), onBack: onHome }}>
      <p />
    </Screen>
  );
}
