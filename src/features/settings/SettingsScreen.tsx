// Settings: a list of sections, each its own small screen. Every change is saved (encrypted) at once.
import type { ComponentChildren } from 'preact';
import { t } from '../../platform/i18n';
import { Screen } from '../../shared/ui';
import { DuressSection } from './sections/DuressSection';
import { ExitSection } from './sections/ExitSection';
import { LanguageSection } from './sections/LanguageSection';
import { LockingSection } from './sections/LockingSection';
import { RecoverySection } from './sections/RecoverySection';
import { StorageSection } from './sections/StorageSection';
import { UnlockSection } from './sections/UnlockSection';
import { WipeSection } from './sections/WipeSection';
import type { Settings } from './schema';

export type SettingsSection = 'language' | 'unlock' | 'recovery' | 'duress' | 'locking' | 'exit' | 'storage' | 'wipe';
const SECTIONS: readonly SettingsSection[] = ['language', 'unlock', 'recovery', 'duress', 'locking', 'exit', 'storage', 'wipe'];

export interface SectionProps {
  settings: Settings;
  save: (next: Settings) => Promise<void>;
  exitButton: ComponentChildren;
}

export interface SettingsScreenProps extends SectionProps {
  section?: SettingsSection;
  onSection: (section?: SettingsSection) => void;
  onHome: () => void;
}

export function SettingsScreen({ section, onSection, onHome, ...props }: SettingsScreenProps) {
  if (!section) {
    return (
      <Screen title={t('settings:title')} back={{ label: t('common:home'), onBack: onHome }}>
        <ul class="menu">
          {SECTIONS.map((name) => (
            <li key={name}>
              <button type="button" class="menu-item" onClick={() => onSection(name)}>
                <span class="menu-title">{t(`settings:${name}.title`)}</span>
                <span class="hint">{t(`settings:${name}.summary`)}</span>
              </button>
            </li>
          ))}
        </ul>
      </Screen>
    );
  }
  const Section = {
    language: LanguageSection,
    unlock: UnlockSection,
    recovery: RecoverySection,
    duress: DuressSection,
    locking: LockingSection,
    exit: ExitSection,
    storage: StorageSection,
    wipe: WipeSection,
  }[section];
  return (
    <Screen title={t(`settings:${section}.title`)} back={{ label: t('settings:title'), onBack: () => onSection() }}>
      <Section {...props} />
    </Screen>
  );
}
