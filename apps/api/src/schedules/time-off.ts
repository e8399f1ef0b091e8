import { deleteTimeOff, findTimeOff, getClinicSettings, insertTimeOff } from "@clinic/db";
import { timeOffInstants } from "@clinic/domain";
import { audit, createdFields, deletedFields } from "../audit/audit.js";
import { requireAccessTo } from "../auth/access.js";
import type { StaffContext } from "../context.js";
import { NotFoundError } from "../errors.js";
import { orphanChanges, overlappingOrphans, refuseUnconfirmed } from "./orphan-bookings.js";
import { requirePractitioner } from "./practitioner-schedule.js";

interface TimeOffRange {
  practitionerId: string;
  startDate: string;
  endDate: string;
  startTime: string | null;
  endTime: string | null;
}

/**
 * Adds time off for a practitioner; upcoming confirmed bookings it covers
 * refuse the change (PRECONDITION_FAILED, every one of them in its details)
 * unless `confirmOrphans` is set.
 */
export async function addTimeOff(
  ctx: StaffContext,
  input: TimeOffRange & { reason: string; confirmOrphans: boolean },
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
    await audit(tx, ctx, {
      action: "time_off.create",
      entityId: created.id,
      changes: { ...createdFields(entry), ...orphanChanges(orphans) },
    });
    return { timeOff: created, orphans };
  });
}

/** Removes time off (it only ever frees time, so no booking can be left outside the hours). */
export async function removeTimeOff(ctx: StaffContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const entry = await findTimeOff(tx, id);
    if (!entry) throw new NotFoundError("We couldn't find that time off");
    requireAccessTo(ctx.user, "schedules.write", entry.practitionerId);
    await deleteTimeOff(tx, id);
    const { id: _, createdAt: __, ...fields } = entry;
    await audit(tx, ctx, {
      action: "time_off.delete",
      entityId: id,
      changes: deletedFields(fields),
    });
  });
  return { id };
}

/** The bookings new time off would cover, for the admin app to show before saving. */
export async function previewTimeOff(ctx: StaffContext, input: TimeOffRange) {
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
