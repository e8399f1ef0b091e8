import {
  findTreatmentPlan,
  findTreatmentPlanIdOfBooking,
  getClinicSettings,
  listTreatmentPlansForPatient,
  type TreatmentPlanWithBookings,
} from "@clinic/db";
import { canOn, type StaffUser } from "@clinic/domain";
import type { StaffContext } from "../context.js";
import { NotFoundError } from "../errors.js";

/** Whether the viewer may cancel this booking of the plan "and the rest" now. */
export function restCancellable(
  user: StaffUser,
  plan: TreatmentPlanWithBookings,
  bookingId: string,
  now: Date,
): boolean {
  const from = plan.bookings.find((b) => b.id === bookingId);
  if (!from) return false;
  const rest = plan.bookings.filter(
    (b) =>
      b.status === "confirmed" &&
      b.startsAt.getTime() >= from.startsAt.getTime() &&
      b.startsAt.getTime() > now.getTime(),
  );
  return (
    rest.length > 0 &&
    rest.some((b) => b.id === bookingId) &&
    rest.every((b) => canOn(user, "bookings.write", b.practitioner.id))
  );
}

/** A plan with its bookings and the clinic's zone, as the admin shows it. */
export async function treatmentPlanView(ctx: StaffContext, planId: string) {
  const [plan, settings] = await Promise.all([
    findTreatmentPlan(ctx.db, planId),
    getClinicSettings(ctx.db),
  ]);
  if (!plan) throw new NotFoundError("We couldn't find that treatment plan");
  return { ...plan, timeZone: settings.timeZone };
}

/**
 * The plan a booking belongs to, with the booking's place in it ("3 of 6") and
 * whether the viewer may cancel it and the rest; null for a booking on its own.
 */
export async function planForBooking(ctx: StaffContext, bookingId: string) {
  const planId = await findTreatmentPlanIdOfBooking(ctx.db, bookingId);
  if (!planId) return null;
  const plan = await treatmentPlanView(ctx, planId);
  const position = plan.bookings.find((b) => b.id === bookingId)?.position ?? null;
  return {
    plan,
    position,
    total: plan.bookings.length,
    canCancelRest: restCancellable(ctx.user, plan, bookingId, ctx.now()),
  };
}

/** A patient's plans, latest first, each with its bookings (the admin's patient page). */
export async function plansForPatient(ctx: StaffContext, patientId: string) {
  const [plans, settings] = await Promise.all([
    listTreatmentPlansForPatient(ctx.db, patientId),
    getClinicSettings(ctx.db),
  ]);
  return { timeZone: settings.timeZone, plans };
}
