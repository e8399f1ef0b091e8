import { z } from "zod";
import {
  currencySchema,
  emailSchema,
  personNameSchema,
  phoneSchema,
  timeZoneSchema,
  urlSchema,
} from "../common/fields.js";
import { singleLineText } from "../common/storable-text.js";

export const addressSchema = z.object({
  street: singleLineText().trim().min(1, "Street is required").max(200),
  suburb: singleLineText().trim().min(1, "Suburb is required").max(100),
  state: singleLineText().trim().max(50),
  postcode: singleLineText().trim().max(12),
  country: singleLineText().trim().min(2).max(60),
});
export type Address = z.infer<typeof addressSchema>;

/** How online booking behaves. All durations are minutes. */
export const bookingPolicySchema = z.object({
  slotStepMinutes: z.number().int().min(5, "At least 5 minutes").max(120, "At most 120 minutes"),
  minNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(14 * 24 * 60, "At most two weeks"),
  horizonDays: z.number().int().min(1, "At least one day").max(365, "At most a year"),
  cancellationWindowHours: z
    .number()
    .int()
    .min(0)
    .max(14 * 24, "At most two weeks"),
});
export type BookingPolicy = z.infer<typeof bookingPolicySchema>;

export const clinicSettingsSchema = z.object({
  name: personNameSchema,
  tagline: singleLineText().trim().max(200),
  email: emailSchema,
  phone: phoneSchema,
  address: addressSchema,
  timeZone: timeZoneSchema,
  currency: currencySchema,
  bookingPolicy: bookingPolicySchema,
  emailSenderName: singleLineText().trim().min(1).max(120),
  emailSenderAddress: emailSchema,
  websiteUrl: urlSchema,
  /**
   * Where the clinic's public holidays come from: a country code, or country and
   * state (`AU-NSW`), for the closures editor's suggestions; null offers none.
   * The API checks the code against the holiday library.
   */
  holidayRegion: z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      /^[A-Z]{2}(-[A-Z0-9]{1,6}){0,2}$/,
      "Use a country code, or country and state, e.g. AU-NSW",
    )
    .nullable(),
  /**
   * Days a sent email keeps its body (manage links, the patient's details);
   * after that, housekeeping empties it and keeps only when, what kind and
   * to which domain it went.
   */
  sentEmailRetentionDays: z
    .number()
    .int("Whole days only")
    .min(1, "At least one day")
    .max(3650, "At most ten years"),
  /**
   * Years without activity (no booking, no change) after which housekeeping erases a patient
   * and deletes an enquiry; null (the default) keeps them.
   */
  inactiveRetentionYears: z
    .number()
    .int("Whole years only")
    .min(1, "At least one year")
    .max(50, "At most 50 years")
    .nullable(),
});
export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;

export const updateClinicSettingsSchema = clinicSettingsSchema.partial();
