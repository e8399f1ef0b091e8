import type { BookingStatus } from "@clinic/domain";
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import { bookings, patients, practitioners, services } from "../schema.js";

export interface PatientListItem {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  createdAt: Date;
  /** Bookings that were not cancelled, past and future. */
  bookingCount: number;
  /** The start of their next confirmed appointment, if any. */
  nextVisit: Date | null;
  /** The start of their latest appointment that has begun (not cancelled, not a no-show). */
  lastVisit: Date | null;
}

/** `%text%` for LIKE, with the pattern characters in `text` taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Patients whose name, email or phone contains `query` (case-insensitive; phone numbers also
 * ignoring spaces and punctuation); nothing to match on when the query is empty.
 */
export function patientSearchCondition(query: string | undefined): SQL | undefined {
  const text = query?.trim();
  if (!text) return undefined;
  const pattern = containsPattern(text);
  const digits = text.replace(/\D/g, "");
  return or(
    ilike(patients.name, pattern),
    ilike(patients.email, pattern),
    ilike(patients.phone, pattern),
    // "0412345678" finds "0412 345 678": compare digits only once the query has a few.
    digits.length >= 3 && digits.length === text.replace(/[\s()+-]/g, "").length
      ? sql`regexp_replace(${patients.phone}, '[^0-9]', '', 'g') like ${containsPattern(digits)}`
      : undefined,
  );
}

/**
 * Patients whose name, email or phone contains `query` (case-insensitive;
 * phone numbers also match ignoring spaces), by name, a page at a time, with
 * their booking counts and next and last visits.
 */
export async function searchPatients(
  db: Executor,
  options: { query?: string | undefined; limit: number; offset: number; now: Date },
): Promise<{ patients: PatientListItem[]; total: number }> {
  const where = patientSearchCondition(options.query);
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({
        id: patients.id,
        name: patients.name,
        email: patients.email,
        phone: patients.phone,
        createdAt: patients.createdAt,
      })
      .from(patients)
      .where(where)
      .orderBy(asc(sql`lower(${patients.name})`), asc(patients.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ n: count() }).from(patients).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const stats =
    ids.length === 0
      ? []
      : await db
          .select({
            patientId: bookings.patientId,
            bookingCount: sql<number>`(count(*) filter (where ${bookings.status} <> 'cancelled'))::int`,
            nextVisit: sql<
              string | null
            >`min(${bookings.startsAt}) filter (where ${bookings.status} = 'confirmed' and ${bookings.startsAt} > ${options.now})`,
            lastVisit: sql<
              string | null
            >`max(${bookings.startsAt}) filter (where ${bookings.status} in ('confirmed', 'completed') and ${bookings.startsAt} <= ${options.now})`,
          })
          .from(bookings)
          .where(inArray(bookings.patientId, ids))
          .groupBy(bookings.patientId);
  const byPatient = new Map(stats.map((s) => [s.patientId, s]));
  const asDate = (value: string | Date | null | undefined) => (value ? new Date(value) : null);
  return {
    total: totalRow?.n ?? 0,
    patients: rows.map((row) => {
      const s = byPatient.get(row.id);
      return {
        ...row,
        bookingCount: Number(s?.bookingCount ?? 0),
        nextVisit: asDate(s?.nextVisit),
        lastVisit: asDate(s?.lastVisit),
      };
    }),
  };
}

export interface PatientBooking {
  id: string;
  status: BookingStatus;
  startsAt: Date;
  endsAt: Date;
  notes: string;
  cancellationReason: string | null;
  service: { id: string; name: string };
  practitioner: { id: string; name: string };
}

/** A patient's contact details and every booking they made, newest first; null if unknown. */
export async function findPatientWithBookings(
  db: Executor,
  patientId: string,
): Promise<{
  patient: {
    id: string;
    name: string;
    email: string | null;
    phone: string | null;
    createdAt: Date;
    updatedAt: Date;
    /** When their details were erased (decision 018); null for everyone else. */
    erasedAt: Date | null;
  };
  bookings: PatientBooking[];
} | null> {
  const [patient] = await db
    .select({
      id: patients.id,
      name: patients.name,
      email: patients.email,
      phone: patients.phone,
      createdAt: patients.createdAt,
      updatedAt: patients.updatedAt,
      erasedAt: patients.erasedAt,
    })
    .from(patients)
    .where(eq(patients.id, patientId));
  if (!patient) return null;
  const history = await db
    .select({
      id: bookings.id,
      status: bookings.status,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      notes: bookings.notes,
      cancellationReason: bookings.cancellationReason,
      service: { id: services.id, name: services.name },
      practitioner: { id: practitioners.id, name: practitioners.name },
    })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .where(and(eq(bookings.patientId, patientId)))
    .orderBy(desc(bookings.startsAt), desc(bookings.id));
  return { patient, bookings: history };
}

/**
 * Who the given ids are, for pages that show a patient's id as a name (the audit log keeps
 * ids only, so an erasure leaves nothing behind there): `name` is null once erased or gone.
 */
export async function patientNamesByIds(
  db: Executor,
  ids: readonly string[],
): Promise<{ id: string; name: string | null }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: patients.id, name: patients.name, erasedAt: patients.erasedAt })
    .from(patients)
    .where(inArray(patients.id, [...ids]));
  const names = new Map(rows.map((r) => [r.id, r.erasedAt ? null : r.name]));
  // An id with no row any more is a patient who is gone: as good as erased.
  return ids.map((id) => ({ id, name: names.get(id) ?? null }));
}
