// The directory of services for her region, and her own contacts.
import { t } from '../../platform/i18n';
import { Screen } from '../../shared/ui';
import type { Region } from '../settings';

export interface HelplinesScreenProps {
  region: Region;
  onHome: () => void;
}

export function HelplinesScreen({ onHome }: HelplinesScreenProps) {
  return (
    <Screen title={t('helplines:title')} back={{ label: t('home:title'), onBack: onHome }}>
      <p />
    </Screen>
  );
}
