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
import { z } from "zod";
import type { $ZodErrorMap } from "zod/v4/core";

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
});
export type BookingDetails = z.infer<typeof bookingDetailsSchema>;

/** The fields a patient types, which survive a lost race for their time. */
export const bookingDraftSchema = z.object({
  name: z.string().max(200).default(""),
  email: z.string().max(300).default(""),
  phone: z.string().max(50).default(""),
  notes: z.string().max(2000).default(""),
  contactConsent: z.boolean().default(false),
});
export type BookingDraft = z.infer<typeof bookingDraftSchema>;

const MISSING_MESSAGES: Record<string, string> = {
  name: "Enter your name",
  email: "Enter your email address",
  phone: "Enter a phone number we can reach you on",
  start: "Choose a time",
};

/**
 * Conform submits an empty field as missing, which zod reports as "expected string, received
 * undefined": name the field in plain words instead. Every other message comes from the schema.
 */
export const bookingDetailsErrors: $ZodErrorMap = (issue) => {
  if (issue.code !== "invalid_type" || issue.input !== undefined) return undefined;
  const field = issue.path?.join(".");
  return field === undefined ? undefined : MISSING_MESSAGES[field];
};

export const cancelFormSchema = z.object({ reason: cancellationReasonSchema.optional() });

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
  };
}

const FORM_FIELD_FOR_API_FIELD: Record<string, keyof BookingDetails> = {
  "patient.name": "name",
  "patient.email": "email",
  "patient.phone": "phone",
  notes: "notes",
  contactConsent: "contactConsent",
};

/**
 * The API's field errors split for the form: those on fields the patient typed go next to
 * them; the rest (the time, the service, the practitioner) are about the whole booking.
 */
export function splitApiFieldErrors(fieldErrors: Record<string, string[]>): {
  fieldErrors: Record<string, string[]>;
  formErrors: string[];
} {
  const result: { fieldErrors: Record<string, string[]>; formErrors: string[] } = {
    fieldErrors: {},
    formErrors: [],
  };
  for (const [apiField, messages] of Object.entries(fieldErrors)) {
    const field = FORM_FIELD_FOR_API_FIELD[apiField];
    if (field) result.fieldErrors[field] = [...(result.fieldErrors[field] ?? []), ...messages];
    else result.formErrors.push(...messages);
  }
  return result;
}

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
  });
}
