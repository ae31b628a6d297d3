// Linking an advocate, her side: the code (typed, or a QR's text pasted), a name for the advocate
// and her PIN again; then, while her app joins, a plain status; then the safety number to compare
// with the advocate's screen. "They match" makes the link; "they do not match" deletes it and its keys.
import './link.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { isVaultError } from '../../platform/vault';
import { isLinkFormatError } from '../../shared/protocol/link';
import { Field, SafetyNumber, Screen } from '../../shared/ui';
import { CurrentSecretField } from '../secrets';
import type { Settings } from '../settings';
import { describeLinkError } from './describe';
import { type PendingLink, advocateOf, confirmLink, deviceIdentity, listLinks, postJoin, publicOf, removeLink, startLink } from './linkOps';
import { type LinkRelay, fetchLinkRelay } from './relayPort';
import { LABEL_MAX } from './schema';
import type { PublicIdentity } from '../../platform/vault';

export interface LinkScreenProps {
  settings: Settings;
  onHome: () => void;
  /** The relay; her own origin's by default. */
  relay?: LinkRelay;
}

type Stage =
  | { name: 'loading' }
  | { name: 'enter'; code?: string; label?: string; failure?: unknown }
  | { name: 'working'; waiting: boolean }
  | { name: 'compare'; link: PendingLink; own: PublicIdentity; peer: PublicIdentity }
  | { name: 'done'; label: string }
  | { name: 'stopped' };

/** The whole linking flow, from the code to the confirmed safety number. */
export function LinkScreen({ settings, onHome, relay: given }: LinkScreenProps) {
  const relay = useRef(given ?? fetchLinkRelay()).current;
  const [stage, setStage] = useState<Stage>({ name: 'loading' });
  const abort = useRef<AbortController | null>(null);

  const compare = async (link: PendingLink) => {
    const identity = await deviceIdentity();
    setStage({ name: 'compare', link, own: publicOf(identity), peer: advocateOf(link.value) });
  };

  useEffect(() => {
    let live = true;
    // A link left before its safety number was compared opens at the comparison (its join is sent
    // again if it had not gone); otherwise a new link starts.
    listLinks()
      .then(async (links) => {
        const pending = links.find((link) => link.value.confirmedAt === null);
        if (!live) return;
        if (!pending) return setStage({ name: 'enter' });
        const value = await postJoin(relay, pending).catch(() => pending.value);
        if (live) await compare({ id: pending.id, value });
      })
      .catch(() => live && setStage({ name: 'enter' }));
    return () => {
      live = false;
      abort.current?.abort();
    };
  }, []);

  switch (stage.name) {
    case 'loading':
      return null;
    case 'enter':
      return (
        <EnterCode
          settings={settings}
          onHome={onHome}
          initialCode={stage.code ?? ''}
          initialLabel={stage.label ?? ''}
          failure={stage.failure}
          onStart={async (code, label, secret) => {
            const controller = new AbortController();
            abort.current = controller;
            setStage({ name: 'working', waiting: false });
            try {
              const link = await startLink({ code, label, secret, settings, relay, signal: controller.signal, onWaiting: () => setStage({ name: 'working', waiting: true }) });
              await compare(link);
            } catch (failure) {
              setStage({ name: 'enter', code, label, failure });
            }
          }}
        />
      );
    case 'working':
      return (
        <Screen title={t('link:start.title')}>
          <p role="status">{stage.waiting ? t('link:start.waiting') : t('link:start.working')}</p>
          {stage.waiting && (
            <button type="button" class="secondary" onClick={() => abort.current?.abort()}>
              {t('link:start.cancel')}
            </button>
          )}
        </Screen>
      );
    case 'compare':
      return (
        <Screen title={t('link:compare.title')}>
          <p>{t('link:compare.explain')}</p>
          <SafetyNumber own={stage.own} peer={stage.peer} label={t('link:compare.number')} />
          <div class="stack">
            <button
              type="button"
              class="primary"
              onClick={() => void confirmLink(stage.link).then((done) => setStage({ name: 'done', label: done.value.label }), () => undefined)}
            >
              {t('link:compare.match')}
            </button>
            <button type="button" class="secondary" onClick={() => void removeLink(stage.link.id).then(() => setStage({ name: 'stopped' }), () => undefined)}>
              {t('link:compare.mismatch')}
            </button>
          </div>
        </Screen>
      );
    case 'done':
      return (
        <Screen title={t('link:done.title')}>
          <p class="saved">{t('link:done.text', { label: stage.label })}</p>
          <p class="warning">{t('link:start.warning')}</p>
          <button type="button" class="primary" onClick={onHome}>
            {t('link:done.home')}
          </button>
        </Screen>
      );
    case 'stopped':
      return (
        <Screen title={t('link:stopped.title')}>
          <p role="status">{t('link:stopped.text')}</p>
          <button type="button" class="primary" onClick={onHome}>
            {t('link:stopped.home')}
          </button>
        </Screen>
      );
  }
}

interface EnterCodeProps {
  settings: Settings;
  onHome: () => void;
  initialCode: string;
  initialLabel: string;
  /** Why the last attempt failed, shown beside the field it concerns. */
  failure: unknown;
  onStart: (code: string, label: string, secret: string) => Promise<void>;
}

type Errors = { code?: string; label?: string; secret?: string; other?: string };

function errorsFor(failure: unknown): Errors {
  if (failure === undefined) return {};
  const message = describeLinkError(failure);
  if (message === null) return {};
  if (isLinkFormatError(failure)) return { code: message };
  if (isVaultError(failure, 'no_matching_slot')) return { secret: message };
  return { other: message };
}

/** The code, the advocate's name on this phone and her PIN, with the plain warning first. */
function EnterCode({ settings, onHome, initialCode, initialLabel, failure, onStart }: EnterCodeProps) {
  const [code, setCode] = useState(initialCode);
  const [label, setLabel] = useState(initialLabel);
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<Errors>(() => errorsFor(failure));

  const submit = () => {
    const missing = {
      code: code.trim() ? undefined : t('link:start.codeMissing'),
      label: label.trim() ? undefined : t('link:start.labelMissing'),
      secret: secret ? undefined : t('link:start.secretMissing'),
    };
    if (missing.code || missing.label || missing.secret) return setErrors(missing);
    setErrors({});
    void onStart(code, label.trim().slice(0, LABEL_MAX), secret);
  };

  return (
    <Screen title={t('link:start.title')} back={{ label: t('common:back'), onBack: onHome }}>
      <p class="notice">{t('link:start.warning')}</p>
      <p>{t('link:start.intro')}</p>
      {errors.other && (
        <p class="error-box" role="alert">
          {errors.other}
        </p>
      )}
      <div class="stack">
        <div class="link-code">
          <Field label={t('link:start.code')} hint={t('link:start.codeHint')} value={code} onInput={setCode} error={errors.code} />
        </div>
        <Field label={t('link:start.label')} hint={t('link:start.labelHint')} value={label} onInput={setLabel} error={errors.label} />
        <CurrentSecretField kind={settings.secretKind} value={secret} onInput={setSecret} error={errors.secret} />
        <button type="button" class="primary" onClick={submit}>
          {t('link:start.submit')}
        </button>
      </div>
    </Screen>
  );
}
