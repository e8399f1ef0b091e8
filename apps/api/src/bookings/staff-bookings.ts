import {
  type BookingDetails,
  ensureManageTokenHash,
  getClinicSettings,
  type PatientContact,
  setBookingStatus,
} from "@clinic/db";
import { type AvailabilityInput, canOn } from "@clinic/domain";
import { audit } from "../audit/audit.js";
import { requireAccessTo } from "../auth/access.js";
import type { StaffContext } from "../context.js";
import { BadRequestError, FieldError, PreconditionFailedError } from "../errors.js";
import { queueBookingWebhook } from "../webhooks/webhook-events.js";
import { availability } from "./bookable-slots.js";
import { cancelInTransaction, moveToSlot } from "./booking-changes.js";
import { recordBookingChange, staffActor } from "./booking-history.js";
import { hashManageToken, manageTokenFor } from "./manage-token.js";
import { emailData } from "./patient-views.js";
import { placeBooking } from "./place-booking.js";
import { requireBooking, staffBookingDetail } from "./staff-booking-detail.js";

// What staff do to bookings: take them by phone, move, cancel, record attendance.
// Each answers with the booking's detail as the admin app shows it.

/** The booking, if the viewer may change it (practitioners: their own only). */
async function requireWritable(ctx: StaffContext, id: string): Promise<BookingDetails> {
  const booking = await requireBooking(ctx, id);
  requireAccessTo(ctx.user, "bookings.write", booking.practitioner.id);
  return booking;
}

/**
 * Records attendance once an appointment has started: completed or no-show
 * (either may be corrected later); never for a cancelled booking.
 */
export async function setAttendance(
  ctx: StaffContext,
  input: { id: string; status: "completed" | "no_show" },
) {
  const booking = await requireWritable(ctx, input.id);
  if (booking.status === "cancelled") {
    throw new BadRequestError("This booking was cancelled");
  }
  if (booking.startsAt.getTime() > ctx.now().getTime()) {
    throw new PreconditionFailedError(
      "Attendance can be recorded once the appointment has started",
    );
  }
  if (booking.status !== input.status) {
    await ctx.db.transaction(async (tx) => {
      await setBookingStatus(tx, booking.id, input.status);
      await recordBookingChange(tx, staffActor(ctx), booking.id, {
        event: input.status,
        details: { from: booking.status },
        action: "booking.set_status",
        changes: { status: { from: booking.status, to: input.status } },
      });
      await queueBookingWebhook(tx, { bookingId: booking.id, kind: input.status, at: ctx.now() });
    });
  }
  return staffBookingDetail(ctx, booking.id);
}

function requireUpcoming(booking: BookingDetails, now: Date, verb: string) {
  if (booking.status === "cancelled") {
    throw new BadRequestError("This booking has already been cancelled");
  }
  if (booking.status !== "confirmed" || booking.startsAt.getTime() <= now.getTime()) {
    throw new BadRequestError(
      `This appointment has already started and can't be ${verb}; record it as completed or a no-show instead`,
    );
  }
}

/** Cancels an upcoming booking for the patient (any time before it starts) and emails them. */
export async function staffCancel(ctx: StaffContext, input: { id: string; reason: string }) {
  const booking = await requireWritable(ctx, input.id);
  const now = ctx.now();
  requireUpcoming(booking, now, "cancelled");
  const settings = await getClinicSettings(ctx.db);
  await ctx.db.transaction((tx) =>
    cancelInTransaction(ctx, tx, booking, {
      reason: input.reason,
      by: staffActor(ctx),
      settings,
      now,
    }),
  );
  return staffBookingDetail(ctx, booking.id);
}

/**
 * Moves an upcoming booking to a free time (staff rules), with the same
 * practitioner or another who offers the service (one the viewer may book
 * for), optionally outside the usual hours; emails the patient.
 */
export async function staffReschedule(
  ctx: StaffContext,
  input: { id: string; start: Date; practitionerId?: string | undefined; outsideHours?: boolean },
) {
  const booking = await requireWritable(ctx, input.id);
  const now = ctx.now();
  requireUpcoming(booking, now, "moved");
  const practitionerId = input.practitionerId ?? booking.practitioner.id;
  if (!canOn(ctx.user, "bookings.write", practitionerId)) {
    throw new FieldError("practitionerId", "You can only move bookings within your own diary");
  }
  const settings = await getClinicSettings(ctx.db);
  await moveToSlot(ctx, booking, input.start, {
    rules: "staff",
    by: staffActor(ctx),
    settings,
    now,
    practitionerId,
    outsideHours: input.outsideHours ?? false,
  });
  return staffBookingDetail(ctx, booking.id);
}

/**
 * A booking taken by staff (e.g. on the phone) with the same slot engine
 * under staff rules (see `BookingRules`), or at any time outside the usual
 * hours when asked (`outsideHours`); a patient with an email gets the usual
 * confirmation with their manage link (without one, staff read the link out).
 * Practitioners book only themselves: "first available" means them.
 */
export async function staffCreateBooking(
  ctx: StaffContext,
  input: {
    serviceId: string;
    practitionerId: string;
    start: Date;
    patient: PatientContact;
    notes: string;
    idempotencyKey?: string | undefined;
    outsideHours?: boolean;
    smsReminders?: boolean;
  },
) {
  let practitionerId = input.practitionerId;
  if (!canOn(ctx.user, "bookings.write", null)) {
    // "Own" access: a practitioner's "first available" is themselves.
    if (practitionerId === "any" && ctx.user.practitionerId)
      practitionerId = ctx.user.practitionerId;
    requireAccessTo(ctx.user, "bookings.write", practitionerId);
  }
  const settings = await getClinicSettings(ctx.db);
  const { details } = await placeBooking(
    ctx,
    {
      ...input,
      practitionerId,
      contactConsent: false,
      idempotencyKey: input.idempotencyKey ?? null,
    },
    { rules: "staff", by: staffActor(ctx), settings },
  );
  return staffBookingDetail(ctx, details.id);
}

/** Bookable times under staff rules (inside the notice window, up to a year ahead). */
export function staffAvailability(ctx: StaffContext, input: AvailabilityInput) {
  return availability(ctx, input, "staff");
}

/**
 * The patient's manage link, for staff to read out or text to a patient who
 * has no email (decision 006: derived from the booking's id, so no secret is
 * stored). Reading it is audited: the link lets whoever holds it change the
 * booking. Practitioners read their own bookings' links only.
 */
export async function staffManageLink(ctx: StaffContext, input: { id: string }) {
  const booking = await requireWritable(ctx, input.id);
  const token = manageTokenFor(booking.id, ctx.appSecret);
  const settings = await getClinicSettings(ctx.db);
  await ctx.db.transaction(async (tx) => {
    // Bookings from before staff changes gave them one get it now, so the link works.
    await ensureManageTokenHash(tx, booking.id, hashManageToken(token));
    await audit(tx, ctx, { action: "booking.read_manage_link", entityId: booking.id, changes: {} });
  });
  return { manageUrl: emailData(ctx, booking, settings, token).manageUrl };
}
