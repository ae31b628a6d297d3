// Set-up, step by step, in her language. Nothing is written until the last step, so a reload or an
// exit at any point leaves the phone exactly as it was: a calculator.
import { useEffect, useRef, useState } from 'preact/hooks';
import { LANGUAGES, type Language, type Namespace, currentLanguage, isLanguage, t, useLanguage } from '../../platform/i18n';
import { type CreatedVault, FLOOR_KDF, type KdfParams, type SecretKind, calibrateKdf, createVault, endSession, getBrowserDeriver } from '../../platform/vault';
import { Choice, Screen } from '../../shared/ui';
import type { RestoreFlow, RestoredVault } from '../export';
import { RecoveryCheck, RecoveryWords, SecretForm, SecretKindChoice, UnlockHowTo, describeError } from '../secrets';
import { settingsRecord } from '../settings';
import { REGIONS, type Region, type Settings, defaultSettings } from '../settings/schema';
import { readKeyFile } from '../../platform/store';
import { AlreadySetUpError, commitVault } from './commit';
import { InstallOffer } from './InstallOffer';
import { ResetSecret } from './ResetSecret';

type Step = 'welcome' | 'kind' | 'secret' | 'region' | 'creating' | 'recovery' | 'check' | 'ready' | 'restore' | 'restored';

export interface SetupFlowProps {
  namespaces: readonly Namespace[];
  onDone: (settings: Settings) => void;
  onAbandon: () => void;
}

export function SetupFlow({ namespaces, onDone, onAbandon }: SetupFlowProps) {
  const [step, setStep] = useState<Step>('welcome');
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const [kind, setKind] = useState<SecretKind>('pin');
  const [secret, setSecret] = useState('');
  const [region, setRegion] = useState<Region | null>(null);
  const [created, setCreated] = useState<CreatedVault | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const calibration = useRef<Promise<KdfParams> | null>(null);
  // Restoring a backup instead of starting afresh: its flow loads only when chosen.
  const [Restore, setRestore] = useState<typeof RestoreFlow | null>(null);
  const [restored, setRestored] = useState<RestoredVault | null>(null);

  // Measure this phone's speed while she reads the first screens, in the worker.
  // Say at once, not at the last step, when this browser will not let anything be saved.
  useEffect(() => {
    readKeyFile().catch((failure: unknown) => setError(describeError(failure)));
  }, []);

  // If measuring fails (the worker ran out of memory on a small phone), the lowest costs allowed.
  useEffect(() => {
    calibration.current = calibrateKdf(getBrowserDeriver()).catch(() => FLOOR_KDF);
  }, []);

  const settingsNow = (): Settings => ({ ...defaultSettings(language), region: region ?? 'GB-ENG', secretKind: kind });

  // The words arrive after the choice (they load on demand): draw the screen again once they have.
  const [, setLoaded] = useState<Language>(language);
  const chooseLanguage = (next: Language) => {
    setLanguage(next);
    useLanguage(next, namespaces).then(
      () => setLoaded(next),
      () => undefined,
    );
  };

  const create = async (chosen: string) => {
    setSecret(chosen);
    setStep('creating');
    setError(null);
    try {
      const deriver = getBrowserDeriver();
      const kdf = await (calibration.current ?? calibrateKdf(deriver).catch(() => FLOOR_KDF));
      setCreated(await createVault(chosen, kdf, deriver));
      deriver.retire();
      setStep('recovery');
    } catch (failure) {
      setError(describeError(failure));
      setStep('secret');
    }
  };

  const save = async () => {
    if (!created) return;
    setBusy(true);
    setError(null);
    try {
      await commitVault(created, settingsNow());
      setStep('ready');
    } catch (failure) {
      if (failure instanceof AlreadySetUpError) {
        endSession();
        onAbandon();
        return;
      }
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  const startRestore = () => {
    setError(null);
    import('../export').then(
      (m) => (setRestore(() => m.RestoreFlow), setStep('restore')),
      (failure: unknown) => setError(describeError(failure)),
    );
  };

  // The restored vault is open. Its own settings come with it; its language is used from here on.
  const finishRestore = async (vault: RestoredVault, secretKind?: SecretKind) => {
    vault.entropy?.fill(0);
    const base = vault.settings ?? settingsNow();
    const next: Settings = secretKind ? { ...base, secretKind } : base;
    if (secretKind) await settingsRecord.write(next).catch(() => undefined);
    if (isLanguage(next.language)) await useLanguage(next.language, namespaces).catch(() => undefined);
    onDone(next);
  };

  const back = (to: Step) => ({ label: t('common:back'), onBack: () => (setError(null), setStep(to)) });
  const errorBox = error && (
    <p class="error-box" role="alert">
      {error}
    </p>
  );

  switch (step) {
    case 'welcome':
      return (
        <Screen title={t('setup:welcome.title')}>
          {errorBox}
          <p>{t('setup:welcome.intro')}</p>
          <p class="warning">{t('setup:welcome.emergency')}</p>
          <Choice
            legend={t('setup:welcome.language')}
            options={LANGUAGES.map((l) => ({ value: l.code, label: l.name, lang: l.code, dir: l.dir }))}
            value={language}
            onChange={chooseLanguage}
          />
          <button type="button" class="primary" onClick={() => setStep('kind')}>
            {t('common:continue')}
          </button>
          <p class="hint">{t('backup:setup.restoreHint')}</p>
          <button type="button" class="secondary" onClick={startRestore}>
            {t('backup:setup.restore')}
          </button>
        </Screen>
      );
    case 'restore':
      if (!Restore) return null;
      return (
        <Restore
          replacing={false}
          onCancel={() => setStep('welcome')}
          onRestored={(vault) => {
            if (vault.entropy) {
              setRestored(vault);
              setStep('restored');
            } else {
              void finishRestore(vault);
            }
          }}
        />
      );
    case 'restored':
      // The backup carried no PIN: she chooses one (or a passphrase) before anything else.
      if (!restored?.entropy) return null;
      return <ResetSecret entropy={restored.entropy} onDone={(secretKind) => void finishRestore(restored, secretKind)} />;
    case 'kind':
      return (
        <Screen title={t('setup:kind.title')} back={back('welcome')}>
          <p>{t('setup:kind.intro')}</p>
          <SecretKindChoice value={kind} onChange={setKind} />
          <p>{t('setup:kind.whichStronger')}</p>
          <button type="button" class="primary" onClick={() => setStep('secret')}>
            {t('common:continue')}
          </button>
        </Screen>
      );
    case 'secret':
      return (
        <Screen title={t(`setup:secret.title_${kind}`)} back={back('kind')}>
          {errorBox}
          <UnlockHowTo kind={kind} />
          <SecretForm kind={kind} submitLabel={t('common:continue')} onSubmit={(chosen) => (setSecret(chosen), setStep('region'))} />
        </Screen>
      );
    case 'region':
      return (
        <Screen title={t('setup:region.title')} back={back('secret')}>
          <p>{t('setup:region.intro')}</p>
          <Choice legend={t('setup:region.legend')} options={REGIONS.map((r) => ({ value: r, label: t(`common:regions.${r}`) }))} value={region} onChange={setRegion} />
          <button type="button" class="primary" disabled={!region} onClick={() => void create(secret)}>
            {t('common:continue')}
          </button>
        </Screen>
      );
    case 'creating':
      return (
        <Screen title={t('setup:creating.title')}>
          <p role="status">{t('setup:creating.wait')}</p>
        </Screen>
      );
    case 'recovery':
      return (
        <Screen title={t('setup:recovery.title')}>
          <RecoveryWords words={created?.recovery.words ?? []} />
          <button type="button" class="primary" onClick={() => setStep('check')}>
            {t('setup:recovery.written')}
          </button>
        </Screen>
      );
    case 'check':
      return (
        <Screen title={t('setup:check.title')}>
          {errorBox}
          <RecoveryCheck words={created?.recovery.words ?? []} busy={busy} onConfirmed={() => void save()} onShowAgain={() => setStep('recovery')} />
        </Screen>
      );
    case 'ready':
      return (
        <Screen title={t('setup:ready.title')}>
          <p>{t('setup:ready.saved')}</p>
          <UnlockHowTo kind={kind} />
          <InstallOffer />
          <button type="button" class="primary" onClick={() => onDone(settingsNow())}>
            {t('setup:ready.open')}
          </button>
        </Screen>
      );
  }
}
