import { staffCancelBookingInputSchema, staffCreateBookingInputSchema } from "@clinic/domain";
import { missingFieldMessages } from "@clinic/form-kit";
import { z } from "zod";

/** Staff cancelling a booking: the reason, which the patient's email quotes. */
export const cancelFormSchema = staffCancelBookingInputSchema.pick({ reason: true });
export const cancelErrors = missingFieldMessages({
  reason: "Say why the appointment is cancelled",
});

/** Staff booking a patient in: the patient's details left empty, in plain words. */
export const newBookingErrors = missingFieldMessages({
  "patient.name": "Enter the patient's name",
  start: "Choose a time",
});

/** Booking outside the usual hours needs the box ticked that says staff mean it. */
export const CONFIRM_OUTSIDE_HOURS = "Tick the box to confirm booking outside the usual hours";

function requireConfirmation(
  value: { outsideHours?: boolean; confirmOutsideHours?: boolean },
  ctx: z.RefinementCtx,
) {
  if (value.outsideHours && !value.confirmOutsideHours) {
    ctx.addIssue({ code: "custom", path: ["confirmOutsideHours"], message: CONFIRM_OUTSIDE_HOURS });
  }
}

/** The new-booking form: the API's input, plus the confirmation an outside-hours booking needs. */
export const newBookingFormSchema = staffCreateBookingInputSchema
  .extend({ confirmOutsideHours: z.boolean().optional() })
  .superRefine(requireConfirmation);

/** Moving a booking: the new time, maybe another practitioner, maybe outside the usual hours. */
export const rescheduleFormSchema = z
  .object({
    start: z.date({ message: "Choose a time" }),
    practitionerId: z.string().uuid().optional(),
    outsideHours: z.boolean().optional(),
    confirmOutsideHours: z.boolean().optional(),
  })
  .superRefine(requireConfirmation);
