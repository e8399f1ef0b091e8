import { z } from "zod";
import { emailSchema, idSchema } from "../common/fields.js";

/** How long an emailed sign-in link works (it works once). */
export const SIGN_IN_LINK_TTL_MS = 30 * 60 * 1000;
/** A patient's session ends after this long unused; each use slides it. */
export const PATIENT_SESSION_IDLE_MS = 7 * 24 * 60 * 60 * 1000;
/** …and in any case this long after sign-in. */
export const PATIENT_SESSION_MAX_MS = 30 * 24 * 60 * 60 * 1000;

/** A random token of ours (sign-in link, session): 43 base64url characters. */
const accessTokenSchema = (message: string) => z.string().regex(/^[A-Za-z0-9_-]{40,64}$/, message);

/** "Email me a sign-in link": the address is all a patient gives. */
export const signInLinkRequestSchema = z.object({ email: emailSchema });

export const signInLinkTokenSchema = accessTokenSchema(
  "That sign-in link isn't valid. Ask for a new one.",
);

export const redeemSignInLinkInputSchema = z.object({ token: signInLinkTokenSchema });

/** A patient session's token, as the site sends it (never the patient's id). */
export const patientSessionTokenSchema = accessTokenSchema("That session isn't valid");

/** One of the signed-in patient's bookings. */
export const patientBookingInputSchema = z.object({ bookingId: idSchema });

/** One of the signed-in patient's waitlist entries. */
export const patientWaitlistEntryInputSchema = z.object({ entryId: idSchema });

/**
 * Whether a booking belongs on the "upcoming" list: confirmed and not yet ended. Everything
 * else (cancelled, completed, missed, or over) is history.
 */
export function isUpcomingBooking(booking: { status: string; endsAt: Date }, now: Date): boolean {
  return booking.status === "confirmed" && booking.endsAt.getTime() > now.getTime();
}
