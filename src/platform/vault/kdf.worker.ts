// The Argon2id worker. It imports the derived key as a non-extractable CryptoKey before posting it,
// so the raw key-encryption key never reaches the page.

import { zero } from './bytes';
import { isVaultError } from './errors';
import { argon2idRaw, deriveKek } from './kdf';
import type { KdfRequest, KdfResponse } from './kdfProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<KdfRequest>) => {
  const request = event.data;
  if (request.kind === 'warm') {
    void argon2idRaw(new Uint8Array(8), new Uint8Array(8), { memoryKiB: 8, iterations: 1, parallelism: 1 }).catch(() => undefined);
    return;
  }
  const { id, secret, salt, kdf } = request;
  deriveKek(secret, salt, kdf)
    .then((key) => scope.postMessage({ id, ok: true, key } satisfies KdfResponse))
    .catch((error: unknown) => scope.postMessage({ id, ok: false, code: isVaultError(error) ? error.code : 'aborted' } satisfies KdfResponse))
    .finally(() => zero(secret));
});
