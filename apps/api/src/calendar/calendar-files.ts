import {
  type CalendarBooking,
  findCalendarBookingByManageTokenHash,
  listPractitionerCalendar,
} from "@clinic/db";
import type { ClinicSettings } from "@clinic/domain";
import { hashToken } from "../auth/sessions.js";
import type { AppContext } from "../context.js";
import {
  patientBookingEvent,
  practitionerBookingEvent,
  renderCalendar,
  renderFeedIcs,
} from "./ics.js";

// The `.ics` files behind the calendar routes. Only SHA-256 hashes of the
// tokens are stored, so lookups go by hash; null means no such calendar.

type CalendarContext = Pick<AppContext, "db" | "now">;

function patientEvent(booking: CalendarBooking, clinic: ClinicSettings) {
  return patientBookingEvent({
    bookingId: booking.id,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    cancelled: booking.status === "cancelled",
    sequence: booking.sequence,
    serviceName: booking.service.name,
    practitionerName: booking.practitioner.name,
    patient: { name: booking.patient.name, email: booking.patient.email },
    clinic,
  });
}

/**
 * One booking's event, by the patient's manage token. A cancelled booking is
 * still served (as STATUS:CANCELLED), so a calendar that imported it can drop it.
 */
export async function bookingCalendarFile(
  ctx: CalendarContext,
  manageToken: string,
): Promise<string | null> {
  const found = await findCalendarBookingByManageTokenHash(ctx.db, hashToken(manageToken));
  if (!found) return null;
  return renderCalendar([patientEvent(found.booking, found.clinic)], {
    now: ctx.now(),
    method: "PUBLISH",
  });
}

/** A practitioner's subscription feed (recent and coming appointments), by their calendar token. */
export async function practitionerFeedFile(
  ctx: CalendarContext,
  calendarToken: string,
): Promise<string | null> {
  const at = ctx.now();
  const feed = await listPractitionerCalendar(ctx.db, hashToken(calendarToken), at);
  if (!feed) return null;
  const events = feed.bookings.map((booking) =>
    practitionerBookingEvent({
      bookingId: booking.id,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      sequence: booking.sequence,
      serviceName: booking.service.name,
      patient: booking.patient,
      notes: booking.notes,
      clinic: feed.clinic,
      created: booking.createdAt,
      lastModified: booking.updatedAt,
    }),
  );
  return renderFeedIcs(events, {
    now: at,
    name: `${feed.practitioner.name} (${feed.clinic.name})`,
  });
}
