// platform/vault — the crypto core (DESIGN §4). The only module that touches keys, crypto.subtle
// and hash-wasm. Pure apart from the session's in-memory keyring; runs in Node and in the browser.
// Imports nothing from the app.

export { type Bytes, fromBase64Url, randomBytes, toBase64Url, utf8, zero } from './bytes';
export { KEY_FILE_BYTES, VAULT } from './constants';
export { VaultError, isVaultError, type VaultErrorCode } from './errors';
export { AUTO_WIPE_FIELD, FAILURE_FIELDS, type KdfParams, type VaultHeader, failureFields, parseHeader, parseKeyFile, withAutoWipe } from './keyFile';
export { type CreatedDuress, createDuress, freeSlots, removeDuress } from './duress';
export { getBrowserDeriver } from './browserDeriver';
export { type KekDeriver, createWorkerDeriver } from './kdfClient';
export { DEFAULT_KDF, FLOOR_KDF, calibrateKdf, chooseKdfParams } from './kdfPolicy';
export {
  type CreatedVault,
  type SlotRoles,
  changeSecret,
  createVault,
  proveSecret,
  replaceRecoveryCode,
  resetSecretWithRecovery,
  unlockWithRecovery,
  unlockWithSecret,
} from './lifecycle';
export { type RecoveryCode, looksLikeRecoveryCode, parseRecoveryCode } from './recovery';
export { PASSPHRASE_MIN_CHARS, PIN_MIN_DIGITS, type SecretKind, isPinShaped, normaliseSecret, secretProblem } from './secret';
export { type SessionCapture, captureSession, endSession, isUnlocked, kindTag, newId, onSessionEnd, openRecord, sealRecord, sessionGeneration } from './session';
export type { RecordContext } from './envelope';
export { type Json, canonicalJson } from './canonicalJson';
export { type ChainEventType, type ChainHead, type ChainLink, type ChainProblem, type ChainReport, GENESIS_HASH, type Opening, commitment, newSalt, nextLink, sha256Hex, verifyChain } from './chain';
export { SEGMENT_BYTES, SegmentWriter, type StreamParams, newFileKey, newStreamParams, openSegment, segmentCount, segmentKey } from './streamAead';
export { type Sha256Stream, createSha256Stream } from './sha256Stream';
export { BACKUP_HEADER_BYTES, type BackupProof, type BackupSealer, type BackupSlots, type OpenedBackup, beginRestoredSession, decryptBackup, openBackup, restoredKeyFile, startBackup } from './backup';
export { BackupError, type BackupErrorCode, isBackupError } from './backupErrors';
export type { BackupFrame } from './backupFrames';
export { DB_GENERATION_OFFSET } from './keyFile';
export { STRONG_PASSPHRASE_CHARS, STRONG_PASSPHRASE_WORDS, isStrongPassphrase } from './secret';
// The advocate link (DESIGN §4 "Device keys and sharing", "Backups").
export { LinkError, type LinkErrorCode, isLinkError } from './linkErrors';
export { type CreateIdentityOptions, type DeviceIdentity, IdentityRecord, createIdentity, importIdentity } from './identity';
export { type PublicIdentity, safetyNumber } from './safetyNumber';
export { CASE_KEY_BYTES, type CaseKey, type UnwrapCaseKeyOptions, type UnwrappedCaseKey, type WrapCaseKeyInput, isAcceptableEpoch, newCaseKey, unwrapCaseKey, wrapCaseKey } from './caseKey';
export { type CaseMessageContext, MAX_CASE_PLAINTEXT, caseMessageEpoch, importCaseKey, openCaseMessage, sealCaseMessage } from './caseCrypto';
export { RELAY_BACKUP_LABELS, relayBackupKey, relayBackupLocator, relayWriteKey } from './relayKeys';
export { type RelayRequest, type RequestSigningKey, type SignedRequestHeaders, bodySha256Hex, signRequest, signSubscribeFrame } from './requestSigning';
export { MailboxKeyRecord, createMailboxKey, importMailboxKey } from './mailboxKey';
export { type LinkIntroContext, openLinkIntro, sealLinkIntro } from './linkIntro';
export { type LinkJoinContext, type OpenedLinkJoin, type SealLinkJoinInput, openLinkJoin, sealLinkJoin } from './linkJoin';
