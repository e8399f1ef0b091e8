import { DEFAULT_SMS_REMINDER_TEMPLATE } from "@clinic/domain";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import { bookings, outboxMessages, patients, smsSettings } from "../schema.js";

// Text reminders (decision 030): the patient's consent, the clinic's template, and what a
// STOP or START reply changes. Phone numbers here are E.164 strings, never logged.

export interface SmsSettings {
  reminderTemplate: string;
  defaultCountry: string;
  /** When the owner last saved them; null while the defaults apply. */
  updatedAt: Date | null;
}

/** The clinic's SMS settings, or the defaults when none were saved. */
export async function getSmsSettings(db: Executor): Promise<SmsSettings> {
  const [row] = await db.select().from(smsSettings).limit(1);
  return row
    ? {
        reminderTemplate: row.reminderTemplate,
        defaultCountry: row.defaultCountry,
        updatedAt: row.updatedAt,
      }
    : { reminderTemplate: DEFAULT_SMS_REMINDER_TEMPLATE, defaultCountry: "AU", updatedAt: null };
}

export async function saveSmsSettings(
  db: Executor,
  settings: { reminderTemplate: string; defaultCountry: string },
  now: Date,
): Promise<void> {
  await db
    .insert(smsSettings)
    .values({ id: 1, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: smsSettings.id, set: { ...settings, updatedAt: now } });
}

/**
 * Records that a patient asked for text reminders at `phone` (E.164), with `bookingId`:
 * the consent's time on the patient and on the booking. A later STOP outranks it until
 * they ask again.
 */
export async function recordSmsConsent(
  db: Executor,
  consent: { patientId: string; bookingId: string; phone: string; at: Date },
): Promise<void> {
  await db
    .update(patients)
    .set({ smsPhone: consent.phone, smsConsentAt: consent.at })
    .where(eq(patients.id, consent.patientId));
  await db
    .update(bookings)
    .set({ smsOptInAt: consent.at })
    .where(eq(bookings.id, consent.bookingId));
}

/** The number a patient's text reminders go to, when they agreed and haven't since said STOP. */
export async function smsRecipient(db: Executor, patientId: string): Promise<string | null> {
  const [row] = await db
    .select({ phone: patients.smsPhone })
    .from(patients)
    .where(
      and(
        eq(patients.id, patientId),
        isNotNull(patients.smsPhone),
        isNotNull(patients.smsConsentAt),
        sql`(${patients.smsOptedOutAt} is null or ${patients.smsOptedOutAt} < ${patients.smsConsentAt})`,
      ),
    );
  return row?.phone ?? null;
}

/**
 * A STOP from `phone`: every patient texted at that number is opted out, and the texts
 * waiting for it are dropped. Returns how many patients it concerned.
 */
export async function optOutSmsNumber(db: Executor, phone: string, at: Date): Promise<number> {
  const updated = await db
    .update(patients)
    .set({ smsOptedOutAt: at })
    .where(eq(patients.smsPhone, phone))
    .returning({ id: patients.id });
  await db
    .delete(outboxMessages)
    .where(
      and(
        eq(outboxMessages.channel, "sms"),
        eq(outboxMessages.toAddress, phone),
        eq(outboxMessages.status, "pending"),
      ),
    );
  return updated.length;
}

/**
 * A START from `phone`: patients who once agreed to texts at that number get them again
 * (a number nobody gave us for texts stays unknown). Returns how many.
 */
export async function optInSmsNumber(db: Executor, phone: string, at: Date): Promise<number> {
  const updated = await db
    .update(patients)
    .set({ smsConsentAt: at })
    .where(and(eq(patients.smsPhone, phone), isNotNull(patients.smsConsentAt)))
    .returning({ id: patients.id });
  return updated.length;
}

/** A patient's text-reminder state, for their page in the admin app. */
export async function smsConsentOf(db: Executor, patientId: string) {
  const [row] = await db
    .select({
      phone: patients.smsPhone,
      consentedAt: patients.smsConsentAt,
      optedOutAt: patients.smsOptedOutAt,
    })
    .from(patients)
    .where(eq(patients.id, patientId));
  return row ?? null;
}
