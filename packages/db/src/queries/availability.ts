import type { SlotPractitioner } from "@clinic/domain";
import { and, asc, eq, gte, inArray, lte, ne, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import {
  bookings,
  clinicClosures,
  practitioners,
  servicePractitioners,
  services,
  timeOff,
  workingHours,
} from "../schema.js";

export interface BookableService {
  id: string;
  slug: string;
  name: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  priceCents: number;
  /** Active practitioners who offer it, in display order. */
  practitioners: { id: string; slug: string; name: string }[];
}

/** An active service with the active practitioners who offer it, or null. */
export async function findBookableService(
  db: Executor,
  serviceId: string,
): Promise<BookableService | null> {
  const [service] = await db
    .select({
      id: services.id,
      slug: services.slug,
      name: services.name,
      durationMinutes: services.durationMinutes,
      bufferBeforeMinutes: services.bufferBeforeMinutes,
      bufferAfterMinutes: services.bufferAfterMinutes,
      priceCents: services.priceCents,
    })
    .from(services)
    .where(and(eq(services.id, serviceId), eq(services.active, true)));
  if (!service) return null;
  const offeredBy = await db
    .select({ id: practitioners.id, slug: practitioners.slug, name: practitioners.name })
    .from(servicePractitioners)
    .innerJoin(practitioners, eq(practitioners.id, servicePractitioners.practitionerId))
    .where(and(eq(servicePractitioners.serviceId, serviceId), eq(practitioners.active, true)))
    .orderBy(asc(practitioners.sortOrder), asc(practitioners.name));
  return { ...service, practitioners: offeredBy };
}

/**
 * Everything the slot engine needs for these practitioners around a window
 * of instants: weekly hours, time off and the time their bookings block.
 * `ignoreBookingId` leaves one booking out (it is being moved).
 */
export async function loadSlotPractitioners(
  db: Executor,
  options: {
    practitionerIds: string[];
    from: Date;
    to: Date;
    ignoreBookingId?: string | undefined;
  },
): Promise<SlotPractitioner[]> {
  const ids = options.practitionerIds;
  if (ids.length === 0) return [];
  // Local dates can be a day either side of UTC dates; a day's margin keeps every overlap.
  const margin = 36 * 60 * 60 * 1000;
  const fromDate = new Date(options.from.getTime() - margin).toISOString().slice(0, 10);
  const toDate = new Date(options.to.getTime() + margin).toISOString().slice(0, 10);
  const [hours, off, busy] = await Promise.all([
    db.select().from(workingHours).where(inArray(workingHours.practitionerId, ids)),
    db
      .select()
      .from(timeOff)
      .where(
        and(
          inArray(timeOff.practitionerId, ids),
          gte(timeOff.endDate, fromDate),
          lte(timeOff.startDate, toDate),
        ),
      ),
    db
      .select({ practitionerId: bookings.practitionerId, during: bookings.during })
      .from(bookings)
      .where(
        and(
          inArray(bookings.practitionerId, ids),
          ne(bookings.status, "cancelled"),
          sql`${bookings.during} && tstzrange(${new Date(options.from.getTime() - margin)}, ${new Date(options.to.getTime() + margin)})`,
          options.ignoreBookingId ? ne(bookings.id, options.ignoreBookingId) : undefined,
        ),
      ),
  ]);
  return ids.map((id) => ({
    id,
    weeklyHours: hours
      .filter((h) => h.practitionerId === id)
      .map((h) => ({ weekday: h.weekday, start: h.startTime, end: h.endTime })),
    timeOff: off
      .filter((t) => t.practitionerId === id)
      .map((t) => ({
        startDate: t.startDate,
        endDate: t.endDate,
        startTime: t.startTime,
        endTime: t.endTime,
      })),
    busy: busy.filter((b) => b.practitionerId === id).map((b) => b.during),
  }));
}

export async function listClinicClosures(
  db: Executor,
  range: { fromDate: string; toDate: string },
): Promise<{ startDate: string; endDate: string; reason: string }[]> {
  return db
    .select({
      startDate: clinicClosures.startDate,
      endDate: clinicClosures.endDate,
      reason: clinicClosures.reason,
    })
    .from(clinicClosures)
    .where(
      and(gte(clinicClosures.endDate, range.fromDate), lte(clinicClosures.startDate, range.toDate)),
    );
}

/** How many active bookings each practitioner has from `from` to `to`, to share out "first available". */
export async function countBookingsByPractitioner(
  db: Executor,
  options: { practitionerIds: string[]; from: Date; to: Date },
): Promise<Map<string, number>> {
  if (options.practitionerIds.length === 0) return new Map();
  const rows = await db
    .select({ practitionerId: bookings.practitionerId, n: sql<number>`count(*)::int` })
    .from(bookings)
    .where(
      and(
        inArray(bookings.practitionerId, options.practitionerIds),
        ne(bookings.status, "cancelled"),
        gte(bookings.startsAt, options.from),
        lte(bookings.startsAt, options.to),
      ),
    )
    .groupBy(bookings.practitionerId);
  return new Map(rows.map((r) => [r.practitionerId, r.n]));
}
