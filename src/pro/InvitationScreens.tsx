// A new invitation, the invitation shown as a QR code and a short code, and the safety number.
import { useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import { type DeviceIdentity, fromBase64Url } from '../platform/vault';
import { Field, SafetyNumber, Screen } from '../shared/ui';
import { formatDate } from './common';
import { type StoredCase, invitationCodes } from './invitations';
import { QrCode } from './QrCode';
import { RelayCallError } from './relayAdapter';
import { LABEL_MAX } from './schema';

/** A label for the survivor (kept on this device), then the invitation is made. */
export function InviteScreen({ onCreate, onBack }: { onCreate: (label: string) => Promise<void>; onBack: () => void }) {
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    if (label.trim().length === 0) return setError(t('advocate:invite.labelMissing'));
    setBusy(true);
    setError(null);
    try {
      await onCreate(label.trim().slice(0, LABEL_MAX));
    } catch (failure) {
      const code = failure instanceof RelayCallError ? failure.code : 'bad_response';
      setError(code === 'network' ? t('advocate:invite.errors.network') : t('advocate:invite.errors.refused', { code }));
      setBusy(false);
    }
  };
  return (
    <Screen title={t('advocate:invite.title')} back={{ label: t('advocate:back'), onBack }}>
      <div class="stack">
        <Field label={t('advocate:invite.label')} hint={t('advocate:invite.labelHint')} value={label} onInput={setLabel} error={error} />
        <button type="button" class="primary" disabled={busy} onClick={() => void create()}>
          {t('advocate:invite.create')}
        </button>
        {busy && <p role="status">{t('advocate:invite.creating')}</p>}
      </div>
    </Screen>
  );
}

/** The invitation as a QR code and a short code she can read out. */
export function InvitationScreen({ item, identity, onSafety, onDone }: { item: StoredCase; identity: DeviceIdentity; onSafety: () => void; onDone: () => void }) {
  const { qr, shortCode } = invitationCodes(item.value, identity);
  const label = item.value.label;
  return (
    <Screen title={t('advocate:invitation.title', { label })} back={{ label: t('advocate:back'), onBack: onDone }}>
      <p>{t('advocate:invitation.scan')}</p>
      <QrCode text={qr} label={t('advocate:invitation.qrLabel', { label })} />
      <p>{t('advocate:invitation.orCode')}</p>
      <p class="short-code" dir="ltr">
        {shortCode}
      </p>
      <p>{t('advocate:invitation.expires', { date: formatDate(item.value.expiresAt) })}</p>
      <p>{t('advocate:invitation.next')}</p>
      <div class="stack">
        <button type="button" class="secondary" onClick={onSafety}>
          {t('advocate:invitation.safety')}
        </button>
        <button type="button" class="primary" onClick={onDone}>
          {t('advocate:invitation.done')}
        </button>
      </div>
    </Screen>
  );
}

/** The safety number to compare once the survivor has joined; a mismatch stops the link. */
export function SafetyScreen({ item, identity, onBack, onMatch, onMismatch }: { item: StoredCase; identity: DeviceIdentity; onBack: () => void; onMatch: () => Promise<void>; onMismatch: () => Promise<void> }) {
  const label = item.value.label;
  const survivor = item.value.survivor;
  const own = { signingPublic: identity.signingPublic, ecdhPublic: identity.ecdhPublic };
  return (
    <Screen title={t('advocate:safety.title', { label })} back={{ label: t('advocate:back'), onBack }}>
      <p>{t('advocate:safety.explain')}</p>
      {survivor ? (
        <>
          <SafetyNumber own={own} peer={{ signingPublic: fromBase64Url(survivor.signing), ecdhPublic: fromBase64Url(survivor.ecdh) }} label={t('advocate:safety.number')} />
          {item.value.confirmedAt !== null ? (
            <p class="saved">{t('advocate:safety.confirmed', { date: formatDate(item.value.confirmedAt) })}</p>
          ) : (
            <div class="stack">
              <button type="button" class="primary" onClick={() => void onMatch()}>
                {t('advocate:safety.match')}
              </button>
              <button type="button" class="secondary" onClick={() => void onMismatch()}>
                {t('advocate:safety.mismatch')}
              </button>
            </div>
          )}
        </>
      ) : (
        <p role="status">{t('advocate:safety.waiting')}</p>
      )}
    </Screen>
  );
}
