import type { ClinicSettings } from "@clinic/domain";
import { eq } from "drizzle-orm";
import type { Executor } from "../database.js";
import { clinicSettings, practitioners, workingHours } from "../schema.js";

type SettingsRow = typeof clinicSettings.$inferSelect;

function toClinicSettings(row: SettingsRow): ClinicSettings {
  return {
    name: row.name,
    tagline: row.tagline,
    email: row.email,
    phone: row.phone,
    address: row.address,
    timeZone: row.timeZone,
    currency: row.currency,
    websiteUrl: row.websiteUrl,
    holidayRegion: row.holidayRegion,
    emailSenderName: row.emailSenderName,
    emailSenderAddress: row.emailSenderAddress,
    sentEmailRetentionDays: row.sentEmailRetentionDays,
    inactiveRetentionYears: row.inactiveRetentionYears,
    bookingPolicy: {
      slotStepMinutes: row.slotStepMinutes,
      minNoticeMinutes: row.minNoticeMinutes,
      horizonDays: row.horizonDays,
      cancellationWindowHours: row.cancellationWindowHours,
    },
  };
}

/** The clinic's settings; throws if the database was never seeded, since nothing works without them. */
export async function getClinicSettings(db: Executor): Promise<ClinicSettings> {
  const [row] = await db.select().from(clinicSettings).limit(1);
  if (!row) throw new Error("Clinic settings are missing: run `pnpm db:seed`");
  return toClinicSettings(row);
}

export async function saveClinicSettings(db: Executor, settings: ClinicSettings): Promise<void> {
  const values = {
    id: 1,
    name: settings.name,
    tagline: settings.tagline,
    email: settings.email,
    phone: settings.phone,
    address: settings.address,
    timeZone: settings.timeZone,
    currency: settings.currency,
    websiteUrl: settings.websiteUrl,
    holidayRegion: settings.holidayRegion,
    emailSenderName: settings.emailSenderName,
    emailSenderAddress: settings.emailSenderAddress,
    sentEmailRetentionDays: settings.sentEmailRetentionDays,
    inactiveRetentionYears: settings.inactiveRetentionYears,
    ...settings.bookingPolicy,
  };
  await db.insert(clinicSettings).values(values).onConflictDoUpdate({
    target: clinicSettings.id,
    set: values,
  });
}

/** Every active practitioner's weekly ranges, from which the clinic's opening hours follow. */
export async function listActiveWorkingHours(
  db: Executor,
): Promise<{ weekday: number; start: string; end: string }[]> {
  return db
    .select({
      weekday: workingHours.weekday,
      start: workingHours.startTime,
      end: workingHours.endTime,
    })
    .from(workingHours)
    .innerJoin(practitioners, eq(practitioners.id, workingHours.practitionerId))
    .where(eq(practitioners.active, true));
}
