// The plan's stored records. Both hold Yjs updates (binary) as base64url inside an encrypted,
// zod-checked record. The bound keeps a damaged or hostile record from making the tab decode
// something huge; a plan of typed text stays far below it.
import { z } from 'zod';

const MAX_UPDATE_CHARS = 8 * 1024 * 1024;
const Base64Url = z.string().max(MAX_UPDATE_CHARS).regex(/^[A-Za-z0-9_-]*$/);

/** The whole plan, merged: one Yjs update that rebuilds the document. */
export const PlanSnapshot = z.object({ state: Base64Url });
export type PlanSnapshot = z.infer<typeof PlanSnapshot>;

/** Changes written at the moment of a lock, waiting to be folded into the snapshot. */
export const PlanUpdate = z.object({ update: Base64Url });
export type PlanUpdate = z.infer<typeof PlanUpdate>;
