import type { BookingStatus } from "@clinic/domain";
import { and, asc, count, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Executor } from "../database.js";
import { bookings, patients, practitioners, services } from "../schema.js";
import { patientSearchCondition } from "./patients.js";

/** What the staff bookings list (and its CSV export) filters on; instants, not local dates. */
export interface BookingsListFilter {
  /** Bookings that start in `[from, to)`. */
  from: Date;
  to: Date;
  practitionerId?: string | undefined;
  serviceId?: string | undefined;
  status?: BookingStatus | undefined;
  patientId?: string | undefined;
  /** The patient's name, email or phone contains this. */
  query?: string | undefined;
}

/** A booking as the staff list shows it. */
export interface BookingsListRow {
  id: string;
  status: BookingStatus;
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  practitioner: { id: string; name: string };
  service: { id: string; name: string };
  patient: {
    id: string;
    name: string;
    email: string | null;
    phone: string | null;
    erased: boolean;
  };
}

function listConditions(filter: BookingsListFilter): SQL | undefined {
  return and(
    gte(bookings.startsAt, filter.from),
    lt(bookings.startsAt, filter.to),
    filter.practitionerId ? eq(bookings.practitionerId, filter.practitionerId) : undefined,
    filter.serviceId ? eq(bookings.serviceId, filter.serviceId) : undefined,
    filter.status ? eq(bookings.status, filter.status) : undefined,
    filter.patientId ? eq(bookings.patientId, filter.patientId) : undefined,
    patientSearchCondition(filter.query),
  );
}

/** How many bookings match, for paging (and to refuse an export that is too large). */
export async function countBookingsList(db: Executor, filter: BookingsListFilter): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(bookings)
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .where(listConditions(filter));
  return row?.n ?? 0;
}

/**
 * Matching bookings by start time, then id (a stable order, so pages never skip or repeat
 * a booking that shares its start with another), a page at a time.
 */
export async function listBookingsPage(
  db: Executor,
  filter: BookingsListFilter & { limit: number; offset: number },
): Promise<BookingsListRow[]> {
  const rows = await db
    .select({
      id: bookings.id,
      status: bookings.status,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      createdAt: bookings.createdAt,
      practitioner: { id: practitioners.id, name: practitioners.name },
      service: { id: services.id, name: services.name },
      patient: {
        id: patients.id,
        name: patients.name,
        email: patients.email,
        phone: patients.phone,
        erasedAt: patients.erasedAt,
      },
    })
    .from(bookings)
    .innerJoin(patients, eq(patients.id, bookings.patientId))
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(listConditions(filter))
    .orderBy(asc(bookings.startsAt), asc(bookings.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return rows.map(({ patient: { erasedAt, ...patient }, ...row }) => ({
    ...row,
    patient: { ...patient, erased: erasedAt !== null },
  }));
}
