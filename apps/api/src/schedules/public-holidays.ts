import { getClinicSettings, listClosures, lockClosures } from "@clinic/db";
import { localDateOf } from "@clinic/domain";
import { type PublicHoliday, upcomingPublicHolidays } from "@clinic/domain/holidays";
import type { StaffContext } from "../context.js";
import { FieldError } from "../errors.js";
import { closeDays } from "./clinic-closures.js";

type Closure = Awaited<ReturnType<typeof listClosures>>[number];

/** The closure already covering every day of the holiday, if any. */
function coveringClosure(holiday: PublicHoliday, closures: readonly Closure[]) {
  return closures.find((c) => c.startDate <= holiday.startDate && c.endDate >= holiday.endDate);
}

/**
 * The public holidays of the clinic's region for the next 12 months (from
 * today in the clinic's zone), each with the closure that already covers it
 * (`closureId`, null while not accepted). No region set: none.
 */
export async function holidaySuggestions(ctx: StaffContext) {
  const settings = await getClinicSettings(ctx.db);
  const region = settings.holidayRegion;
  if (!region) return { region: null, holidays: [] };
  const holidays = upcomingPublicHolidays(region, ctx.now(), settings.timeZone);
  const closures = await listClosures(ctx.db, {
    fromDate: localDateOf(ctx.now(), settings.timeZone),
  });
  return {
    region,
    holidays: holidays.map((h) => ({ ...h, closureId: coveringClosure(h, closures)?.id ?? null })),
  };
}

/**
 * Closes the clinic on a suggested holiday, named after it. Accepting one that
 * a closure already covers changes nothing and returns that closure, so a
 * double click or a second tab doesn't make two. The orphan rule of any closure
 * applies.
 */
export async function acceptHoliday(
  ctx: StaffContext,
  input: { startDate: string; confirmOrphans: boolean },
) {
  const { holidays } = await holidaySuggestions(ctx);
  const holiday = holidays.find((h) => h.startDate === input.startDate);
  if (!holiday) {
    throw new FieldError("startDate", "There's no public holiday on that date in the next year");
  }
  if (holiday.closureId) return { closureId: holiday.closureId, created: false };
  const settings = await getClinicSettings(ctx.db);
  return ctx.db.transaction(async (tx) => {
    // Checked again under a lock: two accepts at once (a double click, two tabs) make one closure.
    await lockClosures(tx);
    const existing = coveringClosure(
      holiday,
      await listClosures(tx, { fromDate: holiday.startDate }),
    );
    if (existing) return { closureId: existing.id, created: false };
    const { closure } = await closeDays(tx, ctx, settings.timeZone, {
      startDate: holiday.startDate,
      endDate: holiday.endDate,
      reason: holiday.name,
      confirmOrphans: input.confirmOrphans,
    });
    return { closureId: closure.id, created: true };
  });
}
