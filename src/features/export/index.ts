// features/export — what leaves the vault: the evidence pack and its verifier, the encrypted backup and
// its restore, and saving or sharing a file under a neutral name. Imports platform/*, shared/*, and the
// evidence, exit and settings features through their index.ts.
export { ExportScreen } from './ui/ExportScreen';
export { neutralFileName } from './fileNames';
export { SaveActions, type MadeFile } from './ui/SaveActions';
export { SaveProblem, canShareFiles, saveStream, shareStream } from './save';
export { PackFlow } from './pack/ui/PackFlow';
export { VerifyPack } from './verify/ui/VerifyPack';
export { BackupScreen, RestoreFlow, RestoreScreen, type RestoredVault } from './backup';
