// Finding services by who they are for.
import type { Need, Service } from './schema';

/** 'all' shows every service; 'mine' shows only her own contacts (no services). */
export type NeedFilter = 'all' | 'mine' | Need;

/**
 * The services that fit a need: first those for it, then those open to everyone, each in the given
 * order. 'all' keeps every service; 'mine' keeps none; 'everyone' keeps only services open to all.
 */
export function filterServices(services: readonly Service[], need: NeedFilter): Service[] {
  if (need === 'all') return [...services];
  if (need === 'mine') return [];
  const specific: Service[] = [];
  const general: Service[] = [];
  for (const service of services) {
    if (service.needs.includes(need)) specific.push(service);
    else if (service.needs.includes('everyone')) general.push(service);
  }
  return [...specific, ...general];
}
