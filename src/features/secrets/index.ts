// features/secrets — the pieces every flow that sets or proves a PIN, passphrase or recovery code
// shares: forms, the recovery words, the check, the how-to, and error wording. UI only; imports
// platform/* and shared/ui.
export { CurrentSecretField } from './CurrentSecretField';
export { describeError } from './describeError';
export { RecoveryCheck } from './RecoveryCheck';
export { RecoveryWords } from './RecoveryWords';
export { SecretForm } from './SecretForm';
export { SecretKindChoice } from './SecretKindChoice';
export { UnlockHowTo } from './UnlockHowTo';
