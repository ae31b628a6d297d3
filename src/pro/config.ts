// What the advocate app's server tells it (GET /_config, server/app.ts): where the relay is.
import { z } from 'zod';
import { RelayOrigin } from '../shared/protocol/link';

export const AdvocateConfig = z.strictObject({ relayOrigin: RelayOrigin });
export type AdvocateConfig = z.infer<typeof AdvocateConfig>;
