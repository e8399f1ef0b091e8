import {
  getClinicSettings,
  listActiveWorkingHours,
  listClosures,
  saveClinicSettings,
} from "@clinic/db";
import { type ClinicSettings, localDateOf, openingHours } from "@clinic/domain";
import { isKnownHolidayRegion } from "@clinic/domain/holidays";
import { audit, changedFields } from "../audit/audit.js";
import { cachedRead } from "../cache/public-cache.js";
import type { AppContext, StaffContext } from "../context.js";
import { FieldError } from "../errors.js";

/**
 * What the public site shows about the clinic, with its opening hours (when
 * any practitioner works); the email sender and retention periods stay internal.
 */
export function publicSettings(ctx: AppContext) {
  return cachedRead(ctx, "settings", async () => ({ value: await loadPublicSettings(ctx) }));
}

async function loadPublicSettings(ctx: AppContext) {
  const [clinic, hours] = await Promise.all([
    getClinicSettings(ctx.db),
    listActiveWorkingHours(ctx.db),
  ]);
  // From yesterday (UTC−12 to UTC+14 covers every visitor's "today"): kept between writes, the
  // list only grows stale by holding past days, which the site's "open now" never reads.
  const closures = await listClosures(ctx.db, {
    fromDate: localDateOf(new Date(ctx.now().getTime() - 86_400_000), clinic.timeZone),
  });
  const {
    emailSenderName: _name,
    emailSenderAddress: _address,
    sentEmailRetentionDays: _retention,
    inactiveRetentionYears: _inactive,
    ...settings
  } = clinic;
  return {
    ...settings,
    openingHours: openingHours(hours),
    /** Days the clinic is closed, from yesterday on: "Closed today: Christmas Day". */
    closures: closures.map(({ startDate, endDate, reason }) => ({ startDate, endDate, reason })),
  };
}

/** Every setting, the email sender included. */
export function staffSettings(ctx: StaffContext) {
  return getClinicSettings(ctx.db);
}

/** Replaces the clinic's settings (validated whole by the caller); returns them as saved. */
export async function updateSettings(ctx: StaffContext, input: ClinicSettings) {
  if (input.holidayRegion !== null && !isKnownHolidayRegion(input.holidayRegion)) {
    throw new FieldError("holidayRegion", "We don't know the public holidays of that region");
  }
  return ctx.db.transaction(async (tx) => {
    const before = await getClinicSettings(tx);
    await saveClinicSettings(tx, input);
    await audit(tx, ctx, {
      action: "settings.update",
      entityId: null,
      changes: changedFields({ ...before }, { ...input }),
    });
    return getClinicSettings(tx);
  });
}
