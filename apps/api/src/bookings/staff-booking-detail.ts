import {
  type BookingDetails,
  findBookingById,
  findStaffBookingExtras,
  getClinicSettings,
  listBookingHistory,
  listBookingMessages,
} from "@clinic/db";
import { canOn, type StaffUser } from "@clinic/domain";
import type { StaffContext } from "../context.js";
import { NotFoundError } from "../errors.js";

export async function requireBooking(ctx: StaffContext, id: string): Promise<BookingDetails> {
  const booking = await findBookingById(ctx.db, id);
  if (!booking) throw new NotFoundError("We couldn't find that booking");
  return booking;
}

/** What a staff member may do to a booking now (the admin app shows only these actions). */
function allowedActions(user: StaffUser, booking: BookingDetails, now: Date) {
  const mayWrite = canOn(user, "bookings.write", booking.practitioner.id);
  const started = booking.startsAt.getTime() <= now.getTime();
  const upcoming = booking.status === "confirmed" && !started;
  return {
    cancel: mayWrite && upcoming,
    reschedule: mayWrite && upcoming,
    markAttendance: mayWrite && started && booking.status !== "cancelled",
    /** Read the patient's manage link out (audited); for anyone who may change the booking. */
    readManageLink: mayWrite,
  };
}

/**
 * A booking with everything staff need: patient contact details, service,
 * practitioner, notes, its history (with staff names) and the emails written
 * for it, plus which actions the viewer may take.
 */
export async function staffBookingDetail(ctx: StaffContext, id: string) {
  const booking = await requireBooking(ctx, id);
  const [extras, history, messages, settings] = await Promise.all([
    findStaffBookingExtras(ctx.db, id),
    listBookingHistory(ctx.db, id),
    listBookingMessages(ctx.db, id),
    getClinicSettings(ctx.db),
  ]);
  return {
    id: booking.id,
    status: booking.status,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    notes: booking.notes,
    cancellationReason: booking.cancellationReason,
    cancelledAt: extras?.cancelledAt ?? null,
    createdAt: extras?.createdAt ?? null,
    contactConsent: extras?.contactConsent ?? false,
    /** Whether the patient has a working manage link (bookings made online or changed by staff). */
    hasManageLink: extras?.hasManageLink ?? false,
    timeZone: settings.timeZone,
    service: {
      id: booking.service.id,
      name: booking.service.name,
      durationMinutes: booking.service.durationMinutes,
    },
    practitioner: booking.practitioner,
    patient: booking.patient,
    history: history.map((entry) => ({
      id: entry.id,
      kind: entry.kind,
      actorKind: entry.actor === "patient" ? ("patient" as const) : ("staff" as const),
      actorName:
        entry.actor === "patient"
          ? booking.patient.name
          : (entry.actorName ?? "Former staff member"),
      details: entry.details,
      createdAt: entry.createdAt,
    })),
    messages,
    actions: allowedActions(ctx.user, booking, ctx.now()),
  };
}
