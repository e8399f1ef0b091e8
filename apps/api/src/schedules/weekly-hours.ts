import {
  findShortestServiceFor,
  getClinicSettings,
  getWeeklyHours,
  listClinicClosures,
  loadSlotPractitioners,
  replaceWeeklyHours,
} from "@clinic/db";
import {
  addLocalDays,
  computeSlots,
  datesBetween,
  localDateOf,
  localDaysRange,
  SCHEDULE_PREVIEW_DAYS,
  type WorkingHoursRange,
} from "@clinic/domain";
import { audit } from "../audit/audit.js";
import { requireAccessTo } from "../auth/access.js";
import type { StaffContext } from "../context.js";
import { orphanChanges, refuseUnconfirmed, weeklyHoursOrphans } from "./orphan-bookings.js";
import { requirePractitioner } from "./practitioner-schedule.js";

/** A 30-minute appointment: the preview's probe when the practitioner offers no active service. */
const DEFAULT_PROBE = {
  id: null,
  name: "30-minute appointment",
  durationMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
};

/**
 * Replaces a practitioner's week in one transaction. Bookings are never
 * changed: if upcoming confirmed ones would fall outside the new hours, the
 * change is refused (PRECONDITION_FAILED, every one of them in its details)
 * unless `confirmOrphans` is set.
 */
export async function setWeeklyHours(
  ctx: StaffContext,
  input: { practitionerId: string; ranges: WorkingHoursRange[]; confirmOrphans: boolean },
) {
  requireAccessTo(ctx.user, "schedules.write", input.practitionerId);
  const settings = await getClinicSettings(ctx.db);
  const now = ctx.now();
  const { orphans } = await ctx.db.transaction(async (tx) => {
    await requirePractitioner(tx, input.practitionerId, true);
    const before = await getWeeklyHours(tx, input.practitionerId);
    const orphans = await weeklyHoursOrphans(tx, { ...input, timeZone: settings.timeZone, now });
    refuseUnconfirmed(orphans, input.confirmOrphans, settings.timeZone, "the new hours");
    await replaceWeeklyHours(tx, input.practitionerId, input.ranges);
    await audit(tx, ctx, {
      action: "practitioner.set_weekly_hours",
      entityId: input.practitionerId,
      changes: { weeklyHours: { from: before, to: input.ranges }, ...orphanChanges(orphans) },
    });
    return { orphans };
  });
  const weeklyHours = await getWeeklyHours(ctx.db, input.practitionerId);
  return { weeklyHours, orphans };
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
      ...localDaysRange(timeZone, from, to),
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
  const days = datesBetween(from, to).map((date) => ({
    date,
    times: slots.filter((s) => localDateOf(s.start, timeZone) === date).map((s) => s.start),
  }));
  return {
    timeZone,
    probe: { serviceId: service.id, name: service.name, durationMinutes: service.durationMinutes },
    days,
    orphans,
  };
}
