import { staffCancelBookingInputSchema } from "@clinic/domain";
import { missingFieldMessages } from "@clinic/form-kit";

/** Staff cancelling a booking: the reason, which the patient's email quotes. */
export const cancelFormSchema = staffCancelBookingInputSchema.pick({ reason: true });
export const cancelErrors = missingFieldMessages({
  reason: "Say why the appointment is cancelled",
});

/** Staff booking a patient in: the patient's details left empty, in plain words. */
export const newBookingErrors = missingFieldMessages({
  "patient.name": "Enter the patient's name",
  "patient.email": "Enter the patient's email address",
  "patient.phone": "Enter the patient's phone number",
  start: "Choose a time",
});
