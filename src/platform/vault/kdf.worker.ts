// The Argon2id worker. It imports the derived key as a non-extractable CryptoKey before posting it,
// so the raw key-encryption key never reaches the page.

import { zero } from './bytes';
import { isVaultError } from './errors';
import { deriveKek } from './kdf';
import type { KdfRequest, KdfResponse } from './kdfProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<KdfRequest>) => {
  const { id, secret, salt, kdf } = event.data;
  deriveKek(secret, salt, kdf)
    .then((key) => scope.postMessage({ id, ok: true, key } satisfies KdfResponse))
    .catch((error: unknown) => scope.postMessage({ id, ok: false, code: isVaultError(error) ? error.code : 'aborted' } satisfies KdfResponse))
    .finally(() => zero(secret));
});
