import { z } from "zod";
import { idSchema, instantSchema, localDateSchema } from "../common/fields.js";
import { multiLineText } from "../common/storable-text.js";
import { bookingNotesSchema, patientInputSchema } from "./booking.js";

/** A specific practitioner, or "any" for the first available. */
export const practitionerChoiceSchema = z.union([idSchema, z.literal("any")]);
export type PractitionerChoice = z.infer<typeof practitionerChoiceSchema>;

/** The longest stretch one availability request may cover. */
export const MAX_AVAILABILITY_DAYS = 62;

export const availabilityInputSchema = z
  .object({
    serviceId: idSchema,
    practitionerId: practitionerChoiceSchema,
    from: localDateSchema,
    to: localDateSchema,
  })
  .superRefine((input, ctx) => {
    const days = (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000;
    if (days < 0)
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: "End date can't be before start date",
      });
    else if (days >= MAX_AVAILABILITY_DAYS) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `Ask for at most ${MAX_AVAILABILITY_DAYS} days at a time`,
      });
    }
  });
export type AvailabilityInput = z.infer<typeof availabilityInputSchema>;

/** A client-chosen key that makes retrying a booking request safe. */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,100}$/, "Idempotency key must be 16–100 letters, digits, - or _");

export const manageTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{32,100}$/, "That booking link isn't valid");

export const createBookingInputSchema = z.object({
  serviceId: idSchema,
  practitionerId: practitionerChoiceSchema,
  start: instantSchema("Choose a time"),
  patient: patientInputSchema,
  notes: bookingNotesSchema.default(""),
  contactConsent: z.boolean().default(false),
  idempotencyKey: idempotencyKeySchema,
  /** The patient asks for a text reminder at their phone number (decision 030). */
  smsReminders: z.boolean().default(false),
});
export type CreateBookingInput = z.input<typeof createBookingInputSchema>;

export const cancellationReasonSchema = multiLineText()
  .trim()
  .max(500, "Keep the reason under 500 characters");

export const cancelByTokenInputSchema = z.object({
  token: manageTokenSchema,
  reason: cancellationReasonSchema.optional(),
});

export const rescheduleByTokenInputSchema = z.object({
  token: manageTokenSchema,
  start: instantSchema("Choose a time"),
});

/**
 * Whether a booking may still be changed online: not once the cancellation
 * window before its start has begun (the patient phones instead).
 */
export function canChangeOnline(
  startsAt: Date,
  cancellationWindowHours: number,
  now: Date,
): boolean {
  return now.getTime() <= startsAt.getTime() - cancellationWindowHours * 3_600_000;
}
