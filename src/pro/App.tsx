// The advocate's app: set-up (vault and identity), unlock, caseload, invitations and the safety number.
// Views switch in memory (no URL, no history), as in the survivor's app. Only this folder's modules,
// platform/* and shared/* are imported; nothing of the survivor's features.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import type { DeviceIdentity } from '../platform/vault';
import { CaseloadScreen } from './CaseloadScreen';
import { RecoveryScreen, SetupScreen, UnlockScreen } from './DeviceScreens';
import { hasVault, lockDevice } from './device';
import { type StoredCase, caseStatus, createInvitation, postIntro } from './invitations';
import { InviteScreen, InvitationScreen, SafetyScreen } from './InvitationScreens';
import { POLL_MS, pollCases } from './joins';
import type { RelayPort } from './relayAdapter';
import { cases } from './repository';

export { PRO_NAMESPACES } from './common';

type View =
  | { name: 'loading' }
  | { name: 'setup' }
  | { name: 'recovery'; words: string[] }
  | { name: 'unlock' }
  | { name: 'caseload' }
  | { name: 'invite' }
  | { name: 'invitation'; id: string }
  | { name: 'safety'; id: string };

export interface AdvocateAppProps {
  relay: RelayPort;
  relayOrigin: string;
}

/** The whole advocate app: an in-memory view switch over its screens. */
export function AdvocateApp({ relay, relayOrigin }: AdvocateAppProps) {
  const [view, setView] = useState<View>({ name: 'loading' });
  const [identity, setIdentity] = useState<DeviceIdentity | null>(null);
  const [caseload, setCaseload] = useState<StoredCase[]>([]);
  const [, redraw] = useState(0);

  useEffect(() => {
    hasVault().then(
      (exists) => setView(exists ? { name: 'unlock' } : { name: 'setup' }),
      () => setView({ name: 'setup' }),
    );
  }, []);

  const refresh = async () => {
    const listed = await cases.list();
    const found = listed.flatMap((item) => (item.damaged ? [] : [{ id: item.id, value: item.value }]));
    found.sort((a, b) => b.value.createdAt - a.value.createdAt);
    setCaseload(found);
    // Intros wait for the survivor to join (the mailbox opens then); post any that can go now.
    for (const item of found) {
      if (item.value.intro.posted || caseStatus(item.value) === 'expired') continue;
      postIntro(relay, item).then(
        (value) => value.intro.posted && setCaseload((now) => now.map((c) => (c.id === item.id ? { id: item.id, value } : c))),
        () => undefined,
      );
    }
  };

  // While unlocked, open cases are polled: intros posted once the survivor joins, her join read.
  const latest = useRef(caseload);
  latest.current = caseload;
  useEffect(() => {
    if (!identity) return;
    let live = true;
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      pollCases(relay, identity, latest.current)
        .then((changed) => live && changed.length > 0 && setCaseload((now) => now.map((c) => changed.find((x) => x.id === c.id) ?? c)))
        .catch(() => undefined)
        .finally(() => (running = false));
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [identity]);

  const opened = (next: DeviceIdentity) => {
    setIdentity(next);
    void refresh();
  };

  const lock = () => {
    lockDevice();
    setIdentity(null);
    setCaseload([]);
    setView({ name: 'unlock' });
  };

  const topbar = identity && (
    <div class="topbar">
      <button type="button" class="secondary" onClick={lock}>
        {t('advocate:lock')}
      </button>
    </div>
  );

  const screen = (() => {
    switch (view.name) {
      case 'loading':
        return <p role="status">{t('advocate:loading')}</p>;
      case 'setup':
        return (
          <SetupScreen
            onLanguage={() => redraw((n) => n + 1)}
            onDone={(words, next) => {
              opened(next);
              setView({ name: 'recovery', words });
            }}
          />
        );
      case 'recovery':
        return <RecoveryScreen words={view.words} onDone={() => setView({ name: 'caseload' })} />;
      case 'unlock':
        return <UnlockScreen onUnlocked={(next) => (opened(next), setView({ name: 'caseload' }))} />;
      case 'caseload':
        return <CaseloadScreen caseload={caseload} onNew={() => setView({ name: 'invite' })} onOpen={(id) => setView({ name: 'invitation', id })} onLanguage={() => redraw((n) => n + 1)} />;
      case 'invite':
        if (!identity) return null;
        return (
          <InviteScreen
            onBack={() => setView({ name: 'caseload' })}
            onCreate={async (label) => {
              const created = await createInvitation(relay, relayOrigin, identity, label);
              setCaseload((now) => [created, ...now]);
              setView({ name: 'invitation', id: created.id });
            }}
          />
        );
      case 'invitation': {
        const item = caseload.find((c) => c.id === view.id);
        if (!item || !identity) return null;
        return <InvitationScreen item={item} identity={identity} onSafety={() => setView({ name: 'safety', id: item.id })} onDone={() => setView({ name: 'caseload' })} />;
      }
      case 'safety': {
        const item = caseload.find((c) => c.id === view.id);
        if (!item || !identity) return null;
        return (
          <SafetyScreen
            item={item}
            identity={identity}
            onBack={() => setView({ name: 'invitation', id: item.id })}
            onMatch={async () => {
              const value = { ...item.value, confirmedAt: Date.now() };
              await cases.put(value, item.id);
              setCaseload((now) => now.map((c) => (c.id === item.id ? { id: item.id, value } : c)));
            }}
            onMismatch={async () => {
              // A mismatch stops the link: the case and its keys are removed from this device.
              await cases.delete(item.id);
              setCaseload((now) => now.filter((c) => c.id !== item.id));
              setView({ name: 'caseload' });
            }}
          />
        );
      }
    }
  })();

  return (
    <div class="app">
      {topbar}
      {screen}
    </div>
  );
}
