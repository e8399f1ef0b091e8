import { signInLinkRequestSchema } from "@clinic/domain";
import { missingFieldMessages } from "@clinic/form-kit";

/** "Email me a sign-in link": the domain's own rule for the address. */
export const signInLinkFormSchema = signInLinkRequestSchema;

export const signInLinkFormErrors = missingFieldMessages({
  email: "Enter the email address you booked with",
});

/**
 * What the page says once a link was asked for: the same whether or not the address is a
 * patient's, since the API's answer is the same (decision 031).
 */
export function signInLinkSentMessage(email: string): string {
  return `If ${email} is the email address on your bookings, a sign-in link is on its way. It works once, for 30 minutes.`;
}
