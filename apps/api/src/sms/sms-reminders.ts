import {
  type BookingDetails,
  deletePendingMessages,
  type Executor,
  enqueueMessage,
  getSmsSettings,
  recordSmsConsent,
  smsRecipient,
} from "@clinic/db";
import { type ClinicSettings, formatSmsTime, renderSmsTemplate } from "@clinic/domain";
import { normaliseMobileNumber } from "@clinic/domain/phone-number";
import type { AppContext } from "../context.js";
import { REMINDER_LEAD_MS } from "../email/booking-emails.js";
import { FieldError } from "../errors.js";

/** The outbox `kind` of a booking's text reminder (its `channel` is "sms"). */
export const SMS_REMINDER_KIND = "booking.reminder.sms";

/**
 * The E.164 number a booking that asks for text reminders will text, read in the clinic's
 * country; refuses (a field error, before anything is written) a request without a mobile
 * number. Null when the booking doesn't ask.
 */
export async function smsConsentNumber(
  db: Executor,
  request: { smsReminders?: boolean | undefined; patient: { phone?: string | null | undefined } },
): Promise<string | null> {
  if (!request.smsReminders) return null;
  const phone = request.patient.phone?.trim();
  if (!phone) {
    throw new FieldError("smsReminders", "Add a mobile number to get text reminders");
  }
  const { defaultCountry } = await getSmsSettings(db);
  const e164 = normaliseMobileNumber(phone, defaultCountry);
  if (!e164) {
    throw new FieldError(
      "patient.phone",
      "Text reminders need a mobile number: check it, or untick text reminders",
    );
  }
  return e164;
}

/** Keeps the consent a new booking came with: on the patient and on the booking, timed. */
export async function recordBookingSmsConsent(
  tx: Executor,
  booking: { id: string; patientId: string },
  phone: string | null,
  now: Date,
): Promise<void> {
  if (phone === null) return;
  await recordSmsConsent(tx, {
    patientId: booking.patientId,
    bookingId: booking.id,
    phone,
    at: now,
  });
}

/**
 * Queues, replaces or drops a booking's text reminder, in the transaction of the change,
 * beside its emails: due `REMINDER_LEAD_MS` before the start like the email reminder, to a
 * patient who agreed and hasn't said STOP since, when texts are on. A cancellation drops
 * it; so does a move to less than the lead time ahead.
 */
export async function replaceSmsReminder(
  tx: Executor,
  ctx: Pick<AppContext, "sms">,
  event: "created" | "rescheduled" | "cancelled",
  booking: BookingDetails,
  settings: ClinicSettings,
  now: Date,
): Promise<void> {
  await deletePendingMessages(tx, { bookingId: booking.id, kind: SMS_REMINDER_KIND });
  if (event === "cancelled" || !ctx.sms) return;
  const sendAfter = new Date(booking.startsAt.getTime() - REMINDER_LEAD_MS);
  if (sendAfter.getTime() <= now.getTime()) return;
  const to = await smsRecipient(tx, booking.patient.id);
  if (!to) return;
  const { reminderTemplate } = await getSmsSettings(tx);
  const text = renderSmsTemplate(reminderTemplate, {
    service: booking.service.name,
    practitioner: booking.practitioner.name,
    time: formatSmsTime(booking.startsAt, settings.timeZone),
    clinic: settings.name,
    clinic_phone: settings.phone,
  });
  await enqueueMessage(tx, {
    kind: SMS_REMINDER_KIND,
    channel: "sms",
    toAddress: to,
    subject: "Text reminder",
    textBody: text,
    htmlBody: "",
    bookingId: booking.id,
    sendAfter,
  });
}
