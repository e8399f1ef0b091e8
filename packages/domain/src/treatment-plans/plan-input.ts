import { z } from "zod";
import { bookingNotesSchema } from "../bookings/booking.js";
import { idempotencyKeySchema, practitionerChoiceSchema } from "../bookings/booking-input.js";
import { STAFF_HORIZON_DAYS, staffPatientInputSchema } from "../bookings/staff-booking-input.js";
import { idSchema, instantSchema, localDateSchema } from "../common/fields.js";
import { multiLineText } from "../common/storable-text.js";
import {
  MAX_PLAN_INTERVAL_DAYS,
  MAX_PLAN_OCCURRENCES,
  type PlanRule,
  planIntervalUnits,
} from "./plan-occurrences.js";

/**
 * A treatment plan's rule as staff give it: the first appointment, every N
 * days or weeks, and either a number of appointments or a last date.
 */
const planRuleFields = {
  serviceId: idSchema,
  /** One practitioner, or "any" who offers the service (chosen per appointment). */
  practitionerId: practitionerChoiceSchema,
  firstStart: instantSchema("Choose the first appointment's date and time"),
  intervalCount: z
    .number({ message: "Say how often" })
    .int("Use a whole number")
    .min(1, "Repeat at least every 1 day or week"),
  intervalUnit: z.enum(planIntervalUnits, { message: "Choose days or weeks" }),
  /** How many appointments (with `untilDate` left out). */
  occurrenceCount: z
    .number({ message: "Say how many appointments" })
    .int("Use a whole number")
    .min(2, "A plan has at least 2 appointments")
    .max(MAX_PLAN_OCCURRENCES, `A plan has at most ${MAX_PLAN_OCCURRENCES} appointments`)
    .optional(),
  /** The last date an appointment may fall on (with `occurrenceCount` left out). */
  untilDate: localDateSchema.optional(),
};

type RuleFields = {
  intervalCount: number;
  intervalUnit: (typeof planIntervalUnits)[number];
  occurrenceCount?: number | undefined;
  untilDate?: string | undefined;
  firstStart: Date;
};

function refineRule(input: RuleFields, ctx: z.RefinementCtx) {
  const days = input.intervalCount * (input.intervalUnit === "week" ? 7 : 1);
  if (days > MAX_PLAN_INTERVAL_DAYS) {
    ctx.addIssue({
      code: "custom",
      path: ["intervalCount"],
      message: `Repeat at least every ${MAX_PLAN_INTERVAL_DAYS} days`,
    });
  }
  const hasCount = input.occurrenceCount !== undefined;
  const hasUntil = input.untilDate !== undefined;
  if (hasCount === hasUntil) {
    ctx.addIssue({
      code: "custom",
      path: ["occurrenceCount"],
      message: hasCount
        ? "Give a number of appointments or an end date, not both"
        : "Give a number of appointments or an end date",
    });
    return;
  }
  if (hasUntil) {
    const first = input.firstStart.getTime();
    const until = Date.parse(`${input.untilDate}T23:59:59Z`);
    if (Number.isNaN(first) || Number.isNaN(until)) return;
    if (until < first) {
      ctx.addIssue({
        code: "custom",
        path: ["untilDate"],
        message: "The end date can't be before the first appointment",
      });
    } else if (until - first > (STAFF_HORIZON_DAYS + 1) * 86_400_000) {
      ctx.addIssue({
        code: "custom",
        path: ["untilDate"],
        message: `End the plan within ${STAFF_HORIZON_DAYS} days`,
      });
    }
  }
}

export const treatmentPlanPreviewInputSchema = z.object(planRuleFields).superRefine(refineRule);
export type TreatmentPlanPreviewInput = z.input<typeof treatmentPlanPreviewInputSchema>;

/** One appointment staff confirmed: its place in the plan, its time and practitioner. */
export const planAppointmentSchema = z.object({
  index: z.number().int().min(1).max(MAX_PLAN_OCCURRENCES),
  start: instantSchema("Choose a time"),
  practitionerId: idSchema,
});

/**
 * A plan booked for a patient: the rule, the patient, and the appointments
 * staff confirmed after the preview (all of them, or the subset they chose,
 * each at its own time or at an alternative).
 */
export const treatmentPlanCreateInputSchema = z
  .object({
    ...planRuleFields,
    patient: staffPatientInputSchema,
    notes: bookingNotesSchema.default(""),
    idempotencyKey: idempotencyKeySchema.optional(),
    appointments: z
      .array(planAppointmentSchema)
      .min(1, "Choose at least one appointment to book")
      .max(MAX_PLAN_OCCURRENCES, `A plan has at most ${MAX_PLAN_OCCURRENCES} appointments`),
  })
  .superRefine((input, ctx) => {
    refineRule(input, ctx);
    const seen = new Set<number>();
    input.appointments.forEach((a, i) => {
      if (seen.has(a.index)) {
        ctx.addIssue({
          code: "custom",
          path: ["appointments", i, "index"],
          message: "Each appointment of the plan once",
        });
      }
      seen.add(a.index);
    });
  });
export type TreatmentPlanCreateInput = z.input<typeof treatmentPlanCreateInputSchema>;

/** Cancels a booking of a plan and every later upcoming one of the same plan. */
export const cancelRestOfPlanInputSchema = z.object({
  bookingId: idSchema,
  reason: multiLineText()
    .trim()
    .min(1, "Say why the appointments are cancelled")
    .max(500, "Keep the reason under 500 characters"),
});

export const treatmentPlanForBookingInputSchema = z.object({ bookingId: idSchema });
export const treatmentPlansForPatientInputSchema = z.object({ patientId: idSchema });

/** The rule of a parsed preview or create input, for `planOccurrences`. */
export function planRuleOf(input: RuleFields, timeZone: string): PlanRule {
  return {
    timeZone,
    firstStart: input.firstStart,
    interval: { unit: input.intervalUnit, count: input.intervalCount },
    end:
      input.untilDate !== undefined
        ? { until: input.untilDate }
        : { occurrences: input.occurrenceCount ?? 2 },
  };
}
