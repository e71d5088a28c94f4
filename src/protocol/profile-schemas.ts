/**
 * Schemas of a channel's visitor-facing profile: the pre-chat form, business hours, the visitor's
 * answers, a message left while the channel is offline, and the identity a website vouches for with
 * `identify()`. Kept apart from `schemas.ts` so the widget's bundle only takes the ones it uses.
 */
import * as v from 'valibot';
import { MessageTextSchema } from './schemas.js';

/** Size limits of the profile schemas. */
export const PROFILE_LIMITS = {
  /** Custom fields of one pre-chat form. */
  customFields: 10,
  /** Characters of one pre-chat answer. */
  answer: 1000,
  /** Time ranges per weekday. */
  rangesPerDay: 4,
  /** Holidays of one channel. */
  holidays: 200,
} as const;

const Label = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(80));
const FieldId = v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,32}$/, 'must be a field id'));
const Email = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254), v.email('must be an email address'));

/** The built-in pre-chat fields, in form order. */
export const BUILT_IN_FIELDS = ['name', 'email', 'question'] as const;
/** One of {@link BUILT_IN_FIELDS}. */
export type BuiltInField = (typeof BUILT_IN_FIELDS)[number];

/** One built-in field of the pre-chat form (name, email, question). */
export const BuiltInFieldSchema = v.strictObject({ enabled: v.boolean(), required: v.boolean() });

/** A custom text field of the pre-chat form. */
export const CustomFieldSchema = v.strictObject({ id: FieldId, label: Label, required: v.boolean() });

/** A channel's pre-chat form. */
export const PrechatFormSchema = v.pipe(
  v.strictObject({
    enabled: v.boolean(),
    name: BuiltInFieldSchema,
    email: BuiltInFieldSchema,
    question: BuiltInFieldSchema,
    custom: v.pipe(v.array(CustomFieldSchema), v.maxLength(PROFILE_LIMITS.customFields)),
  }),
  v.check((f) => new Set(f.custom.map((c) => c.id)).size === f.custom.length, 'custom fields need distinct ids'),
  v.check((f) => f.custom.every((c) => !BUILT_IN_FIELDS.includes(c.id as BuiltInField)), 'a custom field may not reuse a built-in id'),
);

/** True when `tz` is an IANA time zone this JavaScript engine knows (checked with Intl). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

const Clock = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 09:00'));
const ClockEnd = v.pipe(v.string(), v.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time such as 17:30 or 24:00'));

/** Opening hours of one day: `to` before `from` runs overnight into the next day (H-3). */
export const TimeRangeSchema = v.pipe(
  v.strictObject({ from: Clock, to: ClockEnd }),
  v.check((r) => r.from !== r.to, 'a range must not start and end at the same time'),
);

const DayRanges = v.pipe(v.array(TimeRangeSchema), v.maxLength(PROFILE_LIMITS.rangesPerDay));

/** Weekdays, Monday first, as the keys of {@link BusinessHoursSchema}'s `weekly`. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** One of {@link WEEKDAYS}. */
export type Weekday = (typeof WEEKDAYS)[number];

const IsoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-12-25'),
  v.check((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
  }, 'must be a real date'),
);

/** A channel's business hours (H-1..H-5). */
export const BusinessHoursSchema = v.strictObject({
  enabled: v.boolean(),
  timeZone: v.pipe(v.string(), v.maxLength(64), v.check(isTimeZone, 'must be an IANA time zone such as Europe/Paris')),
  weekly: v.strictObject({
    mon: DayRanges,
    tue: DayRanges,
    wed: DayRanges,
    thu: DayRanges,
    fri: DayRanges,
    sat: DayRanges,
    sun: DayRanges,
  }),
  holidays: v.pipe(v.array(IsoDate), v.maxLength(PROFILE_LIMITS.holidays)),
  /** H-5: also offline while no technician of the channel has the console open. */
  offlineWhenNobodyOnline: v.boolean(),
});

/** `PUT /api/channels/:id/profile` body (admins). */
export const ChannelProfileFieldsSchema = v.strictObject({ prechat: PrechatFormSchema, hours: BusinessHoursSchema });

/** A visitor's pre-chat answers, by field id; which ones are required is the channel's rule. */
export const PrechatAnswersSchema = v.pipe(
  v.record(FieldId, v.pipe(v.string(), v.trim(), v.maxLength(PROFILE_LIMITS.answer))),
  v.check((r) => Object.keys(r).length <= BUILT_IN_FIELDS.length + PROFILE_LIMITS.customFields, 'too many answers'),
);

/** `session:start`: the visitor asks for help, with the pre-chat answers when the channel has a form. */
export const SessionStartWithAnswersSchema = v.strictObject({ prechat: v.optional(PrechatAnswersSchema) });

/** `channel:profile`: the widget asks for the channel's public profile and availability. */
export const ChannelProfileAskSchema = v.strictObject({});

/** `offline:leave`: a message left while the channel is offline (O-2). */
export const OfflineLeaveSchema = v.strictObject({
  email: Email,
  name: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(80))),
  message: MessageTextSchema,
  prechat: v.optional(PrechatAnswersSchema),
});

/** What the website says about its signed-in user through `identify()` (I-1). */
export const IdentityClaimSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(128)),
  name: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(80))),
  email: v.optional(v.union([v.literal(''), Email])),
  /** Hex HMAC-SHA256 of `id` with the channel's identity secret. */
  hash: v.optional(v.pipe(v.string(), v.maxLength(128))),
});

/** True when `s` is an email address as the profile schemas accept it. */
export function isEmail(s: string): boolean {
  return v.is(Email, s);
}

export type PrechatForm = v.InferOutput<typeof PrechatFormSchema>;
export type CustomField = v.InferOutput<typeof CustomFieldSchema>;
export type TimeRange = v.InferOutput<typeof TimeRangeSchema>;
export type BusinessHours = v.InferOutput<typeof BusinessHoursSchema>;
export type ChannelProfileFields = v.InferOutput<typeof ChannelProfileFieldsSchema>;
export type PrechatAnswers = v.InferOutput<typeof PrechatAnswersSchema>;
export type OfflineLeave = v.InferOutput<typeof OfflineLeaveSchema>;
export type IdentityClaim = v.InferOutput<typeof IdentityClaimSchema>;

/**
 * `conversation:email-link`: mails the visitor a single-use link that opens this conversation on
 * another device (P-1). `pageUrl` is the page the link opens: the widget's own page.
 */
export const ConversationLinkAskSchema = v.strictObject({
  email: Email,
  pageUrl: v.pipe(v.string(), v.maxLength(2000), v.url('must be the page address')),
});

/** `conversation:pick-up`: the link's token, read from the address bar on the other device (P-2). */
export const ConversationPickUpSchema = v.strictObject({
  link: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22,128}$/, 'must be a conversation link')),
});

export type ConversationLinkAsk = v.InferOutput<typeof ConversationLinkAskSchema>;
export type ConversationPickUp = v.InferOutput<typeof ConversationPickUpSchema>;
