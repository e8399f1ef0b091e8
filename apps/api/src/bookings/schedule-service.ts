import {
  deleteClosure,
  deleteTimeOff,
  type Executor,
  findClosure,
  findPractitionerForSchedule,
  findShortestServiceFor,
  findTimeOff,
  getClinicSettings,
  getWeeklyHours,
  insertClosure,
  insertTimeOff,
  listClinicClosures,
  listClosures,
  listTimeOff,
  listUpcomingConfirmedBookings,
  loadSlotPractitioners,
  recordAudit,
  replaceWeeklyHours,
  type UpcomingBooking,
} from "@clinic/db";
import {
  addLocalDays,
  appointmentsOutsideSchedule,
  canOn,
  computeSlots,
  localDateOf,
  SCHEDULE_PREVIEW_DAYS,
  startOfLocalDay,
  timeOffInstants,
  type WorkingHoursRange,
} from "@clinic/domain";
import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { requireAccessTo } from "../auth/access.js";
import type { StaffContext } from "../context.js";
import { NotFoundError, PreconditionFailedError } from "../errors.js";

/** A confirmed booking a schedule change would leave outside the practitioner's hours. */
export interface OrphanBooking {
  id: string;
  startsAt: Date;
  endsAt: Date;
  practitioner: { id: string; name: string };
  serviceName: string;
  patientName: string;
}

const toOrphan = (b: UpcomingBooking): OrphanBooking => ({
  id: b.id,
  startsAt: b.startsAt,
  endsAt: b.endsAt,
  practitioner: { id: b.practitionerId, name: b.practitionerName },
  serviceName: b.serviceName,
  patientName: b.patientName,
});

/** A 30-minute appointment: the preview's probe when the practitioner offers no active service. */
const DEFAULT_PROBE = {
  id: null,
  name: "30-minute appointment",
  durationMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
};

/** What a refused schedule change sends back: every booking it would leave outside the hours. */
export interface OrphanRefusal {
  orphans: OrphanBooking[];
}

/**
 * Refuses a change that leaves bookings outside the hours unless staff have
 * confirmed it: a precondition failure whose message names the first few and
 * whose details list them all, so the admin shows them without asking again.
 */
function refuseUnconfirmed(
  orphans: OrphanBooking[],
  confirmed: boolean,
  timeZone: string,
  change: string,
): void {
  if (orphans.length === 0 || confirmed) return;
  const shown = orphans
    .slice(0, 5)
    .map(
      (o) =>
        `${format(o.startsAt, "EEE d MMM, h:mm aaa", { in: tz(timeZone) })} ${o.patientName} with ${o.practitioner.name}`,
    );
  const more = orphans.length > 5 ? ` and ${orphans.length - 5} more` : "";
  const count =
    orphans.length === 1 ? "1 confirmed booking" : `${orphans.length} confirmed bookings`;
  throw new PreconditionFailedError<OrphanRefusal>(
    `${count} would fall outside ${change}: ${shown.join("; ")}${more}. Bookings are never moved or cancelled automatically: confirm to save anyway, then contact the patients.`,
    { orphans },
  );
}

async function requirePractitioner(db: Executor, practitionerId: string, lock = false) {
  const practitioner = await findPractitionerForSchedule(db, practitionerId, { lock });
  if (!practitioner) {
    throw new NotFoundError("We couldn't find that practitioner");
  }
  return practitioner;
}

/** Upcoming confirmed bookings that fall outside `ranges` (the weekly hours alone decide). */
async function weeklyHoursOrphans(
  db: Executor,
  options: {
    practitionerId: string;
    ranges: readonly WorkingHoursRange[];
    timeZone: string;
    now: Date;
  },
): Promise<OrphanBooking[]> {
  const upcoming = await listUpcomingConfirmedBookings(db, {
    after: options.now,
    practitionerId: options.practitionerId,
  });
  return appointmentsOutsideSchedule(upcoming, {
    timeZone: options.timeZone,
    weeklyHours: options.ranges,
    timeOff: [],
    closures: [],
  }).map(toOrphan);
}

/** Upcoming confirmed bookings (of one practitioner, or all) overlapping an instant range. */
async function overlappingOrphans(
  db: Executor,
  options: { practitionerId?: string; from: Date; to: Date; now: Date },
): Promise<OrphanBooking[]> {
  const rows = await listUpcomingConfirmedBookings(db, {
    after: options.now,
    practitionerId: options.practitionerId,
    overlapFrom: options.from,
    overlapTo: options.to,
  });
  return rows.map(toOrphan);
}

/** A practitioner's weekly hours, upcoming time off and upcoming clinic closures. */
export async function scheduleOf(ctx: StaffContext, practitionerId: string) {
  const practitioner = await requirePractitioner(ctx.db, practitionerId);
  const settings = await getClinicSettings(ctx.db);
  const today = localDateOf(ctx.now(), settings.timeZone);
  const [weeklyHours, timeOff, closures] = await Promise.all([
    getWeeklyHours(ctx.db, practitionerId),
    listTimeOff(ctx.db, { practitionerId, fromDate: today }),
    listClosures(ctx.db, { fromDate: today }),
  ]);
  return {
    timeZone: settings.timeZone,
    practitioner,
    weeklyHours,
    timeOff: timeOff.map(({ practitionerId: _, ...t }) => t),
    closures,
    /** Whether the viewer may change these hours and time off. */
    canEdit: canOn(ctx.user, "schedules.write", practitionerId),
  };
}

/**
 * Replaces a practitioner's week in one transaction. Bookings are never
 * changed: if upcoming confirmed ones would fall outside the new hours, the
 * change is refused (PRECONDITION_FAILED) unless `confirmOrphans` is set.
 */
export async function setWeeklyHours(
  ctx: StaffContext,
  input: { practitionerId: string; ranges: WorkingHoursRange[]; confirmOrphans: boolean },
) {
  requireAccessTo(ctx.user, "schedules.write", input.practitionerId);
  const settings = await getClinicSettings(ctx.db);
  const now = ctx.now();
  const result = await ctx.db.transaction(async (tx) => {
    await requirePractitioner(tx, input.practitionerId, true);
    const before = await getWeeklyHours(tx, input.practitionerId);
    const orphans = await weeklyHoursOrphans(tx, { ...input, timeZone: settings.timeZone, now });
    refuseUnconfirmed(orphans, input.confirmOrphans, settings.timeZone, "the new hours");
    await replaceWeeklyHours(tx, input.practitionerId, input.ranges);
    await recordAudit(tx, {
      at: ctx.now(),
      actor: { id: ctx.user.id, name: ctx.user.name },
      action: "schedule.set_weekly_hours",
      entity: "practitioner",
      entityId: input.practitionerId,
      changes: {
        before,
        after: input.ranges,
        ...(orphans.length > 0 ? { bookingsOutsideHours: orphans.map((o) => o.id) } : {}),
      },
    });
    return { orphans };
  });
  const weeklyHours = await getWeeklyHours(ctx.db, input.practitionerId);
  return { weeklyHours, orphans: result.orphans };
}

/**
 * Adds time off for a practitioner; upcoming confirmed bookings it covers
 * refuse the change (PRECONDITION_FAILED) unless `confirmOrphans` is set.
 */
export async function addTimeOff(
  ctx: StaffContext,
  input: {
    practitionerId: string;
    startDate: string;
    endDate: string;
    startTime: string | null;
    endTime: string | null;
    reason: string;
    confirmOrphans: boolean;
  },
) {
  requireAccessTo(ctx.user, "schedules.write", input.practitionerId);
  const { confirmOrphans, ...entry } = input;
  const settings = await getClinicSettings(ctx.db);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    await requirePractitioner(tx, input.practitionerId, true);
    const span = timeOffInstants(settings.timeZone, entry);
    const orphans = await overlappingOrphans(tx, {
      practitionerId: input.practitionerId,
      from: span.start,
      to: span.end,
      now,
    });
    refuseUnconfirmed(orphans, confirmOrphans, settings.timeZone, "this time off");
    const { practitionerId: _, ...created } = await insertTimeOff(tx, entry);
    await recordAudit(tx, {
      at: ctx.now(),
      actor: { id: ctx.user.id, name: ctx.user.name },
      action: "schedule.add_time_off",
      entity: "time_off",
      entityId: created.id,
      changes: {
        after: entry,
        ...(orphans.length > 0 ? { bookingsOutsideHours: orphans.map((o) => o.id) } : {}),
      },
    });
    return { timeOff: created, orphans };
  });
}

/** Removes time off (it only ever frees time, so no booking can be left outside the hours). */
export async function removeTimeOff(ctx: StaffContext, id: string) {
  const entry = await findTimeOff(ctx.db, id);
  if (!entry) throw new NotFoundError("We couldn't find that time off");
  requireAccessTo(ctx.user, "schedules.write", entry.practitionerId);
  await ctx.db.transaction(async (tx) => {
    await deleteTimeOff(tx, id);
    await recordAudit(tx, {
      at: ctx.now(),
      actor: { id: ctx.user.id, name: ctx.user.name },
      action: "schedule.remove_time_off",
      entity: "time_off",
      entityId: id,
      changes: { before: { ...entry, createdAt: entry.createdAt.toISOString() } },
    });
  });
  return { id };
}

/** Clinic closures ending today or later, or all of them. */
export async function closuresList(ctx: StaffContext, input: { includePast: boolean }) {
  const settings = await getClinicSettings(ctx.db);
  const today = localDateOf(ctx.now(), settings.timeZone);
  return listClosures(ctx.db, input.includePast ? {} : { fromDate: today });
}

function closureSpan(timeZone: string, closure: { startDate: string; endDate: string }) {
  return {
    from: startOfLocalDay(timeZone, closure.startDate),
    to: startOfLocalDay(timeZone, addLocalDays(closure.endDate, 1)),
  };
}

/** Closes the clinic on whole local days; same orphan rule as hours, across every practitioner. */
export async function addClosure(
  ctx: StaffContext,
  input: { startDate: string; endDate: string; reason: string; confirmOrphans: boolean },
) {
  const { confirmOrphans, ...entry } = input;
  const settings = await getClinicSettings(ctx.db);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const orphans = await overlappingOrphans(tx, { ...closureSpan(settings.timeZone, entry), now });
    refuseUnconfirmed(orphans, confirmOrphans, settings.timeZone, "this closure");
    const created = await insertClosure(tx, entry);
    await recordAudit(tx, {
      at: ctx.now(),
      actor: { id: ctx.user.id, name: ctx.user.name },
      action: "schedule.add_closure",
      entity: "clinic_closure",
      entityId: created.id,
      changes: {
        after: entry,
        ...(orphans.length > 0 ? { bookingsOutsideHours: orphans.map((o) => o.id) } : {}),
      },
    });
    return { closure: created, orphans };
  });
}

export async function removeClosure(ctx: StaffContext, id: string) {
  const entry = await findClosure(ctx.db, id);
  if (!entry) throw new NotFoundError("We couldn't find that closure");
  await ctx.db.transaction(async (tx) => {
    await deleteClosure(tx, id);
    await recordAudit(tx, {
      at: ctx.now(),
      actor: { id: ctx.user.id, name: ctx.user.name },
      action: "schedule.remove_closure",
      entity: "clinic_closure",
      entityId: id,
      changes: { before: { ...entry, createdAt: entry.createdAt.toISOString() } },
    });
  });
  return { id };
}

/**
 * What patients could book online with this practitioner over the next two
 * weeks (today included, clinic policy applied), with `ranges` in place of the
 * stored week when given, probed with their shortest active service (or a
 * 30-minute appointment); and, for proposed ranges, the bookings they would
 * leave outside the hours.
 */
export async function previewSchedule(
  ctx: StaffContext,
  input: { practitionerId: string; ranges?: WorkingHoursRange[] | undefined },
) {
  await requirePractitioner(ctx.db, input.practitionerId);
  const settings = await getClinicSettings(ctx.db);
  const { timeZone } = settings;
  const now = ctx.now();
  const from = localDateOf(now, timeZone);
  const to = addLocalDays(from, SCHEDULE_PREVIEW_DAYS - 1);
  const [probe, [slotData], closures, orphans] = await Promise.all([
    findShortestServiceFor(ctx.db, input.practitionerId),
    loadSlotPractitioners(ctx.db, {
      practitionerIds: [input.practitionerId],
      from: startOfLocalDay(timeZone, from),
      to: startOfLocalDay(timeZone, addLocalDays(to, 1)),
    }),
    listClinicClosures(ctx.db, { fromDate: from, toDate: to }),
    input.ranges
      ? weeklyHoursOrphans(ctx.db, {
          practitionerId: input.practitionerId,
          ranges: input.ranges,
          timeZone,
          now,
        })
      : Promise.resolve([]),
  ]);
  const service = probe ?? DEFAULT_PROBE;
  const slots = computeSlots({
    timeZone,
    from,
    to,
    now,
    policy: settings.bookingPolicy,
    service,
    practitioners: [{ ...slotData!, weeklyHours: input.ranges ?? slotData!.weeklyHours }],
    closures,
  });
  const days = Array.from({ length: SCHEDULE_PREVIEW_DAYS }, (_, i) => {
    const date = addLocalDays(from, i);
    return {
      date,
      times: slots.filter((s) => localDateOf(s.start, timeZone) === date).map((s) => s.start),
    };
  });
  return {
    timeZone,
    probe: { serviceId: service.id, name: service.name, durationMinutes: service.durationMinutes },
    days,
    orphans,
  };
}

/** The bookings new time off would cover, for the admin app to show before saving. */
export async function previewTimeOff(
  ctx: StaffContext,
  input: {
    practitionerId: string;
    startDate: string;
    endDate: string;
    startTime: string | null;
    endTime: string | null;
  },
) {
  await requirePractitioner(ctx.db, input.practitionerId);
  const settings = await getClinicSettings(ctx.db);
  const span = timeOffInstants(settings.timeZone, input);
  const orphans = await overlappingOrphans(ctx.db, {
    practitionerId: input.practitionerId,
    from: span.start,
    to: span.end,
    now: ctx.now(),
  });
  return { orphans };
}

/** The bookings a clinic closure would cover, for the admin app to show before saving. */
export async function previewClosure(
  ctx: StaffContext,
  input: { startDate: string; endDate: string },
) {
  const settings = await getClinicSettings(ctx.db);
  const orphans = await overlappingOrphans(ctx.db, {
    ...closureSpan(settings.timeZone, input),
    now: ctx.now(),
  });
  return { orphans };
}
