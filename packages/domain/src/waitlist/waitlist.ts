import { z } from "zod";
import { practitionerChoiceSchema } from "../bookings/booking-input.js";
import {
  emailSchema,
  idSchema,
  localDateSchema,
  personNameSchema,
  phoneSchema,
} from "../common/fields.js";
import { wallTimeOf } from "../dates/local-time.js";

/** The parts of the day a patient on the waitlist can ask for, on the clinic's wall clock. */
export const timesOfDay = ["morning", "afternoon", "evening"] as const;
export type TimeOfDay = (typeof timesOfDay)[number];
export const timeOfDayPreferenceSchema = z.enum(timesOfDay, {
  message: "Choose morning, afternoon or evening",
});

/** Where the parts of the day begin, in minutes after local midnight: before noon, noon to 5 pm, from 5 pm. */
export const TIME_OF_DAY_STARTS: Record<TimeOfDay, number> = {
  morning: 0,
  afternoon: 12 * 60,
  evening: 17 * 60,
};

export const TIME_OF_DAY_LABELS: Record<TimeOfDay, string> = {
  morning: "Morning (before 12 pm)",
  afternoon: "Afternoon (12 pm – 5 pm)",
  evening: "Evening (from 5 pm)",
};

/** The longest stretch of days one waitlist entry may cover. */
export const MAX_WAITLIST_DAYS = 62;

/** Where a waitlist entry stands: waiting for a time, booked through an offer, or removed. */
export const waitlistStatuses = ["waiting", "booked", "removed"] as const;
export type WaitlistStatus = (typeof waitlistStatuses)[number];
export const waitlistStatusSchema = z.enum(waitlistStatuses);

/**
 * What became of an offer: open until claimed or expired; "taken" when another patient (or
 * booking) got the time first; "withdrawn" when staff offered the entry another time instead.
 */
export const waitlistOfferStatuses = ["open", "claimed", "expired", "taken", "withdrawn"] as const;
export type WaitlistOfferStatus = (typeof waitlistOfferStatuses)[number];

/**
 * A waitlist entry's fields, as the public form and the staff editor send them. Checkboxes
 * arrive as one value or several; an empty choice gets a message next to the field.
 */
export const waitlistEntryFieldsSchema = z.object({
  serviceId: idSchema,
  practitionerId: practitionerChoiceSchema,
  fromDate: localDateSchema,
  toDate: localDateSchema,
  timesOfDay: z
    .array(timeOfDayPreferenceSchema, { message: "Choose at least one time of day" })
    .min(1, "Choose at least one time of day")
    .max(3, "Choose at most three times of day"),
  name: personNameSchema,
  email: emailSchema,
  phone: phoneSchema,
});
export type WaitlistEntryFields = z.infer<typeof waitlistEntryFieldsSchema>;

/**
 * Adds the date rules to a schema holding `fromDate` and `toDate` (the public form adds its
 * anti-spam fields first, which a refined schema can't take): the end not before the start,
 * at most MAX_WAITLIST_DAYS days. "Not in the past" needs the clinic's clock: the API checks it.
 */
export function withWaitlistDateRules<S extends z.ZodType<{ fromDate: string; toDate: string }>>(
  schema: S,
): S {
  return schema.superRefine((value, ctx) => {
    const days = (Date.parse(value.toDate) - Date.parse(value.fromDate)) / 86_400_000;
    if (days < 0) {
      ctx.addIssue({
        code: "custom",
        path: ["toDate"],
        message: "The last day can't be before the first",
      });
    } else if (days >= MAX_WAITLIST_DAYS) {
      ctx.addIssue({
        code: "custom",
        path: ["toDate"],
        message: `Choose at most ${MAX_WAITLIST_DAYS} days`,
      });
    }
  }) as unknown as S;
}

/** The public "join the waitlist" input (without the form's anti-spam fields). */
export const waitlistJoinSchema = withWaitlistDateRules(waitlistEntryFieldsSchema);
export type WaitlistJoinInput = z.infer<typeof waitlistJoinSchema>;

/** What staff may change on an entry: its wishes and contact details, or its status. */
export const waitlistEntryUpdateSchema = withWaitlistDateRules(
  waitlistEntryFieldsSchema.omit({ serviceId: true }).extend({ id: idSchema }),
);
export type WaitlistEntryUpdate = z.infer<typeof waitlistEntryUpdateSchema>;

/** A claim link's token: 43 base64url characters (32 random bytes). */
export const waitlistClaimTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{32,100}$/, "That waitlist link isn't valid");

/** Which part of the day an instant falls in, on the wall clock of `timeZone`. */
export function timeOfDayAt(instant: Date, timeZone: string): TimeOfDay {
  const { minute } = wallTimeOf(timeZone, instant.getTime());
  if (minute >= TIME_OF_DAY_STARTS.evening) return "evening";
  if (minute >= TIME_OF_DAY_STARTS.afternoon) return "afternoon";
  return "morning";
}

/** What matching needs of a waitlist entry. */
export interface WaitlistWish {
  /** A practitioner's id, or "any". */
  practitionerId: string;
  fromDate: string;
  toDate: string;
  timesOfDay: readonly TimeOfDay[];
}

/**
 * The starts among `slots` (the slot engine's free starts for the entry's service, buffers
 * and every schedule rule applied) that suit a waitlist entry: on a local day within its
 * dates, in a part of the day it asked for, with its practitioner free (anyone for "any").
 * In the slots' order.
 */
export function matchingStarts<S extends { start: Date; practitionerIds: readonly string[] }>(
  slots: readonly S[],
  wish: WaitlistWish,
  timeZone: string,
): S[] {
  const wanted = new Set(wish.timesOfDay);
  return slots.filter((slot) => {
    if (wish.practitionerId !== "any" && !slot.practitionerIds.includes(wish.practitionerId)) {
      return false;
    }
    const { date } = wallTimeOf(timeZone, slot.start.getTime());
    if (date < wish.fromDate || date > wish.toDate) return false;
    return wanted.has(timeOfDayAt(slot.start, timeZone));
  });
}

/**
 * When an offer made at `now` for a time starting at `start` stops being claimable: after
 * `offerHours`, but never later than the latest moment the time could still be booked online
 * (`start` less the clinic's minimum notice).
 */
export function offerExpiry(options: {
  now: Date;
  start: Date;
  offerHours: number;
  minNoticeMinutes: number;
}): Date {
  const byHours = options.now.getTime() + options.offerHours * 3_600_000;
  const byNotice = options.start.getTime() - options.minNoticeMinutes * 60_000;
  return new Date(Math.min(byHours, byNotice));
}
