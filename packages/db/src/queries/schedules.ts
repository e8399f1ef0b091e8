import type { WorkingHoursRange } from "@clinic/domain";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import {
  clinicClosures,
  practitioners,
  servicePractitioners,
  services,
  timeOff,
  workingHours,
} from "../schema.js";

export interface TimeOffEntry {
  id: string;
  practitionerId: string;
  startDate: string;
  endDate: string;
  startTime: string | null;
  endTime: string | null;
  reason: string;
  createdAt: Date;
}

export interface ClosureEntry {
  id: string;
  startDate: string;
  endDate: string;
  reason: string;
  createdAt: Date;
}

/**
 * The practitioner, or null. With `lock`, the row is locked until the
 * transaction ends, so two changes to one diary's hours queue up.
 */
export async function findPractitionerForSchedule(
  db: Executor,
  practitionerId: string,
  options: { lock?: boolean } = {},
): Promise<{ id: string; slug: string; name: string; active: boolean } | null> {
  const query = db
    .select({
      id: practitioners.id,
      slug: practitioners.slug,
      name: practitioners.name,
      active: practitioners.active,
    })
    .from(practitioners)
    .where(eq(practitioners.id, practitionerId));
  const [row] = options.lock ? await query.for("update") : await query;
  return row ?? null;
}

/** A practitioner's weekly hours, by weekday and start. */
export async function getWeeklyHours(
  db: Executor,
  practitionerId: string,
): Promise<WorkingHoursRange[]> {
  return db
    .select({
      weekday: workingHours.weekday,
      start: workingHours.startTime,
      end: workingHours.endTime,
    })
    .from(workingHours)
    .where(eq(workingHours.practitionerId, practitionerId))
    .orderBy(asc(workingHours.weekday), asc(workingHours.startTime));
}

/** Replaces a practitioner's whole week; call it in a transaction. */
export async function replaceWeeklyHours(
  db: Executor,
  practitionerId: string,
  ranges: readonly WorkingHoursRange[],
): Promise<void> {
  await db.delete(workingHours).where(eq(workingHours.practitionerId, practitionerId));
  if (ranges.length === 0) return;
  await db.insert(workingHours).values(
    ranges.map((r) => ({
      practitionerId,
      weekday: r.weekday,
      startTime: r.start,
      endTime: r.end,
    })),
  );
}

/** A practitioner's time off ending on or after `fromDate`, by start. */
export async function listTimeOff(
  db: Executor,
  options: { practitionerId: string; fromDate: string },
): Promise<TimeOffEntry[]> {
  return db
    .select()
    .from(timeOff)
    .where(
      and(
        eq(timeOff.practitionerId, options.practitionerId),
        gte(timeOff.endDate, options.fromDate),
      ),
    )
    .orderBy(asc(timeOff.startDate), asc(timeOff.startTime));
}

export async function insertTimeOff(
  db: Executor,
  entry: Omit<TimeOffEntry, "id" | "createdAt">,
): Promise<TimeOffEntry> {
  const [row] = await db.insert(timeOff).values(entry).returning();
  return row!;
}

export async function findTimeOff(db: Executor, id: string): Promise<TimeOffEntry | null> {
  const [row] = await db.select().from(timeOff).where(eq(timeOff.id, id));
  return row ?? null;
}

export async function deleteTimeOff(db: Executor, id: string): Promise<void> {
  await db.delete(timeOff).where(eq(timeOff.id, id));
}

/** Serialises closure writes that check before inserting (accepting a holiday twice at once). */
const CLOSURES_LOCK_KEY = 724_310_613;

/** Holds the clinic-closures lock until the caller's transaction ends. */
export async function lockClosures(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CLOSURES_LOCK_KEY})`);
}

/** Clinic closures, by start; only those ending on or after `fromDate` when given. */
export async function listClosures(
  db: Executor,
  options: { fromDate?: string } = {},
): Promise<ClosureEntry[]> {
  return db
    .select()
    .from(clinicClosures)
    .where(options.fromDate ? gte(clinicClosures.endDate, options.fromDate) : undefined)
    .orderBy(asc(clinicClosures.startDate));
}

export async function insertClosure(
  db: Executor,
  entry: Omit<ClosureEntry, "id" | "createdAt">,
): Promise<ClosureEntry> {
  const [row] = await db.insert(clinicClosures).values(entry).returning();
  return row!;
}

export async function findClosure(db: Executor, id: string): Promise<ClosureEntry | null> {
  const [row] = await db.select().from(clinicClosures).where(eq(clinicClosures.id, id));
  return row ?? null;
}

export async function deleteClosure(db: Executor, id: string): Promise<void> {
  await db.delete(clinicClosures).where(eq(clinicClosures.id, id));
}

/**
 * The shortest active service the practitioner offers (ties: display order),
 * the natural probe for "which times could be booked"; null if none.
 */
export async function findShortestServiceFor(db: Executor, practitionerId: string) {
  const [row] = await db
    .select({
      id: services.id,
      name: services.name,
      durationMinutes: services.durationMinutes,
      bufferBeforeMinutes: services.bufferBeforeMinutes,
      bufferAfterMinutes: services.bufferAfterMinutes,
    })
    .from(servicePractitioners)
    .innerJoin(services, eq(services.id, servicePractitioners.serviceId))
    .where(and(eq(servicePractitioners.practitionerId, practitionerId), eq(services.active, true)))
    .orderBy(asc(services.durationMinutes), asc(services.sortOrder))
    .limit(1);
  return row ?? null;
}
