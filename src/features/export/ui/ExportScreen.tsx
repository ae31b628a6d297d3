// Export and backup: a short menu of what can leave the vault, each part its own screen. The part
// shown lives in this component's state, so a lock (which unmounts it) forgets it.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { Screen } from '../../../shared/ui';

export type ExportPart = 'pack' | 'verify' | 'backup' | 'restore';
const ORDER: readonly ExportPart[] = ['pack', 'verify', 'backup', 'restore'];

export type PartScreen = (props: { onBack: () => void }) => JSX.Element | null;

export interface ExportScreenProps {
  onHome: () => void;
  parts: Partial<Record<ExportPart, PartScreen>>;
}

export function ExportScreen({ onHome, parts }: ExportScreenProps) {
  const [open, setOpen] = useState<ExportPart | null>(null);
  const Part = open ? parts[open] : undefined;
  if (Part) return <Part onBack={() => setOpen(null)} />;
  return (
    <Screen title={t('export:title')} back={{ label: t('common:home'), onBack: onHome }}>
      <ul class="menu">
        {ORDER.filter((part) => parts[part]).map((part) => (
          <li key={part}>
            <button type="button" class="menu-item" onClick={() => setOpen(part)}>
              <span class="menu-title">{t(`export:parts.${part}.title`)}</span>
              <span class="hint">{t(`export:parts.${part}.summary`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </Screen>
  );
}
