import type { BookingStatus } from "@clinic/domain";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../database.js";
import { bookings, practitioners, services, staffUsers, treatmentPlans } from "../schema.js";

export interface NewTreatmentPlan {
  patientId: string;
  serviceId: string;
  /** Null for any practitioner who offers the service. */
  practitionerId: string | null;
  intervalUnit: "day" | "week";
  intervalCount: number;
  occurrenceCount: number | null;
  untilDate: string | null;
  firstStartsAt: Date;
  idempotencyKey: string | null;
  createdBy: string | null;
}

export async function insertTreatmentPlan(
  db: Executor,
  plan: NewTreatmentPlan,
): Promise<{ id: string }> {
  const [row] = await db.insert(treatmentPlans).values(plan).returning({ id: treatmentPlans.id });
  return row!;
}

/** The plan an earlier request with this idempotency key made, if any. */
export async function findTreatmentPlanIdByIdempotencyKey(
  db: Executor,
  key: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: treatmentPlans.id })
    .from(treatmentPlans)
    .where(eq(treatmentPlans.idempotencyKey, key))
    .limit(1);
  return row?.id ?? null;
}

/** The plan a booking belongs to, or null for a booking made on its own. */
export async function findTreatmentPlanIdOfBooking(
  db: Executor,
  bookingId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ planId: bookings.treatmentPlanId })
    .from(bookings)
    .where(eq(bookings.id, bookingId))
    .limit(1);
  return row?.planId ?? null;
}

/** One appointment of a plan, numbered by start time. */
export interface TreatmentPlanBooking {
  id: string;
  /** 1-based, in start order among all the plan's bookings (cancelled ones included). */
  position: number;
  status: BookingStatus;
  startsAt: Date;
  endsAt: Date;
  practitioner: { id: string; name: string };
}

export interface TreatmentPlanWithBookings {
  id: string;
  patientId: string;
  service: { id: string; name: string };
  /** Null: any practitioner who offers the service. */
  practitioner: { id: string; name: string } | null;
  intervalUnit: "day" | "week";
  intervalCount: number;
  occurrenceCount: number | null;
  untilDate: string | null;
  firstStartsAt: Date;
  createdAt: Date;
  /** Null when the staff account is gone. */
  createdBy: { id: string; name: string } | null;
  bookings: TreatmentPlanBooking[];
}

async function plansWhere(
  db: Executor,
  where: ReturnType<typeof eq>,
): Promise<TreatmentPlanWithBookings[]> {
  const rows = await db
    .select({
      plan: treatmentPlans,
      service: { id: services.id, name: services.name },
      practitioner: { id: practitioners.id, name: practitioners.name },
      creator: { id: staffUsers.id, name: staffUsers.name },
    })
    .from(treatmentPlans)
    .innerJoin(services, eq(services.id, treatmentPlans.serviceId))
    .leftJoin(practitioners, eq(practitioners.id, treatmentPlans.practitionerId))
    .leftJoin(staffUsers, eq(staffUsers.id, treatmentPlans.createdBy))
    .where(where)
    .orderBy(desc(treatmentPlans.firstStartsAt), desc(treatmentPlans.createdAt));
  if (rows.length === 0) return [];
  const planIds = rows.map((r) => r.plan.id);
  const bookingRows = await db
    .select({
      id: bookings.id,
      planId: bookings.treatmentPlanId,
      status: bookings.status,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      practitioner: { id: practitioners.id, name: practitioners.name },
    })
    .from(bookings)
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .where(inArray(bookings.treatmentPlanId, planIds))
    .orderBy(asc(bookings.startsAt), asc(bookings.id));
  const byPlan = new Map<string, TreatmentPlanBooking[]>();
  for (const b of bookingRows) {
    const list = byPlan.get(b.planId!) ?? [];
    list.push({
      id: b.id,
      position: list.length + 1,
      status: b.status,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      practitioner: b.practitioner,
    });
    byPlan.set(b.planId!, list);
  }
  return rows.map(({ plan, service, practitioner, creator }) => ({
    id: plan.id,
    patientId: plan.patientId,
    service,
    practitioner: plan.practitionerId && practitioner?.id ? practitioner : null,
    intervalUnit: plan.intervalUnit === "day" ? "day" : "week",
    intervalCount: plan.intervalCount,
    occurrenceCount: plan.occurrenceCount,
    untilDate: plan.untilDate,
    firstStartsAt: plan.firstStartsAt,
    createdAt: plan.createdAt,
    createdBy: creator?.id ? creator : null,
    bookings: byPlan.get(plan.id) ?? [],
  }));
}

/** One plan with its bookings in start order, or null. */
export async function findTreatmentPlan(
  db: Executor,
  planId: string,
): Promise<TreatmentPlanWithBookings | null> {
  const [plan] = await plansWhere(db, eq(treatmentPlans.id, planId));
  return plan ?? null;
}

/**
 * A patient's treatment plans, latest first, each with its bookings in start
 * order (cancelled ones included, with their status): for the admin's patient
 * page and the patient's own pages.
 */
export function listTreatmentPlansForPatient(
  db: Executor,
  patientId: string,
): Promise<TreatmentPlanWithBookings[]> {
  return plansWhere(db, eq(treatmentPlans.patientId, patientId));
}

/** A plan's confirmed bookings starting at or after `from`, in start order. */
export async function listPlanBookingIdsFrom(
  db: Executor,
  planId: string,
  from: Date,
): Promise<string[]> {
  const rows = await db
    .select({ id: bookings.id, startsAt: bookings.startsAt })
    .from(bookings)
    .where(and(eq(bookings.treatmentPlanId, planId), eq(bookings.status, "confirmed")))
    .orderBy(asc(bookings.startsAt));
  return rows.filter((r) => r.startsAt.getTime() >= from.getTime()).map((r) => r.id);
}
