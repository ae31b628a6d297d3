import { describe, expect, it } from 'vitest';
import type { CaseKeyDelivery } from '../../shared/protocol/caseKey';
import { fromBase64Url, fromUtf8, randomBytes, toBase64Url, toHex } from './bytes';
import { type UnwrapCaseKeyOptions, deliverySignatureInput, isAcceptableEpoch, newCaseKey, signDelivery, unwrapCaseKey, wrapCaseKey } from './caseKey';
import { type DeviceIdentity, createIdentity, importIdentity } from './identity';

const newIdentity = async () => (await createIdentity()).identity;
const newCaseId = () => toBase64Url(randomBytes(16));

/** Changes one character of a base64url string in the middle, keeping it canonical and the same length. */
function flipChar(text: string, at = Math.floor(text.length / 2)): string {
  const c = text[at] === 'A' ? 'B' : 'A';
  return text.slice(0, at) + c + text.slice(at + 1);
}

async function setUp() {
  const alice = await newIdentity();
  const bob = await newIdentity();
  const caseId = newCaseId();
  const { epoch, key } = newCaseKey(1);
  const delivery = await wrapCaseKey({ caseId, epoch, caseKey: key, senderIdentity: alice, recipientEcdhPublic: bob.ecdhPublic });
  const options: UnwrapCaseKeyOptions = { recipientIdentity: bob, expectedSenderSigningPublic: alice.signingPublic, caseId, currentEpoch: null };
  return { alice, bob, caseId, key, delivery, options };
}

describe('case key delivery', () => {
  it('round-trips to the recipient, signed by the sender', async () => {
    const { key, delivery, options, caseId } = await setUp();
    expect(await unwrapCaseKey(delivery, options)).toEqual({ caseId, epoch: 1, caseKey: key });
    // Through JSON, as it travels.
    expect((await unwrapCaseKey(JSON.parse(JSON.stringify(delivery)), options)).caseKey).toEqual(key);
  });

  it('uses a fresh ephemeral key and IV for every delivery', async () => {
    const { alice, bob, caseId, key, delivery } = await setUp();
    const again = await wrapCaseKey({ caseId, epoch: 1, caseKey: key, senderIdentity: alice, recipientEcdhPublic: bob.ecdhPublic });
    expect(again.ephemeral).not.toBe(delivery.ephemeral);
    expect(again.iv).not.toBe(delivery.iv);
    expect(again.wrapped).not.toBe(delivery.wrapped);
  });

  it('refuses an unsigned delivery', async () => {
    const { delivery, options } = await setUp();
    const { sig: _sig, ...unsigned } = delivery;
    await expect(unwrapCaseKey(unsigned, options)).rejects.toMatchObject({ name: 'LinkError', code: 'unsigned' });
    await expect(unwrapCaseKey({ ...delivery, sig: '' }, options)).rejects.toMatchObject({ code: 'unsigned' });
  });

  it('refuses a malformed delivery', async () => {
    const { delivery, options } = await setUp();
    const cases: unknown[] = [
      null,
      'text',
      { ...delivery, v: 2 },
      { ...delivery, epoch: 0 },
      { ...delivery, iv: delivery.iv.slice(1) },
      { ...delivery, wrapped: `${delivery.wrapped}AAAA` },
      { ...delivery, extra: 1 },
      { ...delivery, case: `has|a|bar${'_'.repeat(13)}` },
    ];
    for (const bad of cases) await expect(unwrapCaseKey(bad, options)).rejects.toMatchObject({ code: 'malformed' });
  });

  it('refuses any change to a signed field, or to the signature itself, as bad_signature', async () => {
    const { delivery, options } = await setUp();
    const altered: CaseKeyDelivery[] = [
      { ...delivery, epoch: 2 },
      { ...delivery, recipient: flipChar(delivery.recipient) },
      { ...delivery, ephemeral: flipChar(delivery.ephemeral) },
      { ...delivery, iv: flipChar(delivery.iv) },
      { ...delivery, wrapped: flipChar(delivery.wrapped) },
      { ...delivery, sig: flipChar(delivery.sig) },
    ];
    for (const bad of altered) await expect(unwrapCaseKey(bad, options)).rejects.toMatchObject({ code: 'bad_signature' });
  });

  it('refuses a case key injected by someone else (the relay), even one well made for the recipient', async () => {
    const { bob, caseId, options } = await setUp();
    const relay = await newIdentity();
    const injected = await wrapCaseKey({ caseId, epoch: 1, caseKey: randomBytes(32), senderIdentity: relay, recipientEcdhPublic: bob.ecdhPublic });
    await expect(unwrapCaseKey(injected, options)).rejects.toMatchObject({ code: 'bad_signature' });
  });

  it('refuses a delivery signed for another case', async () => {
    const { delivery, options } = await setUp();
    await expect(unwrapCaseKey(delivery, { ...options, caseId: newCaseId() })).rejects.toMatchObject({ code: 'wrong_case' });
  });

  it('refuses a delivery addressed to another device', async () => {
    const { delivery, options } = await setUp();
    const carol: DeviceIdentity = await newIdentity();
    await expect(unwrapCaseKey(delivery, { ...options, recipientIdentity: carol })).rejects.toMatchObject({ code: 'wrong_recipient' });
  });

  it('accepts only a newer epoch: a replayed or rolled-back key is stale', async () => {
    const { alice, bob, caseId, options } = await setUp();
    const at = async (epoch: number) => wrapCaseKey({ caseId, epoch, caseKey: newCaseKey(epoch).key, senderIdentity: alice, recipientEcdhPublic: bob.ecdhPublic });
    await expect(unwrapCaseKey(await at(3), { ...options, currentEpoch: 3 })).rejects.toMatchObject({ code: 'stale_epoch' });
    await expect(unwrapCaseKey(await at(2), { ...options, currentEpoch: 3 })).rejects.toMatchObject({ code: 'stale_epoch' });
    expect((await unwrapCaseKey(await at(4), { ...options, currentEpoch: 3 })).epoch).toBe(4);
  });

  it('reports tampered when a correctly signed ciphertext fails to open', async () => {
    const { alice, delivery, options } = await setUp();
    const { sig: _sig, ...unsigned } = delivery;
    const other = await newIdentity();
    const resigned = [
      { ...unsigned, wrapped: flipChar(unsigned.wrapped) },
      { ...unsigned, iv: flipChar(unsigned.iv) },
      // A valid point, but not the one the key was wrapped with.
      { ...unsigned, ephemeral: toBase64Url(other.ecdhPublic) },
    ];
    for (const bad of resigned) await expect(unwrapCaseKey(await signDelivery(bad, alice), options)).rejects.toMatchObject({ code: 'tampered' });
  });

  it('signs exactly the documented v1 bytes', () => {
    const input = deliverySignatureInput({ v: 1, case: 'C', epoch: 7, recipient: 'R', ephemeral: 'E', iv: 'I', wrapped: 'W' });
    expect(fromUtf8(input)).toBe('waymark/v1/case-key-delivery|C|7|R|E|I|W');
  });

  it('refuses to wrap with a bad key length or epoch', async () => {
    const { alice, bob, caseId } = await setUp();
    const base = { caseId, epoch: 1, caseKey: randomBytes(32), senderIdentity: alice, recipientEcdhPublic: bob.ecdhPublic };
    await expect(wrapCaseKey({ ...base, caseKey: randomBytes(16) })).rejects.toThrow(RangeError);
    await expect(wrapCaseKey({ ...base, epoch: 0 })).rejects.toThrow(RangeError);
    await expect(wrapCaseKey({ ...base, recipientEcdhPublic: bob.ecdhPublic.slice(1) })).rejects.toMatchObject({ code: 'malformed' });
  });
});

// A delivery made independently (Python, the `cryptography` package) from the derivation written in
// caseKey.ts, with fixed scalars 0x11…, 0x22… (recipient ECDH, signing), 0x33… (sender signing),
// 0x44… (ephemeral), IV 00…0b and case key 55…55. If this stops opening, the v1 format has drifted.
const KNOWN = {
  recipient: {
    version: 1,
    ecdh: {
      pkcs8: 'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgERERERERERERERERERERERERERERERERERERERERERGhRANCAAQCF-YX8LZEOSgnj5aZnmmiOk8sFSvfbWzfZuW4AoLU7RlKfevLl3EtLdo8qFqodlpW9F_HWFmWUvKJfGUwbleU',
      publicRaw: 'BAIX5hfwtkQ5KCePlpmeaaI6TywVK99tbN9m5bgCgtTtGUp968uXcS0t2jyoWqh2Wlb0X8dYWZZS8ol8ZTBuV5Q',
    },
    signing: {
      pkcs8: 'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiKhRANCAATWWpOXfKo9GwgYUv9Xp55GXxZgV3MEuurVBd06SFic81AYXolTct9iIeo6E3VX5HP922dV8FvVB8PFM_zpyRKF',
      publicRaw: 'BNZak5d8qj0bCBhS_1ennkZfFmBXcwS66tUF3TpIWJzzUBheiVNy32Ih6joTdVfkc_3bZ1XwW9UHw8Uz_OnJEoU',
    },
  },
  senderSigningPublic: 'BFGnWAgziY6hsYPL1zUKQJkHjG7xweGOlwzXaDA18l59ARBSJxKwtafP8IFoVIaYSpTmgx7axG5zYPqdg0p6gaE',
  delivery: {
    v: 1,
    case: 'Y2FzZS1pZC0wMDAwMDAwMQ',
    epoch: 1,
    recipient: 'BAIX5hfwtkQ5KCePlpmeaaI6TywVK99tbN9m5bgCgtTtGUp968uXcS0t2jyoWqh2Wlb0X8dYWZZS8ol8ZTBuV5Q',
    ephemeral: 'BFs2iQ2svXyalrt0oe4os9LXW3LgmiDvJc-Ob9ip8DUNDhS-2NRoKjTYNTi9_1uW6JpmZuwNtXRdAvoSEAct91o',
    iv: 'AAECAwQFBgcICQoL',
    wrapped: '1sTEa8sgK817iJAagMM9aPRqXQSOXQcuNMknt2As5N7B-DIgCStu3HTK4tGaKqZj',
    sig: 'oFHtPK8vJ_0XbuwCZGVyVw7SAlz1bVkLmGMdHXF8cgaQj3lxJRgUQiMWuvCwwmrPaIxaZ7hC_EJGUPaQ2d4DkQ',
  },
} as const;

describe('case key delivery: known answer (format v1)', () => {
  it('opens a delivery made by an independent implementation', async () => {
    const opened = await unwrapCaseKey(KNOWN.delivery, {
      recipientIdentity: await importIdentity(KNOWN.recipient),
      expectedSenderSigningPublic: fromBase64Url(KNOWN.senderSigningPublic),
      caseId: KNOWN.delivery.case,
      currentEpoch: null,
    });
    expect(toHex(opened.caseKey)).toBe('55'.repeat(32));
  });
});

describe('epochs', () => {
  it('are monotonic', () => {
    expect(isAcceptableEpoch(1, null)).toBe(true);
    expect(isAcceptableEpoch(0, null)).toBe(false);
    expect(isAcceptableEpoch(5, 4)).toBe(true);
    expect(isAcceptableEpoch(4, 4)).toBe(false);
    expect(isAcceptableEpoch(3, 4)).toBe(false);
    expect(isAcceptableEpoch(1.5, null)).toBe(false);
  });

  it('new case keys are 32 random bytes', () => {
    const a = newCaseKey(1);
    expect(a.key).toHaveLength(32);
    expect(newCaseKey(1).key).not.toEqual(a.key);
    expect(() => newCaseKey(0)).toThrow(RangeError);
  });
});
