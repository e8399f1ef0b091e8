import {
  deleteClosure,
  type Executor,
  findClosure,
  getClinicSettings,
  insertClosure,
  listClosures,
} from "@clinic/db";
import { localDateOf, localDaysRange } from "@clinic/domain";
import { audit, createdFields, deletedFields } from "../audit/audit.js";
import type { StaffContext } from "../context.js";
import { NotFoundError } from "../errors.js";
import { orphanChanges, overlappingOrphans, refuseUnconfirmed } from "./orphan-bookings.js";

/** Clinic closures ending today or later, or all of them. */
export async function closuresList(ctx: StaffContext, input: { includePast: boolean }) {
  const settings = await getClinicSettings(ctx.db);
  const today = localDateOf(ctx.now(), settings.timeZone);
  return listClosures(ctx.db, input.includePast ? {} : { fromDate: today });
}

/**
 * Closes the clinic on whole local days; the same orphan rule as hours, across
 * every practitioner: refused (every booking it covers in its details) unless
 * `confirmOrphans` is set.
 */
export async function addClosure(
  ctx: StaffContext,
  input: { startDate: string; endDate: string; reason: string; confirmOrphans: boolean },
) {
  const settings = await getClinicSettings(ctx.db);
  return ctx.db.transaction((tx) => closeDays(tx, ctx, settings.timeZone, input));
}

/** `addClosure` inside the caller's transaction. */
export async function closeDays(
  tx: Executor,
  ctx: StaffContext,
  timeZone: string,
  input: { startDate: string; endDate: string; reason: string; confirmOrphans: boolean },
) {
  const { confirmOrphans, ...entry } = input;
  const orphans = await overlappingOrphans(tx, {
    ...localDaysRange(timeZone, entry.startDate, entry.endDate),
    now: ctx.now(),
  });
  refuseUnconfirmed(orphans, confirmOrphans, timeZone, "this closure");
  const created = await insertClosure(tx, entry);
  await audit(tx, ctx, {
    action: "clinic_closure.create",
    entityId: created.id,
    changes: { ...createdFields(entry), ...orphanChanges(orphans) },
  });
  return { closure: created, orphans };
}

export async function removeClosure(ctx: StaffContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const entry = await findClosure(tx, id);
    if (!entry) throw new NotFoundError("We couldn't find that closure");
    await deleteClosure(tx, id);
    const { id: _, createdAt: __, ...fields } = entry;
    await audit(tx, ctx, {
      action: "clinic_closure.delete",
      entityId: id,
      changes: deletedFields(fields),
    });
  });
  return { id };
}

/** The bookings a clinic closure would cover, for the admin app to show before saving. */
export async function previewClosure(
  ctx: StaffContext,
  input: { startDate: string; endDate: string },
) {
  const settings = await getClinicSettings(ctx.db);
  const orphans = await overlappingOrphans(ctx.db, {
    ...localDaysRange(settings.timeZone, input.startDate, input.endDate),
    now: ctx.now(),
  });
  return { orphans };
}
