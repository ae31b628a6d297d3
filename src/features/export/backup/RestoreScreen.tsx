// Restore inside an unlocked vault: everything here is replaced by the backup, after she confirms.
import { RestoreFlow, type RestoredVault } from './RestoreFlow';

export interface RestoreScreenProps {
  onBack: () => void;
  /**
   * The restored vault is open. With `entropy` (opened by the recovery code) she must choose a new
   * PIN next (the app's 'reset-secret' view): the backup carried no PIN slot.
   */
  onRestored: (restored: RestoredVault) => void;
}

export function RestoreScreen({ onBack, onRestored }: RestoreScreenProps) {
  return <RestoreFlow replacing onCancel={onBack} onRestored={onRestored} />;
}
