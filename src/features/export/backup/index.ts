// features/export/backup — one encrypted file of the whole vault, and restoring it (all or nothing).
// Exports the screens and the restore flow set-up uses. Imports platform/*, shared/ui, and the exit
// and settings features through their index.ts.
export { BackupScreen, type BackupScreenProps } from './BackupScreen';
export { RestoreFlow, type RestoreFlowProps, type RestoredVault } from './RestoreFlow';
export { RestoreScreen, type RestoreScreenProps } from './RestoreScreen';
