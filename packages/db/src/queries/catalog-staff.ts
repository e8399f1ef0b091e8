import { and, asc, count, eq, getTableColumns, gt, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import { bookings, practitioners, servicePractitioners, services } from "../schema.js";
import type { PractitionerRef } from "./catalog-public.js";

/** Staff views and writes: every practitioner and service, active or not. */

type PractitionerRow = typeof practitioners.$inferSelect;
type ServiceRow = typeof services.$inferSelect;

export type StaffPractitioner = Omit<PractitionerRow, "calendarTokenHash"> & {
  services: (PractitionerRef & { active: boolean })[];
  /** Bookings of any status: while there are any, the practitioner can only be deactivated. */
  bookingCount: number;
};

export type StaffService = ServiceRow & {
  practitioners: (PractitionerRef & { active: boolean })[];
  bookingCount: number;
};

export type PractitionerValues = Pick<
  PractitionerRow,
  "slug" | "name" | "title" | "bio" | "photoUrl" | "active" | "sortOrder"
>;

/** An uploaded photo's variants and alt text, set (or cleared) together with `photoUrl`. */
export type PractitionerPhotoValues = Pick<PractitionerRow, "photoUrl" | "photo" | "photoAlt">;

export type ServiceValues = Pick<
  ServiceRow,
  | "slug"
  | "name"
  | "summary"
  | "description"
  | "durationMinutes"
  | "bufferBeforeMinutes"
  | "bufferAfterMinutes"
  | "priceCents"
  | "patientType"
  | "active"
  | "sortOrder"
>;

const allLinks = (db: Executor, narrow?: SQL) =>
  db
    .select({
      serviceId: services.id,
      serviceSlug: services.slug,
      serviceName: services.name,
      serviceActive: services.active,
      practitionerId: practitioners.id,
      practitionerSlug: practitioners.slug,
      practitionerName: practitioners.name,
      practitionerActive: practitioners.active,
    })
    .from(servicePractitioners)
    .innerJoin(services, eq(services.id, servicePractitioners.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, servicePractitioners.practitionerId))
    .where(narrow)
    .orderBy(asc(services.sortOrder), asc(services.name), asc(practitioners.sortOrder));

async function bookingCounts(
  db: Executor,
  column: typeof bookings.practitionerId | typeof bookings.serviceId,
  ids: string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: column, n: count() })
    .from(bookings)
    .where(inArray(column, ids))
    .groupBy(column);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function listStaffPractitioners(
  db: Executor,
  filter: { id?: string } = {},
): Promise<StaffPractitioner[]> {
  const { calendarTokenHash: _secret, ...columns } = getTableColumns(practitioners);
  const rows = await db
    .select(columns)
    .from(practitioners)
    .where(filter.id ? eq(practitioners.id, filter.id) : undefined)
    .orderBy(asc(practitioners.sortOrder), asc(practitioners.name));
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [links, counts] = await Promise.all([
    allLinks(db, inArray(practitioners.id, ids)),
    bookingCounts(db, bookings.practitionerId, ids),
  ]);
  return rows.map((row) => ({
    ...row,
    services: links
      .filter((l) => l.practitionerId === row.id)
      .map((l) => ({
        id: l.serviceId,
        slug: l.serviceSlug,
        name: l.serviceName,
        active: l.serviceActive,
      })),
    bookingCount: counts.get(row.id) ?? 0,
  }));
}

export async function findStaffPractitioner(
  db: Executor,
  id: string,
): Promise<StaffPractitioner | null> {
  const [row] = await listStaffPractitioners(db, { id });
  return row ?? null;
}

/**
 * Adds a practitioner. Without a `sortOrder` they go after everyone else (the largest one
 * plus one, at most 1000, the form's limit), so a new name doesn't jump to the top of the site.
 */
export async function insertPractitioner(
  db: Executor,
  values: Omit<PractitionerValues, "sortOrder"> & { sortOrder?: number | undefined },
): Promise<{ id: string; sortOrder: number }> {
  const sortOrder =
    values.sortOrder ??
    sql<number>`(select least(coalesce(max(${practitioners.sortOrder}) + 1, 0), 1000) from ${practitioners})`;
  const [row] = await db
    .insert(practitioners)
    .values({ ...values, sortOrder })
    .returning({ id: practitioners.id, sortOrder: practitioners.sortOrder });
  return row!;
}

/** Updates a practitioner; returns false when there is no such practitioner. */
export async function updatePractitioner(
  db: Executor,
  id: string,
  values: Partial<PractitionerValues & PractitionerPhotoValues>,
): Promise<boolean> {
  const rows = await db
    .update(practitioners)
    .set(values)
    .where(eq(practitioners.id, id))
    .returning({ id: practitioners.id });
  return rows.length > 0;
}

/** Deletes a practitioner (hours, time off and service links go with it); bookings must be gone. */
export async function deletePractitioner(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .delete(practitioners)
    .where(eq(practitioners.id, id))
    .returning({ id: practitioners.id });
  return rows.length > 0;
}

/** Bookings of one practitioner or service, any status (a hard delete is only allowed at zero). */
export async function countBookingsOf(
  db: Executor,
  of: { practitionerId: string } | { serviceId: string },
): Promise<number> {
  const where =
    "practitionerId" in of
      ? eq(bookings.practitionerId, of.practitionerId)
      : eq(bookings.serviceId, of.serviceId);
  const [row] = await db.select({ n: count() }).from(bookings).where(where);
  return row?.n ?? 0;
}

/** Upcoming active bookings of a practitioner or service, to warn staff deactivating it. */
export async function countUpcomingBookingsOf(
  db: Executor,
  of: { practitionerId: string } | { serviceId: string },
  now: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(bookings)
    .where(
      and(
        "practitionerId" in of
          ? eq(bookings.practitionerId, of.practitionerId)
          : eq(bookings.serviceId, of.serviceId),
        gt(bookings.startsAt, now),
        eq(bookings.status, "confirmed"),
      ),
    );
  return row?.n ?? 0;
}

/** Ids among `ids` that name no practitioner. */
export async function unknownPractitionerIds(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db
    .select({ id: practitioners.id })
    .from(practitioners)
    .where(inArray(practitioners.id, ids));
  const known = new Set(found.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

export async function listStaffServices(
  db: Executor,
  filter: { id?: string } = {},
): Promise<StaffService[]> {
  const rows = await db
    .select()
    .from(services)
    .where(filter.id ? eq(services.id, filter.id) : undefined)
    .orderBy(asc(services.sortOrder), asc(services.name));
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [links, counts] = await Promise.all([
    allLinks(db, inArray(services.id, ids)),
    bookingCounts(db, bookings.serviceId, ids),
  ]);
  return rows.map((row) => ({
    ...row,
    practitioners: links
      .filter((l) => l.serviceId === row.id)
      .map((l) => ({
        id: l.practitionerId,
        slug: l.practitionerSlug,
        name: l.practitionerName,
        active: l.practitionerActive,
      })),
    bookingCount: counts.get(row.id) ?? 0,
  }));
}

export async function findStaffService(db: Executor, id: string): Promise<StaffService | null> {
  const [row] = await listStaffServices(db, { id });
  return row ?? null;
}

export async function insertService(db: Executor, values: ServiceValues): Promise<{ id: string }> {
  const [row] = await db.insert(services).values(values).returning({ id: services.id });
  return row!;
}

export async function updateService(
  db: Executor,
  id: string,
  values: Partial<ServiceValues>,
): Promise<boolean> {
  const rows = await db
    .update(services)
    .set(values)
    .where(eq(services.id, id))
    .returning({ id: services.id });
  return rows.length > 0;
}

/** Makes `practitionerIds` exactly the practitioners offering the service. */
export async function setServicePractitioners(
  db: Executor,
  serviceId: string,
  practitionerIds: string[],
): Promise<void> {
  await db.delete(servicePractitioners).where(eq(servicePractitioners.serviceId, serviceId));
  const unique = [...new Set(practitionerIds)];
  if (unique.length > 0) {
    await db
      .insert(servicePractitioners)
      .values(unique.map((practitionerId) => ({ serviceId, practitionerId })));
  }
}

export async function deleteService(db: Executor, id: string): Promise<boolean> {
  const rows = await db.delete(services).where(eq(services.id, id)).returning({ id: services.id });
  return rows.length > 0;
}

/** Locks a practitioner or service row for the rest of the transaction (before checking it has no bookings). */
export async function lockCatalogRow(
  db: Executor,
  of: { practitionerId: string } | { serviceId: string },
): Promise<boolean> {
  const rows =
    "practitionerId" in of
      ? await db
          .select({ id: practitioners.id })
          .from(practitioners)
          .where(eq(practitioners.id, of.practitionerId))
          .for("update")
      : await db
          .select({ id: services.id })
          .from(services)
          .where(eq(services.id, of.serviceId))
          .for("update");
  return rows.length > 0;
}
