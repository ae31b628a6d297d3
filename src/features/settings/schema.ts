// Her settings: one encrypted record. Everything about how the app behaves for her lives here, and
// nowhere in plaintext.

import { z } from 'zod';

export const REGIONS = ['GB-ENG', 'GB-WLS', 'GB-SCT', 'GB-NIR', 'IE', 'US', 'AU', 'OTHER'] as const;
export const Region = z.enum(REGIONS);
export type Region = z.infer<typeof Region>;

export const GRACE_OPTIONS = { immediately: 0, 'after-1-minute': 60_000, 'after-5-minutes': 300_000 } as const;
export const LockOnHide = z.enum(['immediately', 'after-1-minute', 'after-5-minutes']);
export type LockOnHide = z.infer<typeof LockOnHide>;

/** Neutral sites quick exit can replace the page with (in a browser tab). */
export const NEUTRAL_SITES = {
  'bbc-weather': 'https://www.bbc.co.uk/weather',
  'bbc-news': 'https://www.bbc.co.uk/news',
  wikipedia: 'https://en.wikipedia.org/wiki/Main_Page',
} as const;

export const HttpsUrl = z
  .string()
  .max(2000)
  .refine((text) => {
    try {
      const url = new URL(text);
      return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
    } catch {
      return false;
    }
  });

export const ExitTo = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('calculator') }),
  z.object({ kind: z.literal('site'), site: z.enum(['bbc-weather', 'bbc-news', 'wikipedia']) }),
  z.object({ kind: z.literal('custom'), url: HttpsUrl }),
]);
export type ExitTo = z.infer<typeof ExitTo>;

export const Settings = z.object({
  language: z.enum(['en', 'cy', 'pl', 'ur']),
  region: Region,
  secretKind: z.enum(['pin', 'passphrase']),
  lockOnHide: LockOnHide,
  exitTo: ExitTo,
  /** When a backup last succeeded (ISO time); auto-wipe is offered only once there is one. */
  lastBackupAt: z.string().nullable().optional(),
  /**
   * Set only in a duress vault, and never shown: anything that would copy data off the phone (the
   * advocate link, backup) must refuse here, so the duress vault never syncs.
   */
  noSync: z.literal(true).optional(),
});
export type Settings = z.infer<typeof Settings>;

export const SETTINGS_SCHEMA_VERSION = 1;

/** Whether anything may copy this vault's data off the phone (backup, advocate link): never from a duress vault. */
export function syncAllowed(settings: Settings): boolean {
  return settings.noSync !== true;
}

export function defaultSettings(language: Settings['language']): Settings {
  return { language, region: 'GB-ENG', secretKind: 'pin', lockOnHide: 'immediately', exitTo: { kind: 'site', site: 'bbc-weather' } };
}

/** Which key slot holds what (see platform/vault SlotRoles). Kept encrypted, never in the key file. */
const SlotIndex = z.number().int().min(0).max(7);
export const SlotRoles = z.object({
  secret: SlotIndex,
  recovery: SlotIndex,
  /** This vault's duress vault's slots (removed by overwriting them). */
  duress: z.object({ secret: SlotIndex, recovery: SlotIndex }).optional(),
  /** Another vault's slots, never overwritten from this one. */
  keep: z.array(SlotIndex).max(8).optional(),
});
export type SlotRoles = z.infer<typeof SlotRoles>;
