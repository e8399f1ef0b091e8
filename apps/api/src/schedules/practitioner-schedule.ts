import {
  type Executor,
  findPractitionerForSchedule,
  getClinicSettings,
  getWeeklyHours,
  listClosures,
  listTimeOff,
} from "@clinic/db";
import { canOn, localDateOf } from "@clinic/domain";
import type { StaffContext } from "../context.js";
import { NotFoundError } from "../errors.js";

/** The practitioner whose schedule is asked for; with `lock`, their row is locked until the transaction ends. */
export async function requirePractitioner(db: Executor, practitionerId: string, lock = false) {
  const practitioner = await findPractitionerForSchedule(db, practitionerId, { lock });
  if (!practitioner) {
    throw new NotFoundError("We couldn't find that practitioner");
  }
  return practitioner;
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
