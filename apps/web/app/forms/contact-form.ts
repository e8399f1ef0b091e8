import { type EnquiryInput, enquiryInputSchema, phoneSchema } from "@clinic/domain";
import { missingFieldMessages } from "@clinic/form-kit";
import type { z } from "zod";
import { formGuard, formGuardFields } from "./form-guard";
import type { PublicForm } from "./public-form.server";

/** "Let's Get in Touch": the domain's enquiry rules, phone optional, anti-spam fields added. */
export const contactFormSchema = enquiryInputSchema.extend({
  phone: phoneSchema.optional(),
  ...formGuardFields,
});
export type ContactForm = z.infer<typeof contactFormSchema>;

export const contactFormErrors = missingFieldMessages({
  name: "Enter your name",
  email: "Enter your email address so we can reply",
  message: "Enter your message",
});

/** The first line of the contact form's error notice, whatever went wrong. */
export const CONTACT_FAILED = "Oops! Something went wrong while submitting the form.";

/** The API's `enquiries.submit` input for a valid form. */
export function enquirySubmission(form: ContactForm): EnquiryInput & {
  honeypot?: string;
  formToken?: string;
} {
  return {
    name: form.name,
    email: form.email,
    phone: form.phone ?? null,
    message: form.message,
    ...formGuard(form),
  };
}

/** The contact form as its action sends it. */
export const contactForm: PublicForm<typeof contactFormSchema> = {
  schema: contactFormSchema,
  missing: contactFormErrors,
  send: (api, form) => api.enquiries.submit.mutate(enquirySubmission(form)),
  unavailable: CONTACT_FAILED,
  logAs: "enquiry submission",
};
