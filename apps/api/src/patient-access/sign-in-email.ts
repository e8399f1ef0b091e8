import type { ClinicSettings } from "@clinic/domain";
import { patientNoticeEmail, type RenderedEmail } from "../email/templates.js";

/** The outbox `kind` of a patient's sign-in email (its body holds a working link: never logged). */
export const SIGN_IN_LINK_EMAIL_KIND = "patient.sign_in_link";

/** To a patient who asked to see their bookings: the one-time link, and what to do if they didn't. */
export function signInLinkEmail(
  data: { name: string; url: string; validMinutes: number },
  clinic: Pick<ClinicSettings, "name" | "phone">,
): RenderedEmail {
  return patientNoticeEmail(`Your sign-in link for ${clinic.name}`, [
    { paragraph: `Hi ${data.name},` },
    {
      paragraph: `Here is your link to see and manage your bookings. It works once, for the next ${data.validMinutes} minutes.`,
    },
    { link: "See your bookings", url: data.url },
    {
      paragraph:
        "If you didn't ask for this, you can ignore this email: nobody can sign in without the link.",
    },
    { paragraph: `Questions? Call us on ${clinic.phone}.\n${clinic.name}` },
  ]);
}
