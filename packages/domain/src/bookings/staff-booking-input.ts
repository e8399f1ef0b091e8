import { z } from "zod";
import {
  emailSchema,
  idSchema,
  instantSchema,
  localDateSchema,
  personNameSchema,
  phoneSchema,
} from "../common/fields.js";
import { multiLineText, singleLineText } from "../common/storable-text.js";
import { bookingNotesSchema } from "./booking.js";
import { idempotencyKeySchema, practitionerChoiceSchema } from "./booking-input.js";

/** The longest stretch the staff calendar loads at once (a week view, with room for a month). */
export const MAX_CALENDAR_DAYS = 42;

/**
 * How far ahead staff may book: further than the online horizon, since a
 * course of care is often booked months out at the front desk.
 */
export const STAFF_HORIZON_DAYS = 365;

/** The staff calendar for local dates `from`…`to` inclusive, optionally for one practitioner. */
export const bookingCalendarInputSchema = z
  .object({
    from: localDateSchema,
    to: localDateSchema,
    practitionerId: idSchema.optional(),
    /** Cancelled bookings are left out unless asked for. */
    includeCancelled: z.boolean().default(false),
  })
  .superRefine((input, ctx) => {
    const days = (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000;
    if (Number.isNaN(days)) return;
    if (days < 0) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: "End date can't be before start date",
      });
    } else if (days >= MAX_CALENDAR_DAYS) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `Show at most ${MAX_CALENDAR_DAYS} days at a time`,
      });
    }
  });
export type BookingCalendarInput = z.input<typeof bookingCalendarInputSchema>;

/** What staff may record once an appointment has started. */
export const attendanceStatuses = ["completed", "no_show"] as const;

export const setBookingStatusInputSchema = z.object({
  id: idSchema,
  status: z.enum(attendanceStatuses, { message: "Choose completed or no-show" }),
});

/** A time staff consider booking outside the usual hours: what would it set aside? */
export const outsideHoursCheckInputSchema = z.object({
  serviceId: idSchema,
  practitionerId: idSchema,
  start: instantSchema("Choose a time"),
  /** A booking being moved: its own time doesn't count as taken. */
  bookingId: idSchema.optional(),
});

/** A booking's id, for reading its manage link out to the patient. */
export const bookingManageLinkInputSchema = z.object({ id: idSchema });

/** Staff cancel with a reason; the patient's email quotes it. */
export const staffCancelBookingInputSchema = z.object({
  id: idSchema,
  reason: multiLineText()
    .trim()
    .min(1, "Say why the appointment is cancelled")
    .max(500, "Keep the reason under 500 characters"),
});

/**
 * Staff may knowingly book outside the practitioner's hours, over a break,
 * time off or a closure (never over another booking): the flag says they
 * chose to, and the audit entry records which rules they set aside.
 */
const outsideHoursSchema = z.boolean().default(false);

/** Moves a booking, optionally to another practitioner who offers the service. */
export const staffRescheduleBookingInputSchema = z.object({
  id: idSchema,
  start: instantSchema("Choose a time"),
  practitionerId: idSchema.optional(),
  outsideHours: outsideHoursSchema,
});

/** An optional contact field: left empty (or blank) means not given. */
function optionalContact<T extends z.ZodType<string, string>>(schema: T) {
  return z
    .string()
    .transform((value) => (value.trim() === "" ? undefined : value))
    .pipe(schema.optional())
    .optional();
}

/**
 * A patient booked by staff: a phone number or an email address, at least
 * one (a patient on the phone may have no email; then no emails are sent).
 */
export const staffPatientInputSchema = z
  .object({
    name: personNameSchema,
    email: optionalContact(emailSchema),
    phone: optionalContact(phoneSchema),
  })
  .superRefine((patient, ctx) => {
    if (patient.email === undefined && patient.phone === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["phone"],
        message: "Enter a phone number or an email address",
      });
    }
  });
export type StaffPatientInput = z.infer<typeof staffPatientInputSchema>;

/**
 * A booking taken by staff for a patient (e.g. on the phone). The key is
 * optional: forms send one so a double submit makes one booking.
 */
export const staffCreateBookingInputSchema = z.object({
  serviceId: idSchema,
  practitionerId: practitionerChoiceSchema,
  start: instantSchema("Choose a time"),
  patient: staffPatientInputSchema,
  notes: bookingNotesSchema.default(""),
  idempotencyKey: idempotencyKeySchema.optional(),
  outsideHours: outsideHoursSchema,
  /** The patient agreed, on the phone or at the desk, to a text reminder (decision 030). */
  smsReminders: z.boolean().default(false),
});
export type StaffCreateBookingInput = z.input<typeof staffCreateBookingInputSchema>;

export const PATIENTS_PAGE_SIZE = 25;

/** Patients whose name, email or phone contains `query` (case-insensitive), a page at a time. */
export const patientSearchInputSchema = z.object({
  query: singleLineText().trim().max(100, "Search for at most 100 characters").optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type PatientSearchInput = z.input<typeof patientSearchInputSchema>;
