import {
  bookingNotesSchema,
  idempotencyKeySchema,
  idSchema,
  localDateSchema,
  MAX_PLAN_OCCURRENCES,
  planIntervalUnits,
  practitionerChoiceSchema,
  staffPatientInputSchema,
  timeOfDaySchema,
} from "@clinic/domain";
import { missingFieldMessages } from "@clinic/form-kit";
import { z } from "zod";

/** How a plan ends: after a number of appointments, or by a date. */
export const planEnds = ["count", "until"] as const;

/**
 * The treatment plan form (decision 027): the first appointment as the clinic's date and time,
 * the repeat, the end, and the patient. The API's input is built from it on the server.
 */
export const treatmentPlanFormSchema = z
  .object({
    serviceId: idSchema,
    practitionerId: practitionerChoiceSchema,
    firstDate: localDateSchema,
    firstTime: timeOfDaySchema,
    intervalCount: z.number().int("Use a whole number").min(1, "At least 1").max(90, "At most 90"),
    intervalUnit: z.enum(planIntervalUnits, { message: "Choose days or weeks" }),
    endBy: z.enum(planEnds, { message: "Choose how the plan ends" }),
    occurrenceCount: z
      .number()
      .int("Use a whole number")
      .min(2, "A plan has at least 2 appointments")
      .max(MAX_PLAN_OCCURRENCES, `A plan has at most ${MAX_PLAN_OCCURRENCES} appointments`)
      .optional(),
    untilDate: localDateSchema.optional(),
    patient: staffPatientInputSchema,
    notes: bookingNotesSchema.default(""),
    idempotencyKey: idempotencyKeySchema.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.endBy === "count" && value.occurrenceCount === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["occurrenceCount"],
        message: "Say how many appointments",
      });
    }
    if (value.endBy === "until" && value.untilDate === undefined) {
      ctx.addIssue({ code: "custom", path: ["untilDate"], message: "Choose the last date" });
    }
  });
export type TreatmentPlanForm = z.output<typeof treatmentPlanFormSchema>;

export const treatmentPlanErrors = missingFieldMessages({
  serviceId: "Choose a service",
  practitionerId: "Choose a practitioner",
  firstDate: "Choose the first appointment's date",
  firstTime: "Choose the time",
  intervalCount: "Say how often",
  "patient.name": "Enter the patient's name",
});

/** Cancelling the rest of a plan from one of its bookings: the reason the email quotes. */
export const cancelRestFormSchema = z.object({
  reason: z
    .string({ message: "Say why the appointments are cancelled" })
    .trim()
    .min(1, "Say why the appointments are cancelled")
    .max(500, "Keep the reason under 500 characters"),
});
