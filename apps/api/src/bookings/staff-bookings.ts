import { type BookingDetails, getClinicSettings, setBookingStatus } from "@clinic/db";
import { type AvailabilityInput, canOn } from "@clinic/domain";
import { requireAccessTo } from "../auth/access.js";
import type { StaffContext } from "../context.js";
import { BadRequestError, PreconditionFailedError } from "../errors.js";
import { availability } from "./bookable-slots.js";
import { cancelInTransaction, moveToSlot } from "./booking-changes.js";
import { recordBookingChange, staffActor } from "./booking-history.js";
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

/** Moves an upcoming booking to a free time with the same practitioner (staff rules) and emails the patient. */
export async function staffReschedule(ctx: StaffContext, input: { id: string; start: Date }) {
  const booking = await requireWritable(ctx, input.id);
  const now = ctx.now();
  requireUpcoming(booking, now, "moved");
  const settings = await getClinicSettings(ctx.db);
  await moveToSlot(ctx, booking, input.start, {
    rules: "staff",
    by: staffActor(ctx),
    settings,
    now,
  });
  return staffBookingDetail(ctx, booking.id);
}

/**
 * A booking taken by staff (e.g. on the phone) with the same slot engine
 * under staff rules (see `BookingRules`); the patient gets the usual
 * confirmation with their manage link. Practitioners book only themselves:
 * "first available" means them.
 */
export async function staffCreateBooking(
  ctx: StaffContext,
  input: {
    serviceId: string;
    practitionerId: string;
    start: Date;
    patient: { name: string; email: string; phone: string };
    notes: string;
    idempotencyKey?: string | undefined;
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
