import type { BookingDetails } from "@clinic/db";
import { type ClinicSettings, canChangeOnline } from "@clinic/domain";
import type { AppContext } from "../context.js";
import type { BookingEmailData } from "../email/booking-emails.js";

/** What the patient sees about their booking on the site. */
export function publicBooking(booking: BookingDetails, settings: ClinicSettings, now: Date) {
  const window = settings.bookingPolicy.cancellationWindowHours;
  const changeable =
    booking.status === "confirmed" && canChangeOnline(booking.startsAt, window, now);
  return {
    id: booking.id,
    status: booking.status,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    notes: booking.notes,
    cancellationReason: booking.cancellationReason,
    service: {
      id: booking.service.id,
      slug: booking.service.slug,
      name: booking.service.name,
      durationMinutes: booking.service.durationMinutes,
    },
    practitioner: booking.practitioner,
    patient: { name: booking.patient.name, email: booking.patient.email },
    timeZone: settings.timeZone,
    canCancel: changeable,
    canReschedule: changeable,
    changeDeadline: new Date(booking.startsAt.getTime() - window * 3_600_000),
    clinic: { name: settings.name, phone: settings.phone, email: settings.email },
  };
}

/** What the patient's emails say about their booking, with their manage link built from `token`. */
export function emailData(
  ctx: Pick<AppContext, "webUrl">,
  booking: BookingDetails,
  settings: ClinicSettings,
  token: string,
): BookingEmailData {
  const manageUrl = `${ctx.webUrl.replace(/\/$/, "")}/manage/${token}`;
  return {
    bookingId: booking.id,
    manageUrl,
    calendarUrl: `${manageUrl}/calendar.ics`,
    bookingsUrl: `${ctx.webUrl.replace(/\/$/, "")}/account`,
    patient: {
      name: booking.patient.name,
      email: booking.patient.email,
      phone: booking.patient.phone,
    },
    service: { name: booking.service.name, durationMinutes: booking.service.durationMinutes },
    practitioner: { name: booking.practitioner.name },
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    notes: booking.notes,
    sequence: booking.sequence,
    cancellationReason: booking.cancellationReason,
    clinic: settings,
  };
}
