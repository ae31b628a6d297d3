// The orders and bail conditions that protect her, by region (DOMAIN §3). Each kind says what a breach
// means in plain words (a category; the words are in locales) and offers typical condition wording,
// which she can edit. Regions come from settings; never inferred.
import { z } from 'zod';
import type { Region } from '../../settings';

export const CONDITION_TYPES = [
  'no_contact_direct_indirect',
  'no_violence',
  'no_molest',
  'no_third_party',
  'no_attend_address',
  'exclusion_zone',
  'no_approach',
  'no_social_media_posting',
  'no_damage_property',
  'leave_or_not_enter_home',
  'residence_curfew',
  'positive_requirement',
] as const;
export const ConditionType = z.enum([...CONDITION_TYPES, 'custom']);
export type ConditionType = z.infer<typeof ConditionType>;

/**
 * What breaking it means: a crime the police can arrest for; a matter for the court; bail (arrest,
 * but not a crime in itself; after charge, back to court); bail where breaking it is itself an
 * offence (Scotland, Criminal Procedure (Scotland) Act 1995 s.27 — to be confirmed, DOMAIN has no
 * row for it); a short civil order; or it depends (bail and orders elsewhere).
 */
export const BREACH_MEANINGS = ['crime', 'contempt', 'bail', 'bail_after_charge', 'bail_offence', 'civil_arrest', 'depends'] as const;
export type BreachMeaning = (typeof BREACH_MEANINGS)[number];

export interface OrderKindInfo {
  breach: BreachMeaning;
  typical: readonly (typeof CONDITION_TYPES)[number][];
}

export const ORDER_KINDS = {
  pre_charge_bail: { breach: 'bail', typical: ['no_contact_direct_indirect', 'no_attend_address', 'exclusion_zone', 'residence_curfew'] },
  post_charge_bail: { breach: 'bail_after_charge', typical: ['no_contact_direct_indirect', 'no_attend_address', 'exclusion_zone', 'residence_curfew'] },
  restraining_order: { breach: 'crime', typical: ['no_contact_direct_indirect', 'no_attend_address', 'exclusion_zone', 'no_approach'] },
  non_molestation_order: { breach: 'crime', typical: ['no_violence', 'no_molest', 'no_contact_direct_indirect', 'no_third_party', 'no_attend_address', 'no_damage_property'] },
  occupation_order: { breach: 'contempt', typical: ['leave_or_not_enter_home', 'exclusion_zone'] },
  dvpo: { breach: 'civil_arrest', typical: ['no_molest', 'leave_or_not_enter_home', 'exclusion_zone', 'no_contact_direct_indirect'] },
  dapo: { breach: 'crime', typical: ['no_contact_direct_indirect', 'no_attend_address', 'no_social_media_posting', 'exclusion_zone', 'positive_requirement'] },
  stalking_protection_order: { breach: 'crime', typical: ['no_contact_direct_indirect', 'no_approach', 'exclusion_zone', 'positive_requirement'] },
  sco_bail: { breach: 'bail_offence', typical: ['no_contact_direct_indirect', 'no_attend_address'] },
  sco_non_harassment_order: { breach: 'crime', typical: ['no_contact_direct_indirect', 'no_approach', 'no_attend_address'] },
  ni_bail: { breach: 'depends', typical: ['no_contact_direct_indirect', 'no_attend_address'] },
  ni_non_molestation_order: { breach: 'crime', typical: ['no_molest', 'no_contact_direct_indirect', 'no_attend_address'] },
  ni_stalking_protection_order: { breach: 'crime', typical: ['no_contact_direct_indirect', 'no_approach'] },
  bail: { breach: 'depends', typical: ['no_contact_direct_indirect', 'no_attend_address'] },
  protection_order: { breach: 'depends', typical: ['no_violence', 'no_contact_direct_indirect', 'no_attend_address'] },
  other: { breach: 'depends', typical: [] },
} as const satisfies Record<string, OrderKindInfo>;

export type OrderKind = keyof typeof ORDER_KINDS;
export const OrderKind = z.enum(Object.keys(ORDER_KINDS) as [OrderKind, ...OrderKind[]]);

const ENGLAND_AND_WALES: readonly OrderKind[] = ['pre_charge_bail', 'post_charge_bail', 'restraining_order', 'non_molestation_order', 'occupation_order', 'dvpo', 'dapo', 'stalking_protection_order', 'other'];

/** The kinds offered in each region, in the order she sees them. */
export const ORDER_KINDS_BY_REGION: Record<Region, readonly OrderKind[]> = {
  'GB-ENG': ENGLAND_AND_WALES,
  'GB-WLS': ENGLAND_AND_WALES,
  'GB-SCT': ['sco_bail', 'sco_non_harassment_order', 'other'],
  'GB-NIR': ['ni_bail', 'ni_non_molestation_order', 'ni_stalking_protection_order', 'other'],
  IE: ['bail', 'protection_order', 'other'],
  US: ['bail', 'protection_order', 'other'],
  AU: ['bail', 'protection_order', 'other'],
  OTHER: ['bail', 'protection_order', 'other'],
};
