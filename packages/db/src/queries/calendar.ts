import type { BookingStatus, ClinicSettings } from "@clinic/domain";
import { and, asc, eq, gte, ne } from "drizzle-orm";
import type { Executor } from "../database.js";
import { bookings, patients, practitioners, services } from "../schema.js";
import { getClinicSettings } from "./settings.js";

/** A booking with the names a calendar entry or an email shows. */
export interface CalendarBooking {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: BookingStatus;
  notes: string;
  /** iCalendar SEQUENCE: bumped by every change to the booking. */
  sequence: number;
  cancellationReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  service: { id: string; name: string; durationMinutes: number };
  practitioner: { id: string; name: string };
  patient: { id: string; name: string; email: string | null; phone: string | null };
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back a practitioner's feed reaches, so calendars keep recent history. */
const CALENDAR_FEED_PAST_DAYS = 30;

const calendarColumns = {
  id: bookings.id,
  startsAt: bookings.startsAt,
  endsAt: bookings.endsAt,
  status: bookings.status,
  notes: bookings.notes,
  sequence: bookings.sequence,
  cancellationReason: bookings.cancellationReason,
  createdAt: bookings.createdAt,
  updatedAt: bookings.updatedAt,
  service: { id: services.id, name: services.name, durationMinutes: services.durationMinutes },
  practitioner: { id: practitioners.id, name: practitioners.name },
  patient: { id: patients.id, name: patients.name, email: patients.email, phone: patients.phone },
};

function selectCalendarBookings(db: Executor) {
  return db
    .select(calendarColumns)
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .innerJoin(patients, eq(patients.id, bookings.patientId));
}

/** The booking behind a patient's manage token (by its SHA-256 hex), with the clinic's settings. */
export async function findCalendarBookingByManageTokenHash(
  db: Executor,
  manageTokenHash: string,
): Promise<{ booking: CalendarBooking; clinic: ClinicSettings } | null> {
  const [booking] = await selectCalendarBookings(db)
    .where(eq(bookings.manageTokenHash, manageTokenHash))
    .limit(1);
  if (!booking) return null;
  return { booking, clinic: await getClinicSettings(db) };
}

/**
 * A practitioner's subscription feed, found by the SHA-256 hex of the feed
 * token: their bookings that are not cancelled, from `pastDays` before `now` on.
 */
export async function listPractitionerCalendar(
  db: Executor,
  calendarTokenHash: string,
  now: Date,
  pastDays: number = CALENDAR_FEED_PAST_DAYS,
): Promise<{
  practitioner: { id: string; name: string };
  bookings: CalendarBooking[];
  clinic: ClinicSettings;
} | null> {
  const [practitioner] = await db
    .select({ id: practitioners.id, name: practitioners.name })
    .from(practitioners)
    .where(eq(practitioners.calendarTokenHash, calendarTokenHash))
    .limit(1);
  if (!practitioner) return null;
  const rows = await selectCalendarBookings(db)
    .where(
      and(
        eq(bookings.practitionerId, practitioner.id),
        ne(bookings.status, "cancelled"),
        gte(bookings.startsAt, new Date(now.getTime() - pastDays * DAY_MS)),
      ),
    )
    .orderBy(asc(bookings.startsAt), asc(bookings.id));
  return { practitioner, bookings: rows, clinic: await getClinicSettings(db) };
}

/** Sets (or with `null`, revokes) a practitioner's feed token hash; returns whether the practitioner exists. */
export async function setCalendarTokenHash(
  db: Executor,
  practitionerId: string,
  calendarTokenHash: string | null,
): Promise<boolean> {
  const updated = await db
    .update(practitioners)
    .set({ calendarTokenHash })
    .where(eq(practitioners.id, practitionerId))
    .returning({ id: practitioners.id });
  return updated.length > 0;
}
