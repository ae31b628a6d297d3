// Home: the app's sections, settings, a Lock button, and a plain word when the app is not installed
// or its storage could be cleared. Each later feature adds its section here.
import type { ComponentChildren } from 'preact';
import { t } from '../../platform/i18n';
import { Screen } from '../../shared/ui';
import { StorageNotice } from './StorageNotice';

export interface HomeSection {
  id: string;
  title: string;
  summary: string;
  open: () => void;
  /** Shown first and larger: the thing to reach in a hurry. */
  primary?: boolean;
}

export interface HomeScreenProps {
  sections: readonly HomeSection[];
  settingsDamaged: boolean;
  onLock: () => void;
  /** The emergency number, above everything else. */
  emergency?: ComponentChildren;
  /** Standing notices from other features, above the sections ("Shared with …"). */
  notices?: ComponentChildren;
}

export function HomeScreen({ sections, settingsDamaged, onLock, emergency, notices }: HomeScreenProps) {
  return (
    <Screen title={t('home:title')}>
      {emergency}
      {settingsDamaged && (
        <p class="error-box" role="alert">
          {t('home:settingsDamaged')}
        </p>
      )}
      <StorageNotice />
      {notices}
      <nav aria-label={t('home:sections')}>
        <ul class="menu">
          {sections.map((section) => (
            <li key={section.id}>
              <button type="button" class={section.primary ? 'menu-item primary-item' : 'menu-item'} onClick={section.open}>
                <span class="menu-title">{section.title}</span>
                <span class="hint">{section.summary}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <button type="button" class="secondary" onClick={onLock}>
        {t('common:lock')}
      </button>
      <p class="hint">{t('home:lockHint')}</p>
    </Screen>
  );
}
