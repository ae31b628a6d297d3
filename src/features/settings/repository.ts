// Where settings and slot roles are kept: two encrypted singletons. A new duress vault's first copies
// of both are sealed under that vault's own keys (`prepareForVault`), beside the open vault's.
import { type PreparedWrite, createRepository, createSingleton } from '../../platform/store';
import type { SessionCapture } from '../../platform/vault';
import { SETTINGS_SCHEMA_VERSION, Settings, SlotRoles } from './schema';

const SETTINGS = { kind: 'settings', schema: Settings, schemaVersion: SETTINGS_SCHEMA_VERSION } as const;
const SLOT_ROLES = { kind: 'slot-roles', schema: SlotRoles, schemaVersion: 1 } as const;

export const settingsRecord = createSingleton(SETTINGS);
export const slotRolesRecord = createSingleton(SLOT_ROLES);

const settingsRepository = createRepository(SETTINGS);
const slotRolesRepository = createRepository(SLOT_ROLES);

/**
 * Seals settings and slot roles for a vault that is not the open one, at the ids its own singletons
 * will look for (the kind's tag under that vault's key).
 */
export async function prepareForVault(session: SessionCapture, settings: Settings, roles: SlotRoles): Promise<PreparedWrite[]> {
  const [settingsId, rolesId] = await Promise.all([session.kindTag(SETTINGS.kind), session.kindTag(SLOT_ROLES.kind)]);
  return Promise.all([settingsRepository.prepare(settings, settingsId, session), slotRolesRepository.prepare(roles, rolesId, session)]);
}
