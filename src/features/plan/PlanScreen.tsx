// The safety plan: a Yjs document kept encrypted in the vault, edited section by section.
import { t } from '../../platform/i18n';
import { Screen } from '../../shared/ui';

export interface PlanScreenProps {
  onHome: () => void;
}

export function PlanScreen({ onHome }: PlanScreenProps) {
  return (
    <Screen title={t('plan:title')} back={{ label: t('home:title'), onBack: onHome }}>
      <p />
    </Screen>
  );
}
