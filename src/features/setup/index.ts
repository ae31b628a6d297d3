// features/setup — first-run set-up, the iOS "install first" steps, and choosing a new PIN after a
// recovery-code unlock. Imports platform/*, shared/ui, and the secrets, settings and disguise features.
export { InstallFirst } from './InstallFirst';
export { ResetSecret } from './ResetSecret';
export { SetupFlow } from './SetupFlow';
