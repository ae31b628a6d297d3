// The shapes of the helplines directory (data/*.json) and of her own contacts. The directory is data
// written by us, checked by directory.test.ts; her contacts are hers, kept encrypted.
//
// Every fact that could send her to the wrong place carries a verification status (DOMAIN §0):
// V verified in a primary source, S secondary only (shown with "confirm before relying on it"),
// U unverified (never offered as a number to tap).

import { z } from 'zod';
import { REGIONS } from '../settings';

export const Verified = z.enum(['V', 'S', 'U']);
export type Verified = z.infer<typeof Verified>;

/** Who a service is for. `everyone` services are offered under every other need too. */
export const NEEDS = ['women', 'men', 'lgbt', 'honour', 'stalking', 'sexual_violence', 'older', 'deaf', 'children', 'everyone'] as const;
export const Need = z.enum(NEEDS);
export type Need = z.infer<typeof Need>;

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const Day = z.enum(DAYS);
export type Day = z.infer<typeof Day>;
export { DAYS };

const ClockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time as HH:MM (00:00 to 24:00)');

/** An IANA time zone the platform knows, so opening hours can be computed where the service is. */
export const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.includes('/');
  } catch {
    return false;
  }
}, 'an IANA time zone such as Europe/London');

export const WeeklyRange = z
  .object({ days: z.array(Day).min(1), open: ClockTime, close: ClockTime })
  .refine((r) => r.open < r.close, { message: 'close must be after open (on the same day)', path: ['close'] });
export type WeeklyRange = z.infer<typeof WeeklyRange>;

const HoursBase = {
  tz: TimeZone,
  status: Verified,
  /** The date of the source the hours came from, as far as it shows one ("2023-02"). */
  asOf: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).optional(),
};

export const Hours = z.union([
  z.object({ ...HoursBase, always: z.literal(true) }).strict(),
  z.object({ ...HoursBase, weekly: z.array(WeeklyRange).min(1), closedBankHolidays: z.boolean().optional() }).strict(),
]);
export type Hours = z.infer<typeof Hours>;

/** What a channel is for, shown before its number; each has a string in locales (labels.*). */
export const CHANNEL_LABELS = ['main', 'welsh_line', 'tty', 'textphone', 'emergency_alt', 'non_emergency', 'relay', 'emergency_sms', 'bsl_video', 'chat', 'callback', 'email', 'website', 'video_call', 'text'] as const;
export const ChannelLabel = z.enum(CHANNEL_LABELS);
export type ChannelLabel = z.infer<typeof ChannelLabel>;

/** A fact about a channel worth knowing before using it; each has a string in locales (notes.*). */
export const CHANNEL_NOTES = ['free', 'press_2_london', 'sms_english_only', 'register_first', 'no_registration', 'emergency_only', 'interpreter_joins'] as const;
export const ChannelNote = z.enum(CHANNEL_NOTES);
export type ChannelNote = z.infer<typeof ChannelNote>;

/** Digits only, as dialled: what goes after `tel:` or `sms:`. */
const Dial = z.string().regex(/^\+?\d{3,15}$/, 'digits only (3 to 15, optional leading +)');
const Display = z.string().min(3).max(40).regex(/^[+\d][\d ()-]*(?:\([A-Z]+\))?$/, 'a number as people write it');

export const HttpsText = z.string().regex(/^https?:\/\/[^\s/]+\.[^\s]+$/, 'a web address');

const ChannelBase = {
  label: ChannelLabel.default('main'),
  status: Verified,
  hours: Hours.optional(),
  notes: z.array(ChannelNote).default([]),
};

export const PhoneChannel = z.object({ type: z.literal('phone'), value: Dial, display: Display, ...ChannelBase }).strict();
export const TextChannel = z.object({ type: z.literal('text'), value: Dial, display: Display, keyword: z.string().regex(/^[A-Za-z0-9]{1,20}$/).optional(), ...ChannelBase }).strict();
/** A chat, call-back form, video relay or website: shown as plain text; the app never opens or fetches it. */
export const WebChannel = z.object({ type: z.literal('web'), url: HttpsText, ...ChannelBase }).strict();
export const EmailChannel = z.object({ type: z.literal('email'), address: z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/), ...ChannelBase }).strict();

export const Channel = z.discriminatedUnion('type', [PhoneChannel, TextChannel, WebChannel, EmailChannel]);
export type Channel = z.infer<typeof Channel>;
export type PhoneChannel = z.infer<typeof PhoneChannel>;
export type TextChannel = z.infer<typeof TextChannel>;

/** Languages and access; each kind has a string in locales (access.*). */
export const ACCESS_KINDS = ['bsl_video', 'interpreting', 'welsh', 'textphone', 'number_hidden', 'asks_safe_to_talk', 'women_staff', 'lgbt_staff', 'website_languages'] as const;
export const AccessFact = z.object({ kind: z.enum(ACCESS_KINDS), status: Verified }).strict();
export type AccessFact = z.infer<typeof AccessFact>;

const IsoDate = z.iso.date();

const Provenance = {
  sources: z.array(HttpsText).min(1),
  lastChecked: IsoDate,
  /** What the facts were checked against: our reference notes (DOMAIN.md), not the live web or the service. */
  checkedAgainst: z.literal('domain-reference'),
};

export const Region = z.enum(REGIONS);

export const Service = z
  .object({
    /** Also the key of its name, who-for and description in locales (helplines:services.<id>). */
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    regions: z.array(Region.exclude(['OTHER'])).min(1),
    needs: z.array(Need).min(1),
    channels: z.array(Channel).min(1),
    /** The service's main opening hours; absent when no source gave them. */
    hours: Hours.optional(),
    access: z.array(AccessFact).default([]),
    website: HttpsText.optional(),
    ...Provenance,
  })
  .strict();
export type Service = z.infer<typeof Service>;

/** The emergency number for some regions, and the other ways to reach emergency services there. */
export const Emergency = z
  .object({
    regions: z.array(Region.exclude(['OTHER'])).min(1),
    call: PhoneChannel,
    /** How to call without speaking, in plain words (locales: emergency.silent.<key>). */
    silent: z.enum(['uk_silent_solution']).optional(),
    channels: z.array(Channel).default([]),
    ...Provenance,
  })
  .strict();
export type Emergency = z.infer<typeof Emergency>;

export const DirectoryFile = z
  .object({
    /** Why the file is arranged as it is, for whoever edits it next. */
    about: z.string().optional(),
    emergency: z.array(Emergency).default([]),
    services: z.array(Service),
  })
  .strict();
export type DirectoryFile = z.infer<typeof DirectoryFile>;

// ---- her own contacts ----------------------------------------------------------------------------

export const CONTACT_ROLES = ['officer', 'idva', 'support_worker', 'friend', 'family', 'service', 'other'] as const;
export const ContactRole = z.enum(CONTACT_ROLES);
export type ContactRole = z.infer<typeof ContactRole>;

/** A number she could dial: digits with an optional leading +, spaces, hyphens and brackets; 3–15 digits. */
export const DialableNumber = z
  .string()
  .max(40)
  .refine((text) => /^\s*\+?[\d\s()-]+$/.test(text) && /^\d{3,15}$/.test(text.replace(/\D/g, '')));

export const HelplineContact = z.object({
  name: z.string().trim().min(1).max(120),
  role: ContactRole,
  numbers: z.array(DialableNumber).min(1).max(3),
  notes: z.string().max(2000),
});
export type HelplineContact = z.infer<typeof HelplineContact>;
