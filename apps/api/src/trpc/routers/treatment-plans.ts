import {
  cancelRestOfPlanInputSchema,
  treatmentPlanCreateInputSchema,
  treatmentPlanForBookingInputSchema,
  treatmentPlanPreviewInputSchema,
  treatmentPlansForPatientInputSchema,
} from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { cancelRestOfPlan } from "../../treatment-plans/plan-cancel.js";
import { createPlan } from "../../treatment-plans/plan-create.js";
import { previewPlan } from "../../treatment-plans/plan-preview.js";
import { planForBooking, plansForPatient } from "../../treatment-plans/plan-views.js";
import { permissionProcedure } from "../trpc.js";

// Treatment plans (decision 027): a series of ordinary bookings made in one go. They use the
// booking permissions staff already have: practitioners plan and cancel in their own diary only.
export const treatmentPlansRouter = {
  /**
   * The plan's appointments before booking: each at the same local time every N days or weeks,
   * "bookable" (with the practitioner it would get) or a "conflict" (why, and the nearest free
   * times within three days). Writes nothing; a query, though it takes the bookings.write role.
   */
  preview: permissionProcedure("bookings.write")
    .input(treatmentPlanPreviewInputSchema)
    .query(({ ctx, input }) => previewPlan(ctx, input)),

  /**
   * Books the plan and the appointments staff confirmed (all, or a subset, each at its own time
   * or an alternative) in one transaction: one confirmation email with every date and one .ics.
   * CONFLICT naming the appointment (`appointments.<i>.start`) when one was taken meanwhile;
   * then nothing is written.
   */
  create: permissionProcedure("bookings.write")
    .input(treatmentPlanCreateInputSchema)
    .mutation(({ ctx, input }) => createPlan(ctx, input)),

  /** The plan a booking belongs to ("3 of 6", the others), or null. */
  forBooking: permissionProcedure("bookings.read")
    .input(treatmentPlanForBookingInputSchema)
    .query(({ ctx, input }) => planForBooking(ctx, input.bookingId)),

  /** A patient's plans, latest first, each with its bookings. */
  forPatient: permissionProcedure("patients.read")
    .input(treatmentPlansForPatientInputSchema)
    .query(({ ctx, input }) => plansForPatient(ctx, input.patientId)),

  /** Cancels an upcoming booking of a plan and every later one ("this and the rest"); one email. */
  cancelRest: permissionProcedure("bookings.write")
    .input(cancelRestOfPlanInputSchema)
    .mutation(({ ctx, input }) => cancelRestOfPlan(ctx, input)),
} satisfies TRPCRouterRecord;
