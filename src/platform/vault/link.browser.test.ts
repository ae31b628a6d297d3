// The advocate link's crypto in real Chromium: the node tests pin the formats; these check that the
// browser's WebCrypto accepts the same key formats (PKCS8 export and import, JWK import of a derived
// P-256 key, which Chromium checks against its private scalar) and reaches the same answers.
import { describe, expect, it } from 'vitest';
import { fromBase64Url, fromHex, randomBytes, toBase64Url, toHex, utf8 } from './bytes';
import { importCaseKey, openCaseMessage, sealCaseMessage } from './caseCrypto';
import { newCaseKey, unwrapCaseKey, wrapCaseKey } from './caseKey';
import { createIdentity, importIdentity } from './identity';
import { relayBackupLocator, relayWriteKey } from './relayKeys';
import { signRequest } from './requestSigning';
import { safetyNumber } from './safetyNumber';

const ECDSA = { name: 'ECDSA', hash: 'SHA-256' } as const;

describe('advocate link crypto in the browser', () => {
  it('creates, stores and re-imports an identity, and delivers a case key between two', async () => {
    const alice = await createIdentity();
    const bob = await createIdentity();
    const bobAgain = await importIdentity(JSON.parse(JSON.stringify(bob.record)));
    expect(bobAgain.ecdhPrivate.extractable).toBe(false);
    const caseId = toBase64Url(randomBytes(16));
    const { key } = newCaseKey(1);
    const delivery = await wrapCaseKey({ caseId, epoch: 1, caseKey: key, senderIdentity: alice.identity, recipientEcdhPublic: bob.identity.ecdhPublic });
    const opened = await unwrapCaseKey(delivery, { recipientIdentity: bobAgain, expectedSenderSigningPublic: alice.identity.signingPublic, caseId, currentEpoch: null });
    expect(opened.caseKey).toEqual(key);
    expect(await safetyNumber(alice.identity, bob.identity)).toEqual(await safetyNumber(bob.identity, alice.identity));

    const caseKey = await importCaseKey(opened.caseKey);
    const ctx = { caseId, epoch: 1, messageId: 'm1' };
    expect(await openCaseMessage(caseKey, ctx, await sealCaseMessage(caseKey, ctx, utf8('plan')))).toEqual(utf8('plan'));
  });

  it('derives the same relay backup locator and write key as the node known answers', async () => {
    const entropy = fromHex('000102030405060708090a0b0c0d0e0f');
    expect(await relayBackupLocator(entropy)).toBe('3q0N9y2hW3j7hbuNuZ0metYn3Ft7jevVu7_1u6xTYKY');
    const writeKey = await relayWriteKey(entropy);
    expect(toHex(writeKey.publicRaw)).toBe(
      '0477122bc8b1b8383c737d0048685d49d9cf1ba71fd5244e57cb86a42fbe1e9ac109bd5ef3fac328f8ae043422173f02c91f6384a6feb29b626b970c3aea9d2eab',
    );
    const headers = await signRequest(writeKey, { method: 'DELETE', path: '/relay/v1/backups/x' });
    const verifier = await crypto.subtle.importKey('raw', fromBase64Url(headers['x-wm-key']), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const signature = await crypto.subtle.sign(ECDSA, writeKey.privateKey, utf8('m'));
    expect(await crypto.subtle.verify(ECDSA, verifier, signature, utf8('m'))).toBe(true);
  });
});
