// The safety plan's repositories: the merged snapshot, and updates written at lock time.
import { createRepository, createSingleton } from '../../platform/store';
import { PlanSnapshot, PlanUpdate } from './schema';

export const planSnapshot = createSingleton({ kind: 'plan-state', schema: PlanSnapshot, schemaVersion: 1 });
export const planUpdates = createRepository({ kind: 'plan-update', schema: PlanUpdate, schemaVersion: 1 });
