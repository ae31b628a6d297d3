// The link's records, sealed under her vault key: her device identity (private keys as PKCS8, only
// ever inside this record) and her links, one record each.
import { createRepository, createSingleton } from '../../platform/store';
import { IdentityRecord } from '../../platform/vault';
import { LinkedCase } from './schema';

export const identityRecord = createSingleton({ kind: 'link-identity', schema: IdentityRecord, schemaVersion: 1 });
export const linkedCases = createRepository({ kind: 'link-case', schema: LinkedCase, schemaVersion: 1 });
