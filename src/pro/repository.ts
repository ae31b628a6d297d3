// The advocate app's records. Kinds are its own; the store seals them under her vault key.
import { createRepository, createSingleton } from '../platform/store';
import { AdvocateCase, IdentityRecord } from './schema';

/** Her device identity: private keys as PKCS8, only ever inside this record. */
export const identityRecord = createSingleton({ kind: 'advocate-identity', schema: IdentityRecord, schemaVersion: 1 });
/** Her cases, one record each. */
export const cases = createRepository({ kind: 'advocate-case', schema: AdvocateCase, schemaVersion: 1 });
