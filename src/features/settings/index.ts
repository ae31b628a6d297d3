// features/settings — her settings (an encrypted singleton), the settings screens, and the operations
// that change how the vault opens: PIN, recovery code, second (duress) PIN, erasing everything.
// Imports platform/*, shared/ui and the secrets, disguise and exit features.
export { settingsRecord, slotRolesRecord } from './repository';
export { GRACE_OPTIONS, NEUTRAL_SITES, REGIONS, type Region, Settings, defaultSettings, syncAllowed } from './schema';
export { SettingsScreen, type SettingsSection } from './SettingsScreen';
