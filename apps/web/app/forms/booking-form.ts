import {
  bookingNotesSchema,
  type CreateBookingInput,
  cancellationReasonSchema,
  emailSchema,
  idempotencyKeySchema,
  idSchema,
  personNameSchema,
  phoneSchema,
  practitionerChoiceSchema,
} from "@clinic/domain";
import { missingFieldMessages } from "@clinic/form-kit";
import type { ApiRefusal, RefusalOptions } from "@clinic/form-kit/server";
import { z } from "zod";

/**
 * The booking details form: the patient's fields flat (one input each), the choice made on
 * earlier steps in hidden fields. Built from the domain's schemas, so the form and the API
 * agree on every rule and message.
 */
export const bookingDetailsSchema = z.object({
  serviceId: idSchema,
  practitionerId: practitionerChoiceSchema,
  start: z.date({ message: "Choose a time" }),
  idempotencyKey: idempotencyKeySchema,
  name: personNameSchema,
  email: emailSchema,
  phone: phoneSchema,
  notes: bookingNotesSchema.optional(),
  contactConsent: z.boolean().optional(),
  /** A text reminder to `phone` (offered only when the clinic sends texts; decision 030). */
  smsReminders: z.boolean().optional(),
});
export type BookingDetails = z.infer<typeof bookingDetailsSchema>;

/** The fields a patient types, which survive a lost race for their time. */
export const bookingDraftSchema = z.object({
  name: z.string().max(200).default(""),
  email: z.string().max(300).default(""),
  phone: z.string().max(50).default(""),
  notes: z.string().max(2000).default(""),
  contactConsent: z.boolean().default(false),
  smsReminders: z.boolean().default(false),
});
export type BookingDraft = z.infer<typeof bookingDraftSchema>;

export const bookingDetailsErrors = missingFieldMessages({
  name: "Enter your name",
  email: "Enter your email address",
  phone: "Enter a phone number we can reach you on",
  start: "Choose a time",
});

export const cancelFormSchema = z.object({ reason: cancellationReasonSchema.optional() });

/**
 * The status a manage page answers a refused change with: 400 for a field to correct, 409 when
 * the booking's state refuses it (already cancelled, already past, too close to its start).
 */
export function bookingChangeStatus(refusal: Pick<ApiRefusal, "code" | "status" | "fieldErrors">) {
  if (Object.keys(refusal.fieldErrors).length > 0) return 400;
  const stateRefused = refusal.code === "BAD_REQUEST" || refusal.code === "PRECONDITION_FAILED";
  return stateRefused ? 409 : refusal.status;
}

/** The API's booking request for a valid form. */
export function createBookingInput(details: BookingDetails): CreateBookingInput {
  return {
    serviceId: details.serviceId,
    practitionerId: details.practitionerId,
    start: details.start,
    patient: { name: details.name, email: details.email, phone: details.phone },
    notes: details.notes ?? "",
    contactConsent: details.contactConsent ?? false,
    idempotencyKey: details.idempotencyKey,
    ...(details.smsReminders ? { smsReminders: true } : {}),
  };
}

/**
 * Where the API's field errors go on the form: those on fields the patient typed next to
 * them; the rest (the time, the service, the practitioner) are about the whole booking.
 */
export const BOOKING_API_FIELDS = {
  fieldNames: { "patient.name": "name", "patient.email": "email", "patient.phone": "phone" },
  fields: ["name", "email", "phone", "notes", "contactConsent", "smsReminders"],
} as const satisfies RefusalOptions;

/** What the patient typed, kept when the time they picked was taken. */
export function draftFromFormData(formData: FormData): BookingDraft {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return bookingDraftSchema.parse({
    name: text("name").slice(0, 200),
    email: text("email").slice(0, 300),
    phone: text("phone").slice(0, 50),
    notes: text("notes").slice(0, 2000),
    contactConsent: formData.get("contactConsent") === "on",
    smsReminders: formData.get("smsReminders") === "on",
  });
}
