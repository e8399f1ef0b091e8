import type { BookingStatus } from "@clinic/domain";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import { bookingEvents, bookings, patients, practitioners, services } from "../schema.js";

/** A patient's details as a booking gives them: an email, a phone number, or both. */
export interface PatientContact {
  name: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
}

/**
 * Finds the patient with this email (emails are stored lowercased) or, for a
 * patient without one, with this phone number's digits and name (among
 * patients without an email: family members may share a phone), or creates one; a returning patient's name and the
 * details given are brought up to date (a detail left out is kept).
 */
export async function upsertPatient(
  db: Executor,
  patient: PatientContact,
): Promise<{ id: string; returning: boolean }> {
  const email = patient.email ?? null;
  const phone = patient.phone ?? null;
  const values = { name: patient.name, email, phone };
  const set = {
    name: patient.name,
    phone: sql`coalesce(excluded.phone, ${patients.phone})`,
    updatedAt: new Date(),
  };
  if (email) {
    // xmax is 0 only for a freshly inserted row: tells new from returning patients in one statement.
    const [row] = await db
      .insert(patients)
      .values(values)
      .onConflictDoUpdate({ target: patients.email, set })
      .returning({ id: patients.id, returning: sql<boolean>`(xmax <> 0)` });
    return { id: row!.id, returning: Boolean(row!.returning) };
  }
  // Drizzle names conflict targets by column only: this one is the partial unique index on the
  // phone's digits and the name among patients without an email (patients_phone_only_unique).
  const { rows } = (await db.execute(sql`
    insert into ${patients} (name, phone) values (${patient.name}, ${phone})
    on conflict ((regexp_replace(phone, '[^0-9]', '', 'g')), (lower(name))) where email is null
    do update set name = excluded.name, phone = excluded.phone, updated_at = now()
    returning id, (xmax <> 0) as returning`)) as unknown as {
    rows: { id: string; returning: boolean }[];
  };
  return { id: rows[0]!.id, returning: Boolean(rows[0]!.returning) };
}

export interface NewBooking {
  id?: string;
  serviceId: string;
  practitionerId: string;
  patientId: string;
  startsAt: Date;
  endsAt: Date;
  blockedFrom: Date;
  blockedUntil: Date;
  notes: string;
  contactConsent: boolean;
  idempotencyKey: string | null;
  /** SHA-256 of the normalised request that used `idempotencyKey` (null without a key). */
  idempotencyFingerprint?: string | null;
  manageTokenHash: string | null;
  /** The treatment plan the booking belongs to (decision 027). */
  treatmentPlanId?: string | null;
}

export async function insertBooking(db: Executor, booking: NewBooking): Promise<{ id: string }> {
  const { blockedFrom, blockedUntil, ...values } = booking;
  const [row] = await db
    .insert(bookings)
    .values({ ...values, during: { start: blockedFrom, end: blockedUntil } })
    .returning({ id: bookings.id });
  return row!;
}

export async function recordBookingEvent(
  db: Executor,
  event: { bookingId: string; kind: string; actor: string; details?: Record<string, unknown> },
): Promise<void> {
  await db.insert(bookingEvents).values({ ...event, details: event.details ?? {} });
}

/** A booking with what a patient or an email needs to know about it. */
export interface BookingDetails {
  id: string;
  status: BookingStatus;
  startsAt: Date;
  endsAt: Date;
  notes: string;
  sequence: number;
  cancellationReason: string | null;
  idempotencyKey: string | null;
  /** Null for bookings made before fingerprints were kept (migration 0005). */
  idempotencyFingerprint: string | null;
  service: {
    id: string;
    slug: string;
    name: string;
    durationMinutes: number;
    bufferBeforeMinutes: number;
    bufferAfterMinutes: number;
  };
  practitioner: { id: string; slug: string; name: string };
  patient: { id: string; name: string; email: string | null; phone: string | null };
}

async function findBookingWhere(db: Executor, where: ReturnType<typeof eq>) {
  const [row] = await db
    .select({
      booking: bookings,
      service: services,
      practitioner: { id: practitioners.id, slug: practitioners.slug, name: practitioners.name },
      patient: {
        id: patients.id,
        name: patients.name,
        email: patients.email,
        phone: patients.phone,
      },
    })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .where(where)
    .limit(1);
  if (!row) return null;
  const { booking, service } = row;
  const details: BookingDetails = {
    id: booking.id,
    status: booking.status,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    notes: booking.notes,
    sequence: booking.sequence,
    cancellationReason: booking.cancellationReason,
    idempotencyKey: booking.idempotencyKey,
    idempotencyFingerprint: booking.idempotencyFingerprint,
    service: {
      id: service.id,
      slug: service.slug,
      name: service.name,
      durationMinutes: service.durationMinutes,
      bufferBeforeMinutes: service.bufferBeforeMinutes,
      bufferAfterMinutes: service.bufferAfterMinutes,
    },
    practitioner: row.practitioner,
    patient: row.patient,
  };
  return details;
}

export function findBookingById(db: Executor, id: string): Promise<BookingDetails | null> {
  return findBookingWhere(db, eq(bookings.id, id));
}

export function findBookingByManageTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<BookingDetails | null> {
  return findBookingWhere(db, eq(bookings.manageTokenHash, tokenHash));
}

export function findBookingByIdempotencyKey(
  db: Executor,
  key: string,
): Promise<BookingDetails | null> {
  return findBookingWhere(db, eq(bookings.idempotencyKey, key));
}

/**
 * Gives a booking made before fingerprints were kept the fingerprint of the
 * first request that replays its key. Only a NULL is ever filled, so of two
 * racing claims one wins; returns whether this one did.
 */
export async function claimIdempotencyFingerprint(
  db: Executor,
  bookingId: string,
  fingerprint: string,
): Promise<boolean> {
  const rows = await db
    .update(bookings)
    .set({ idempotencyFingerprint: fingerprint })
    .where(and(eq(bookings.id, bookingId), isNull(bookings.idempotencyFingerprint)))
    .returning({ id: bookings.id });
  return rows.length === 1;
}

export async function cancelBooking(
  db: Executor,
  bookingId: string,
  options: { reason: string | null; at: Date },
): Promise<void> {
  await db
    .update(bookings)
    .set({
      status: "cancelled",
      cancellationReason: options.reason,
      cancelledAt: options.at,
      sequence: sql`${bookings.sequence} + 1`,
    })
    .where(eq(bookings.id, bookingId));
}

/** Moves a booking; the exclusion constraint refuses a time that is already taken. */
export async function moveBooking(
  db: Executor,
  bookingId: string,
  to: {
    startsAt: Date;
    endsAt: Date;
    blockedFrom: Date;
    blockedUntil: Date;
    /** Another practitioner's diary (staff only); the same one when left out. */
    practitionerId?: string;
  },
): Promise<void> {
  await db
    .update(bookings)
    .set({
      ...(to.practitionerId ? { practitionerId: to.practitionerId } : {}),
      startsAt: to.startsAt,
      endsAt: to.endsAt,
      during: { start: to.blockedFrom, end: to.blockedUntil },
      sequence: sql`${bookings.sequence} + 1`,
    })
    .where(eq(bookings.id, bookingId));
}
