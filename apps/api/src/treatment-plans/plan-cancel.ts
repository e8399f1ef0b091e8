import {
  cancelBooking,
  deletePendingMessages,
  findBookingById,
  getClinicSettings,
} from "@clinic/db";
import { audit } from "../audit/audit.js";
import { requireAccessTo } from "../auth/access.js";
import { recordBookingChange, staffActor } from "../bookings/booking-history.js";
import { manageTokenFor } from "../bookings/manage-token.js";
import { emailData } from "../bookings/patient-views.js";
import { requireBooking } from "../bookings/staff-booking-detail.js";
import type { StaffContext } from "../context.js";
import { bookingEmailKinds } from "../email/booking-emails.js";
import { BadRequestError } from "../errors.js";
import { replaceSmsReminder } from "../sms/sms-reminders.js";
import { queueBookingWebhook } from "../webhooks/webhook-events.js";
import { enqueuePlanCancelledEmail } from "./plan-emails.js";
import { planForBooking } from "./plan-views.js";

/**
 * Cancels a booking of a plan and every later upcoming one of the same plan
 * ("this and the rest"), in one transaction: each gets its history and audit
 * entry and loses its pending reminder; the patient gets ONE email listing
 * the cancelled dates with one METHOD:CANCEL .ics. The viewer must be allowed
 * to cancel every one of them (a practitioner: their own diary only).
 */
export async function cancelRestOfPlan(
  ctx: StaffContext,
  input: { bookingId: string; reason: string },
) {
  const booking = await requireBooking(ctx, input.bookingId);
  const found = await planForBooking(ctx, booking.id);
  if (!found) throw new BadRequestError("This booking isn't part of a treatment plan");
  const now = ctx.now();
  if (booking.status !== "confirmed" || booking.startsAt.getTime() <= now.getTime()) {
    throw new BadRequestError(
      "Only an upcoming appointment can be cancelled with the rest of its plan",
    );
  }
  const rest = found.plan.bookings.filter(
    (b) =>
      b.status === "confirmed" &&
      b.startsAt.getTime() >= booking.startsAt.getTime() &&
      b.startsAt.getTime() > now.getTime(),
  );
  for (const b of rest) requireAccessTo(ctx.user, "bookings.write", b.practitioner.id);
  const settings = await getClinicSettings(ctx.db);
  const by = staffActor(ctx);
  const cancelled = await ctx.db.transaction(async (tx) => {
    const lines = [];
    for (const b of rest) {
      const before = (await findBookingById(tx, b.id))!;
      // Changed since it was read (cancelled or started): leave it as it is.
      if (before.status !== "confirmed") continue;
      await cancelBooking(tx, b.id, { reason: input.reason, at: now });
      await recordBookingChange(tx, by, b.id, {
        event: "cancelled",
        details: { reason: input.reason, treatmentPlanId: found.plan.id, withRestOfPlan: true },
        action: "booking.cancel",
        changes: {
          status: { from: before.status, to: "cancelled" },
          cancellationReason: { from: before.cancellationReason, to: input.reason },
        },
      });
      await deletePendingMessages(tx, { bookingId: b.id, kind: bookingEmailKinds.reminder });
      const after = (await findBookingById(tx, b.id))!;
      await replaceSmsReminder(tx, ctx, "cancelled", after, settings, now);
      await queueBookingWebhook(tx, { bookingId: b.id, kind: "cancelled", at: now });
      const token = manageTokenFor(b.id, ctx.appSecret);
      lines.push({ position: b.position, data: emailData(ctx, after, settings, token) });
    }
    await enqueuePlanCancelledEmail(tx, lines, settings, input.reason, now);
    await audit(tx, ctx, {
      action: "treatment_plan.cancel_rest",
      entityId: found.plan.id,
      changes: {
        cancelledBookings: { from: null, to: lines.map((l) => l.data.bookingId) },
        reason: { from: null, to: input.reason },
      },
    });
    return lines.length;
  });
  ctx.logger.info("treatment plan cancelled from a booking", {
    treatmentPlanId: found.plan.id,
    cancelled,
  });
  return { cancelled, plan: (await planForBooking(ctx, booking.id))! };
}
