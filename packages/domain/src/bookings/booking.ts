import { z } from "zod";
import { emailSchema, idSchema, personNameSchema, phoneSchema } from "../common/fields.js";
import { multiLineText } from "../common/storable-text.js";

export const bookingStatuses = ["confirmed", "cancelled", "completed", "no_show"] as const;
export const bookingStatusSchema = z.enum(bookingStatuses);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

/** What staff read for each status, in the admin and in its CSV exports. */
export const bookingStatusLabels: Record<BookingStatus, string> = {
  confirmed: "Confirmed",
  cancelled: "Cancelled",
  completed: "Completed",
  no_show: "No-show",
};

/** Bookings in these states hold their time in the diary. */
export function blocksTime(status: BookingStatus): boolean {
  return status !== "cancelled";
}

export const patientInputSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  phone: phoneSchema,
});
export type PatientInput = z.infer<typeof patientInputSchema>;

export const patientSchema = patientInputSchema.extend({
  id: idSchema,
  createdAt: z.date(),
});
export type Patient = z.infer<typeof patientSchema>;

export const bookingNotesSchema = multiLineText()
  .trim()
  .max(2000, "Notes must be at most 2000 characters");

export const bookingSchema = z.object({
  id: idSchema,
  serviceId: idSchema,
  practitionerId: idSchema,
  patientId: idSchema,
  startsAt: z.date(),
  endsAt: z.date(),
  status: bookingStatusSchema,
  notes: bookingNotesSchema,
  createdAt: z.date(),
});
export type Booking = z.infer<typeof bookingSchema>;
