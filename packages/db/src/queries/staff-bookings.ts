import type { BookingStatus } from "@clinic/domain";
import { and, asc, eq, gt, gte, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import {
  bookingEvents,
  bookings,
  outboxMessages,
  patients,
  practitioners,
  services,
  staffUsers,
  timeOff,
  workingHours,
} from "../schema.js";

/** A booking as the staff calendar shows it. */
export interface StaffCalendarBooking {
  id: string;
  status: BookingStatus;
  startsAt: Date;
  endsAt: Date;
  notes: string;
  practitionerId: string;
  service: { id: string; name: string; durationMinutes: number };
  patient: { id: string; name: string; email: string | null; phone: string | null };
}

/** Bookings that start in `[from, to)`, ordered by start, for some practitioners or all. */
export async function listCalendarBookings(
  db: Executor,
  options: { from: Date; to: Date; practitionerIds?: string[]; includeCancelled: boolean },
): Promise<StaffCalendarBooking[]> {
  return db
    .select({
      id: bookings.id,
      status: bookings.status,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      notes: bookings.notes,
      practitionerId: bookings.practitionerId,
      service: { id: services.id, name: services.name, durationMinutes: services.durationMinutes },
      patient: {
        id: patients.id,
        name: patients.name,
        email: patients.email,
        phone: patients.phone,
      },
    })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .where(
      and(
        gte(bookings.startsAt, options.from),
        lt(bookings.startsAt, options.to),
        options.practitionerIds
          ? inArray(bookings.practitionerId, options.practitionerIds)
          : undefined,
        options.includeCancelled ? undefined : ne(bookings.status, "cancelled"),
      ),
    )
    .orderBy(asc(bookings.startsAt), asc(bookings.id));
}

/** A practitioner with their weekly hours and the time off that touches a range of local dates. */
export interface PractitionerSchedule {
  id: string;
  slug: string;
  name: string;
  active: boolean;
  weeklyHours: { weekday: number; start: string; end: string }[];
  timeOff: {
    id: string;
    startDate: string;
    endDate: string;
    startTime: string | null;
    endTime: string | null;
    reason: string;
  }[];
}

/**
 * Active practitioners (or exactly those asked for), in display order, with
 * their weekly hours and time off overlapping `fromDate`…`toDate`.
 */
export async function listPractitionerSchedules(
  db: Executor,
  options: { fromDate: string; toDate: string; practitionerIds?: string[] },
): Promise<PractitionerSchedule[]> {
  const people = await db
    .select({
      id: practitioners.id,
      slug: practitioners.slug,
      name: practitioners.name,
      active: practitioners.active,
    })
    .from(practitioners)
    .where(
      options.practitionerIds
        ? inArray(practitioners.id, options.practitionerIds)
        : eq(practitioners.active, true),
    )
    .orderBy(asc(practitioners.sortOrder), asc(practitioners.name));
  const ids = people.map((p) => p.id);
  if (ids.length === 0) return [];
  const [hours, off] = await Promise.all([
    db
      .select()
      .from(workingHours)
      .where(inArray(workingHours.practitionerId, ids))
      .orderBy(asc(workingHours.weekday), asc(workingHours.startTime)),
    db
      .select()
      .from(timeOff)
      .where(
        and(
          inArray(timeOff.practitionerId, ids),
          gte(timeOff.endDate, options.fromDate),
          sql`${timeOff.startDate} <= ${options.toDate}`,
        ),
      )
      .orderBy(asc(timeOff.startDate), asc(timeOff.startTime)),
  ]);
  return people.map((p) => ({
    ...p,
    weeklyHours: hours
      .filter((h) => h.practitionerId === p.id)
      .map((h) => ({ weekday: h.weekday, start: h.startTime, end: h.endTime })),
    timeOff: off
      .filter((t) => t.practitionerId === p.id)
      .map((t) => ({
        id: t.id,
        startDate: t.startDate,
        endDate: t.endDate,
        startTime: t.startTime,
        endTime: t.endTime,
        reason: t.reason,
      })),
  }));
}

/** The booking fields staff see beyond what a patient does. */
export interface StaffBookingExtras {
  contactConsent: boolean;
  createdAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
  hasManageLink: boolean;
}

export async function findStaffBookingExtras(
  db: Executor,
  bookingId: string,
): Promise<StaffBookingExtras | null> {
  const [row] = await db
    .select({
      contactConsent: bookings.contactConsent,
      createdAt: bookings.createdAt,
      updatedAt: bookings.updatedAt,
      cancelledAt: bookings.cancelledAt,
      hasManageLink: sql<boolean>`${bookings.manageTokenHash} is not null`,
    })
    .from(bookings)
    .where(eq(bookings.id, bookingId));
  return row ? { ...row, hasManageLink: Boolean(row.hasManageLink) } : null;
}

/** One step of a booking's history; `actorName` is the staff member's name, or null for the patient. */
export interface BookingHistoryEntry {
  id: string;
  kind: string;
  actor: string;
  actorName: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

/** A booking's events, oldest first, with staff actors' names. */
export async function listBookingHistory(
  db: Executor,
  bookingId: string,
): Promise<BookingHistoryEntry[]> {
  return (
    db
      .select({
        id: bookingEvents.id,
        kind: bookingEvents.kind,
        actor: bookingEvents.actor,
        actorName: staffUsers.name,
        details: bookingEvents.details,
        createdAt: bookingEvents.createdAt,
      })
      .from(bookingEvents)
      // The actor column is "patient" or a staff user's id: compare as text so "patient" never casts.
      .leftJoin(staffUsers, sql`${staffUsers.id}::text = ${bookingEvents.actor}`)
      .where(eq(bookingEvents.bookingId, bookingId))
      .orderBy(asc(bookingEvents.createdAt), asc(bookingEvents.id))
  );
}

/** The emails written for a booking (sent or not), oldest first, without their bodies. */
export async function listBookingMessages(db: Executor, bookingId: string) {
  return db
    .select({
      id: outboxMessages.id,
      kind: outboxMessages.kind,
      toAddress: outboxMessages.toAddress,
      subject: outboxMessages.subject,
      status: outboxMessages.status,
      sendAfter: outboxMessages.sendAfter,
      sentAt: outboxMessages.sentAt,
      attempts: outboxMessages.attempts,
      lastError: outboxMessages.lastError,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .where(eq(outboxMessages.bookingId, bookingId))
    .orderBy(asc(outboxMessages.createdAt), asc(outboxMessages.id));
}

/** Records attendance (completed or no-show); the booking keeps its time in the diary. */
export async function setBookingStatus(
  db: Executor,
  bookingId: string,
  status: Extract<BookingStatus, "completed" | "no_show">,
): Promise<void> {
  await db.update(bookings).set({ status }).where(eq(bookings.id, bookingId));
}

/**
 * Gives a booking made without a manage link (e.g. imported or seeded) the
 * hash of its link, so emails staff trigger carry a link that works. Never
 * for an erased patient's booking: its link was revoked, and being derived
 * from the booking's id, the same link would come back to life.
 */
export async function ensureManageTokenHash(
  db: Executor,
  bookingId: string,
  manageTokenHash: string,
): Promise<void> {
  await db
    .update(bookings)
    .set({ manageTokenHash })
    .where(
      and(
        eq(bookings.id, bookingId),
        isNull(bookings.manageTokenHash),
        sql`${bookings.patientId} not in (select ${patients.id} from ${patients} where ${patients.erasedAt} is not null)`,
      ),
    );
}

/** A confirmed booking that has not started yet, with what a "falls outside the hours" list shows. */
export interface UpcomingBooking {
  id: string;
  practitionerId: string;
  practitionerName: string;
  startsAt: Date;
  endsAt: Date;
  serviceName: string;
  patientName: string;
}

/**
 * Confirmed bookings starting after `after` (for one practitioner or all),
 * optionally only those overlapping `[overlapFrom, overlapTo)`; by start.
 */
export async function listUpcomingConfirmedBookings(
  db: Executor,
  options: { after: Date; practitionerId?: string; overlapFrom?: Date; overlapTo?: Date },
): Promise<UpcomingBooking[]> {
  return db
    .select({
      id: bookings.id,
      practitionerId: bookings.practitionerId,
      practitionerName: practitioners.name,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      serviceName: services.name,
      patientName: patients.name,
    })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .where(
      and(
        eq(bookings.status, "confirmed"),
        gt(bookings.startsAt, options.after),
        options.practitionerId ? eq(bookings.practitionerId, options.practitionerId) : undefined,
        options.overlapTo ? lt(bookings.startsAt, options.overlapTo) : undefined,
        options.overlapFrom ? gt(bookings.endsAt, options.overlapFrom) : undefined,
      ),
    )
    .orderBy(asc(bookings.startsAt), asc(bookings.id));
}
