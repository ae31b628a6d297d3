// Where settings and slot roles are kept: two encrypted singletons.
import { createSingleton } from '../../platform/store';
import { SETTINGS_SCHEMA_VERSION, Settings, SlotRoles } from './schema';

export const settingsRecord = createSingleton({ kind: 'settings', schema: Settings, schemaVersion: SETTINGS_SCHEMA_VERSION });
export const slotRolesRecord = createSingleton({ kind: 'slot-roles', schema: SlotRoles, schemaVersion: 1 });
