import { getClinicSettings, listActiveWorkingHours, saveClinicSettings } from "@clinic/db";
import { type ClinicSettings, openingHours } from "@clinic/domain";
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
  const {
    emailSenderName: _name,
    emailSenderAddress: _address,
    sentEmailRetentionDays: _retention,
    inactiveRetentionYears: _inactive,
    ...settings
  } = clinic;
  return { ...settings, openingHours: openingHours(hours) };
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
