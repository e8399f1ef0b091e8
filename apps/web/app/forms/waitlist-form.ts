import { waitlistEntryFieldsSchema, withWaitlistDateRules } from "@clinic/domain";
import { missingFieldMessages } from "@clinic/form-kit";
import type { z } from "zod";
import { formGuard, formGuardFields } from "./form-guard";
import type { PublicForm } from "./public-form.server";

/** "Join the waitlist": the domain's entry rules, with the anti-spam fields added. */
export const waitlistFormSchema = withWaitlistDateRules(
  waitlistEntryFieldsSchema.extend(formGuardFields),
);
export type WaitlistForm = z.infer<typeof waitlistFormSchema>;

export const waitlistFormErrors = missingFieldMessages({
  practitionerId: "Choose a practitioner, or anyone",
  fromDate: "Enter the first day that suits you",
  toDate: "Enter the last day that suits you",
  timesOfDay: "Choose at least one time of day",
  name: "Enter your name",
  email: "Enter your email address so we can offer you a time",
  phone: "Enter your phone number",
});

/** The first line of the form's error notice, whatever went wrong. */
export const WAITLIST_FAILED = "Sorry, we couldn't add you to the waitlist.";

/** The waitlist form as its action sends it. */
export const waitlistForm: PublicForm<typeof waitlistFormSchema> = {
  schema: waitlistFormSchema,
  missing: waitlistFormErrors,
  send: (api, form) =>
    api.waitlist.join.mutate({
      serviceId: form.serviceId,
      practitionerId: form.practitionerId,
      fromDate: form.fromDate,
      toDate: form.toDate,
      timesOfDay: form.timesOfDay,
      name: form.name,
      email: form.email,
      phone: form.phone,
      ...formGuard(form),
    }),
  unavailable: WAITLIST_FAILED,
  logAs: "waitlist request",
};
