import { type EnquiryInput, enquiryInputSchema, phoneSchema } from "@clinic/domain";
import type { z } from "zod";
import { formGuard, formGuardFields, missingFieldMessages } from "./form-guard";

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

/** The API's `enquiries.submit` input for a valid form. */
export function enquirySubmission(form: ContactForm): EnquiryInput & {
  honeypot?: string;
  renderedAt?: number;
} {
  return {
    name: form.name,
    email: form.email,
    phone: form.phone ?? null,
    message: form.message,
    ...formGuard(form),
  };
}
