import {
  type CalendarBooking,
  type Database,
  findCalendarBookingByManageTokenHash,
  listPractitionerCalendar,
} from "@clinic/db";
import type { ClinicSettings } from "@clinic/domain";
import { type Context, Hono } from "hono";
import { hashToken } from "../auth/sessions.js";
import {
  patientBookingEvent,
  practitionerBookingEvent,
  renderCalendar,
  renderFeedIcs,
} from "./ics.js";

export interface CalendarRoutesDeps {
  db: Database;
  now?: () => Date;
}

// Tokens are base64url secrets; anything else cannot match, so skip the lookup.
const TOKEN = /^[A-Za-z0-9_-]{16,200}$/;

function calendarResponse(c: Context, body: string, filename: string) {
  return c.body(body, 200, {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": `inline; filename="${filename}"`,
    // The URL is a secret and the content personal: no shared caches, no search engines.
    "Cache-Control": "private, no-cache",
    "X-Robots-Tag": "noindex",
  });
}

function notFound(c: Context) {
  return c.json({ error: { message: "Calendar not found" } }, 404);
}

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
 * `.ics` downloads: one booking by the patient's manage token, and a
 * practitioner's subscription feed by their calendar token. Only SHA-256
 * hashes of the tokens are stored, so lookups go by hash.
 */
export function calendarRoutes(deps: CalendarRoutesDeps) {
  const now = deps.now ?? (() => new Date());
  return new Hono()
    .get("/bookings/:token/calendar.ics", async (c) => {
      const token = c.req.param("token");
      if (!TOKEN.test(token)) return notFound(c);
      const found = await findCalendarBookingByManageTokenHash(deps.db, hashToken(token));
      if (!found) return notFound(c);
      // A cancelled booking is still served (as STATUS:CANCELLED), so a
      // calendar that imported it can drop it.
      const ics = renderCalendar([patientEvent(found.booking, found.clinic)], {
        now: now(),
        method: "PUBLISH",
      });
      return calendarResponse(c, ics, "appointment.ics");
    })
    .get("/calendar/practitioners/:file{[A-Za-z0-9_-]+\\.ics}", async (c) => {
      const token = c.req.param("file").slice(0, -".ics".length);
      if (!TOKEN.test(token)) return notFound(c);
      const at = now();
      const feed = await listPractitionerCalendar(deps.db, hashToken(token), at);
      if (!feed) return notFound(c);
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
      const ics = renderFeedIcs(events, {
        now: at,
        name: `${feed.practitioner.name} (${feed.clinic.name})`,
      });
      return calendarResponse(c, ics, "bookings.ics");
    });
}
