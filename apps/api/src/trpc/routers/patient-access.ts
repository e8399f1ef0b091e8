import {
  patientBookingInputSchema,
  patientWaitlistEntryInputSchema,
  redeemSignInLinkInputSchema,
  signInLinkRequestSchema,
} from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import {
  leavePatientWaitlistEntry,
  patientManageToken,
  patientOverview,
} from "../../patient-access/patient-account.js";
import { endPatientSession } from "../../patient-access/patient-sessions.js";
import { redeemSignInLink, requestSignInLink } from "../../patient-access/sign-in-links.js";
import { patientProcedure, patientSubmitProcedure } from "../patient-procedures.js";
import { publicSubmitProcedure } from "../trpc.js";

/** Patients' self-service on the site (decision 031): email sign-in links, then their bookings. */
export const patientAccessRouter = {
  /**
   * Emails a one-time sign-in link (30 minutes) if the address is a patient's. The answer is
   * `{ sent: true }` either way, in the same time; rate-limited per visitor and per address.
   */
  requestLink: publicSubmitProcedure
    .input(signInLinkRequestSchema)
    .mutation(({ ctx, input }) => requestSignInLink(ctx, input)),

  /** Uses a sign-in link (once) and returns a new patient session's token for the site's cookie. */
  redeemLink: publicSubmitProcedure
    .input(redeemSignInLinkInputSchema)
    .mutation(({ ctx, input }) => redeemSignInLink(ctx, input.token)),

  /** The signed-in patient's page: bookings, treatment plans, waitlist entries, intake form. */
  overview: patientProcedure.query(({ ctx }) => patientOverview(ctx)),

  /** One of the patient's bookings' manage token, for the site to open its manage page. */
  manageLink: patientSubmitProcedure
    .input(patientBookingInputSchema)
    .mutation(({ ctx, input }) => patientManageToken(ctx, input.bookingId)),

  /** Takes the patient off one of their own waitlist entries. */
  leaveWaitlist: patientSubmitProcedure
    .input(patientWaitlistEntryInputSchema)
    .mutation(({ ctx, input }) => leavePatientWaitlistEntry(ctx, input.entryId)),

  /** Ends the patient's session. */
  signOut: patientSubmitProcedure.mutation(({ ctx }) => endPatientSession(ctx)),
} satisfies TRPCRouterRecord;
