// The real app: the Exit button above everything, and the current view. Views switch in memory only:
// no routes, no history entries, nothing in the URL.
import './app.css';
import { t } from '../platform/i18n';
import { EntryForm, EntryView, type EvidenceNav, OrderForm, Orders, Patterns, QuickLog, Timeline } from '../features/evidence';
import { ExitButton, lockNow } from '../features/exit';
import { EmergencyCall } from '../features/helplines';
import { HomeScreen } from '../features/home';
import { SettingsScreen, type Settings, settingsRecord } from '../features/settings';
import { InstallFirst, ResetSecret, SetupFlow } from '../features/setup';
import { lazyView } from './lazyView';
import { navigate, settings, settingsDamaged, status, view } from './state';

// Opened now and then, and heavy: loaded when first opened (see lazyView).
const HelplinesScreen = lazyView(() => import('../features/helplines').then((m) => m.HelplinesScreen));
const PlanScreen = lazyView(() => import('../features/plan').then((m) => m.PlanScreen));
const RiskScreen = lazyView(() => import('../features/risk').then((m) => m.RiskScreen));
const ExportScreen = lazyView(() => import('../features/export').then((m) => m.ExportScreen));
const BackupScreen = lazyView(() => import('../features/export').then((m) => m.BackupScreen));
const RestoreScreen = lazyView(() => import('../features/export').then((m) => m.RestoreScreen));
const PackFlow = lazyView(() => import('../features/export').then((m) => m.PackFlow));
const VerifyPack = lazyView(() => import('../features/export').then((m) => m.VerifyPack));
const LinkScreen = lazyView(() => import('../features/link').then((m) => m.LinkScreen));
const LinkHomeStatus = lazyView(() => import('../features/link').then((m) => m.LinkHomeStatus));

/** Export and backup: each part of the export menu, opened in place. */
const EXPORT_PARTS = {
  pack: ({ onBack }: { onBack: () => void }) => <PackFlow onDone={onBack} />,
  verify: ({ onBack }: { onBack: () => void }) => <VerifyPack onBack={onBack} />,
  backup: ({ onBack }: { onBack: () => void }) => (
    <BackupScreen onBack={onBack} onBackedUp={(at) => settings.value && (settings.value = { ...settings.value, lastBackupAt: at })} />
  ),
  restore: ({ onBack }: { onBack: () => void }) => (
    <RestoreScreen
      onBack={onBack}
      onRestored={({ entropy, settings: restored }) => {
        if (restored) void saveSettings(restored).catch(() => undefined);
        if (entropy) navigate({ name: 'reset-secret', entropy });
        else navigate({ name: 'home' });
      }}
    />
  ),
};

export const APP_NAMESPACES = ['common', 'setup', 'home', 'settings', 'evidence', 'helplines', 'plan', 'risk', 'export', 'pack', 'backup', 'link'] as const;

async function saveSettings(next: Settings): Promise<void> {
  await settingsRecord.write(next);
  const languageChanged = next.language !== settings.value?.language;
  settings.value = next;
  if (languageChanged) {
    const { useLanguage } = await import('../platform/i18n');
    await useLanguage(next.language, APP_NAMESPACES);
  }
}

const nav: EvidenceNav = {
  home: () => navigate({ name: 'home' }),
  log: () => navigate({ name: 'log' }),
  quickLog: () => navigate({ name: 'quick-log' }),
  entry: (id) => navigate({ name: 'entry', id }),
  newEntry: () => navigate({ name: 'entry-form' }),
  editEntry: (id) => navigate({ name: 'entry-form', id }),
  orders: () => navigate({ name: 'orders' }),
  patterns: () => navigate({ name: 'patterns' }),
  order: (id) => navigate({ name: 'order-form', id }),
};

function CurrentView() {
  const current = view.value;
  const mine = settings.value;
  switch (current.name) {
    case 'quick-log':
      return <QuickLog nav={nav} />;
    case 'log':
      return <Timeline nav={nav} />;
    case 'entry':
      return <EntryView key={current.id} id={current.id} nav={nav} exitButton={<ExitButton />} />;
    case 'entry-form':
      return <EntryForm key={current.id ?? 'new'} entryId={current.id} nav={nav} />;
    case 'orders':
      return <Orders nav={nav} />;
    case 'patterns':
      return <Patterns nav={nav} />;
    case 'order-form':
      return <OrderForm key={current.id ?? 'new'} id={current.id} nav={nav} region={mine?.region ?? 'GB-ENG'} />;
    case 'helplines':
      return <HelplinesScreen region={mine?.region ?? 'GB-ENG'} onHome={nav.home} />;
    case 'plan':
      return <PlanScreen onHome={nav.home} />;
    case 'risk':
      return <RiskScreen onHome={nav.home} onHelplines={() => navigate({ name: 'helplines' })} />;
    case 'export':
      return <ExportScreen onHome={nav.home} parts={EXPORT_PARTS} />;
    case 'link':
      if (!mine) return null;
      return <LinkScreen settings={mine} onHome={nav.home} />;
    case 'setup':
      return (
        <SetupFlow
          namespaces={APP_NAMESPACES}
          onDone={(chosen) => ((settings.value = chosen), navigate({ name: 'home' }))}
          onAbandon={() => lockNow('lock')}
        />
      );
    case 'install-first':
      return <InstallFirst onClose={() => lockNow('lock')} />;
    case 'reset-secret':
      return (
        <ResetSecret
          entropy={current.entropy}
          onDone={(secretKind) => {
            current.entropy.fill(0);
            if (mine) void saveSettings({ ...mine, secretKind }).catch(() => undefined);
            navigate({ name: 'home' });
          }}
        />
      );
    case 'settings':
      if (!mine) return null;
      return (
        <SettingsScreen
          settings={mine}
          save={saveSettings}
          section={current.section}
          onSection={(section) => navigate({ name: 'settings', section })}
          onHome={() => navigate({ name: 'home' })}
          exitButton={<ExitButton />}
        />
      );
    case 'home':
      return (
        <HomeScreen
          settingsDamaged={settingsDamaged.value}
          onLock={() => lockNow('lock')}
          emergency={<EmergencyCall region={mine?.region ?? 'GB-ENG'} />}
          notices={<LinkHomeStatus />}
          sections={[
            { id: 'quick-log', title: t('evidence:home.quickLog'), summary: t('evidence:home.quickLogSummary'), open: nav.quickLog, primary: true },
            { id: 'log', title: t('evidence:home.log'), summary: t('evidence:home.logSummary'), open: nav.log },
            { id: 'orders', title: t('evidence:home.orders'), summary: t('evidence:home.ordersSummary'), open: nav.orders },
            { id: 'helplines', title: t('helplines:home.title'), summary: t('helplines:home.summary'), open: () => navigate({ name: 'helplines' }) },
            { id: 'plan', title: t('plan:home.title'), summary: t('plan:home.summary'), open: () => navigate({ name: 'plan' }) },
            { id: 'risk', title: t('risk:home.title'), summary: t('risk:home.summary'), open: () => navigate({ name: 'risk' }) },
            { id: 'export', title: t('export:home.title'), summary: t('export:home.summary'), open: () => navigate({ name: 'export' }) },
            { id: 'link', title: t('link:home.title'), summary: t('link:home.summary'), open: () => navigate({ name: 'link' }) },
            { id: 'settings', title: t('home:settings'), summary: t('home:settingsSummary'), open: () => navigate({ name: 'settings' }) },
          ]}
        />
      );
  }
}

export function App() {
  return (
    <div class="app">
      <div class="topbar">
        <ExitButton announce />
      </div>
      <main class="main">
        <CurrentView />
      </main>
      <p class="vh" aria-live="polite">
        {status.value}
      </p>
    </div>
  );
}
