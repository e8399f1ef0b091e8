import { sql } from "drizzle-orm";
import type { Executor } from "../database.js";

/** Bookings starting in a period for one practitioner, service and channel, counted by outcome. */
export interface ReportBookingGroup {
  practitionerId: string;
  serviceId: string;
  serviceName: string;
  channel: "online" | "staff" | "unrecorded";
  bookings: number;
  confirmed: number;
  completed: number;
  noShows: number;
  cancelled: number;
  lateCancellations: number;
  /** Appointment time (buffers not included) of bookings not cancelled. */
  bookedMinutes: number;
  revenueCents: number;
}

export interface ReportPatientCounts {
  /** null: every practitioner together (a patient seen by two counts once). */
  practitionerId: string | null;
  patients: number;
  newPatients: number;
}

interface ReportRange {
  from: Date;
  to: Date;
  practitionerId?: string | undefined;
}

const practitionerFilter = (id: string | undefined) =>
  id === undefined ? sql`true` : sql`b.practitioner_id = ${id}`;

/**
 * Bookings starting in `[from, to)` grouped by practitioner, service and channel. The channel
 * is the booking's "created" history entry's actor ("patient": online; a staff id: staff).
 * A late cancellation was cancelled less than `cancellationWindowHours` before the start.
 * Revenue is today's price of the service for completed bookings and confirmed ones that have
 * ended by `now` (no-shows, cancellations and future bookings earn nothing).
 */
export async function reportBookingGroups(
  db: Executor,
  range: ReportRange & { now: Date; cancellationWindowHours: number },
): Promise<ReportBookingGroup[]> {
  const rows = (await db.execute(sql`
    select b.practitioner_id, b.service_id, s.name as service_name,
      coalesce(
        (select case when e.actor = 'patient' then 'online' else 'staff' end
           from booking_events e
          where e.booking_id = b.id and e.kind = 'created'
          order by e.created_at limit 1),
        'unrecorded') as channel,
      count(*)::int as bookings,
      (count(*) filter (where b.status = 'confirmed'))::int as confirmed,
      (count(*) filter (where b.status = 'completed'))::int as completed,
      (count(*) filter (where b.status = 'no_show'))::int as no_shows,
      (count(*) filter (where b.status = 'cancelled'))::int as cancelled,
      (count(*) filter (where b.status = 'cancelled' and b.cancelled_at is not null
        and b.cancelled_at > b.starts_at - make_interval(hours => ${range.cancellationWindowHours}::int)))::int
        as late_cancellations,
      coalesce(round(sum(extract(epoch from b.ends_at - b.starts_at) / 60)
        filter (where b.status <> 'cancelled')), 0)::int as booked_minutes,
      coalesce(sum(s.price_cents) filter (where b.status = 'completed'
        or (b.status = 'confirmed' and b.ends_at <= ${range.now.toISOString()}::timestamptz)), 0)::bigint as revenue_cents
    from bookings b
    join services s on s.id = b.service_id
    where b.starts_at >= ${range.from.toISOString()}::timestamptz and b.starts_at < ${range.to.toISOString()}::timestamptz
      and ${practitionerFilter(range.practitionerId)}
    group by 1, 2, 3, 4
  `)) as unknown as { rows: Record<string, unknown>[] };
  return rows.rows.map((r) => ({
    practitionerId: String(r.practitioner_id),
    serviceId: String(r.service_id),
    serviceName: String(r.service_name),
    channel: r.channel as ReportBookingGroup["channel"],
    bookings: Number(r.bookings),
    confirmed: Number(r.confirmed),
    completed: Number(r.completed),
    noShows: Number(r.no_shows),
    cancelled: Number(r.cancelled),
    lateCancellations: Number(r.late_cancellations),
    bookedMinutes: Number(r.booked_minutes),
    revenueCents: Number(r.revenue_cents),
  }));
}

/**
 * Patients with a booking (not cancelled) starting in `[from, to)`, per practitioner and in
 * all; "new" ones are those whose first booking ever (not cancelled, with anyone) is in it.
 */
export async function reportPatientCounts(
  db: Executor,
  range: ReportRange,
): Promise<ReportPatientCounts[]> {
  const rows = (await db.execute(sql`
    with seen as (
      select b.practitioner_id, b.patient_id
        from bookings b
       where b.status <> 'cancelled' and b.starts_at >= ${range.from.toISOString()}::timestamptz and b.starts_at < ${range.to.toISOString()}::timestamptz
         and ${practitionerFilter(range.practitionerId)}
    ),
    firsts as (
      select f.patient_id, min(f.starts_at) as first_at
        from bookings f
       where f.status <> 'cancelled' and f.patient_id in (select patient_id from seen)
       group by f.patient_id
    )
    select seen.practitioner_id,
      count(distinct seen.patient_id)::int as patients,
      (count(distinct seen.patient_id) filter (where firsts.first_at >= ${range.from.toISOString()}::timestamptz))::int as new_patients
    from seen join firsts on firsts.patient_id = seen.patient_id
    group by grouping sets ((seen.practitioner_id), ())
  `)) as unknown as { rows: Record<string, unknown>[] };
  return rows.rows.map((r) => ({
    practitionerId: r.practitioner_id === null ? null : String(r.practitioner_id),
    patients: Number(r.patients),
    newPatients: Number(r.new_patients),
  }));
}

/** Treatment plans in a period (decision 027). */
export interface ReportTreatmentPlanCounts {
  /** Plans whose first appointment (the earliest of their bookings) starts in the period. */
  plansStarted: number;
  /** Bookings starting in the period that belong to a plan, cancelled ones left out. */
  planBookings: number;
}

/**
 * Plans started and plan bookings in `[from, to)`; with a practitioner, their bookings only
 * (a plan counts as theirs when its first appointment is).
 */
export async function reportTreatmentPlanCounts(
  db: Executor,
  range: ReportRange,
): Promise<ReportTreatmentPlanCounts> {
  const rows = (await db.execute(sql`
    select
      (select count(*)::int from (
         select distinct on (b.treatment_plan_id) b.treatment_plan_id, b.starts_at, b.practitioner_id
           from bookings b
          where b.treatment_plan_id is not null
          order by b.treatment_plan_id, b.starts_at, b.id
       ) b
       where b.starts_at >= ${range.from.toISOString()}::timestamptz and b.starts_at < ${range.to.toISOString()}::timestamptz
         and ${practitionerFilter(range.practitionerId)}) as plans_started,
      (select count(*)::int from bookings b
        where b.treatment_plan_id is not null and b.status <> 'cancelled'
          and b.starts_at >= ${range.from.toISOString()}::timestamptz and b.starts_at < ${range.to.toISOString()}::timestamptz
          and ${practitionerFilter(range.practitionerId)}) as plan_bookings
  `)) as unknown as { rows: { plans_started: number; plan_bookings: number }[] };
  const row = rows.rows[0];
  return {
    plansStarted: Number(row?.plans_started ?? 0),
    planBookings: Number(row?.plan_bookings ?? 0),
  };
}
