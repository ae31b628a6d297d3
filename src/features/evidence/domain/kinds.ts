// What kind of thing happened (DOMAIN §6.1, and the seed stories' kinds). The words live in
// locales/<lang>/evidence.json under kinds.<id>; this is the list and its order.
import { z } from 'zod';

export const INCIDENT_KINDS = [
  'contact',
  'call',
  'text',
  'social_media',
  'email',
  'third_party',
  'at_home',
  'followed',
  'monitoring',
  'damage',
  'threat',
  'threat_to_kill',
  'violence',
  'strangulation',
  'sexual',
  'coercive_control',
  'financial',
  'child_handover',
  'children',
  'other',
] as const;

export const IncidentKind = z.enum(INCIDENT_KINDS);
export type IncidentKind = z.infer<typeof IncidentKind>;

/** The four quick-log choices: what she can record in seconds, refined later if she wants. */
export const QUICK_KINDS = ['contact', 'at_home', 'threat', 'damage'] as const satisfies readonly IncidentKind[];

/** Kinds that are contact by some channel: what a no-contact condition forbids. */
export const CONTACT_KINDS: readonly IncidentKind[] = ['contact', 'call', 'text', 'social_media', 'email', 'third_party'];
