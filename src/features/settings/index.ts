// features/settings — her settings (an encrypted singleton), the settings screens, and the operations
// that change how the vault opens. Imports platform/*, shared/ui and the secrets and disguise features.
export { settingsRecord, slotRolesRecord } from './repository';
export { GRACE_OPTIONS, NEUTRAL_SITES, REGIONS, type Region, Settings, defaultSettings } from './schema';
export { SettingsScreen, type SettingsSection } from './SettingsScreen';
