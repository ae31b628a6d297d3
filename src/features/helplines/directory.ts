// The directory: every data/*.json file, merged and picked by region. Each record lists the regions it
// serves, so a service that covers all four UK nations is written once (in uk.json).
//
// The files are checked in full by directory.test.ts, which names the file and field of any mistake.
// In the app each record is parsed again on its own: one that fails is left out rather than shown
// half-right or allowed to break the screen, so she never meets an error from our data.
import type { Region } from '../settings';
import { DirectoryFile, Emergency, Service } from './schema';

const FILES = import.meta.glob<unknown>('./data/*.json', { eager: true, import: 'default' });

/**
 * The data files by name ("uk.json"), in name order: so a nation's own services (gb-*.json) come
 * before the UK-wide ones (uk.json), and she sees her nation's helpline first.
 */
export const DIRECTORY_FILES: Readonly<Record<string, unknown>> = Object.fromEntries(
  Object.entries(FILES)
    .map(([path, data]) => [path.slice('./data/'.length), data] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1)),
);

/** Each problem as "<file>: <field path>: <message>", or none. */
export function checkDirectoryFile(name: string, data: unknown): string[] {
  const parsed = DirectoryFile.safeParse(data);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => `${name}: ${issue.path.map(String).join('.') || '(file)'}: ${issue.message}`);
}

function records<T>(data: unknown, key: 'services' | 'emergency', schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T[] {
  const list = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

let merged: { services: Service[]; emergency: Emergency[] } | null = null;

function all(): { services: Service[]; emergency: Emergency[] } {
  merged ??= {
    services: Object.values(DIRECTORY_FILES).flatMap((data) => records(data, 'services', Service)),
    emergency: Object.values(DIRECTORY_FILES).flatMap((data) => records(data, 'emergency', Emergency)),
  };
  return merged;
}

/** The services for a region, in file order; none for 'OTHER'. */
export function servicesFor(region: Region): Service[] {
  if (region === 'OTHER') return [];
  return all().services.filter((s) => s.regions.includes(region));
}

/** The emergency channels for a region, or null when we have none (for 'OTHER'). */
export function emergencyFor(region: Region): Emergency | null {
  if (region === 'OTHER') return null;
  return all().emergency.find((e) => e.regions.includes(region)) ?? null;
}
