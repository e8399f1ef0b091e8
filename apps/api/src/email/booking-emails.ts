import {
  deletePendingMessages,
  type Executor,
  enqueueMessage,
  type OutboxAttachment,
} from "@clinic/db";
import { patientBookingEvent, renderEventIcs } from "../calendar/ics.js";
import {
  type BookingEmailData,
  bookingCancelledEmail,
  bookingConfirmationEmail,
  bookingReminderEmail,
  bookingRescheduledEmail,
  newBookingNoticeEmail,
  type RenderedEmail,
} from "./templates.js";

export type { BookingEmailData };

export type BookingEmailEvent = "created" | "rescheduled" | "cancelled";

/** The outbox `kind` of each booking email. */
export const bookingEmailKinds = {
  confirmation: "booking.confirmation",
  rescheduled: "booking.rescheduled",
  cancelled: "booking.cancelled",
  clinicNotice: "booking.clinic_notice",
  reminder: "booking.reminder",
} as const;

/** How long before the appointment the reminder goes out. */
export const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

function calendarAttachment(
  data: BookingEmailData,
  event: BookingEmailEvent,
  now: Date,
): OutboxAttachment {
  const cancelled = event === "cancelled";
  const method = cancelled ? "CANCEL" : "PUBLISH";
  const ics = renderEventIcs(
    patientBookingEvent({
      bookingId: data.bookingId,
      startsAt: data.startsAt,
      endsAt: data.endsAt,
      cancelled,
      // Higher with every change, so calendars replace their copy of the same UID.
      sequence: data.sequence,
      serviceName: data.service.name,
      practitionerName: data.practitioner.name,
      patient: { name: data.patient.name, email: data.patient.email },
      clinic: data.clinic,
      manageUrl: data.manageUrl,
    }),
    { now, method },
  );
  return {
    filename: cancelled ? "cancelled-appointment.ics" : "appointment.ics",
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: ics,
  };
}

/**
 * Queues one email, due at `sendAfter` (by the API's clock, not the database's). No
 * address (a patient booked by phone alone) queues nothing: staff tell them instead.
 */
async function enqueue(
  db: Executor,
  data: BookingEmailData,
  kind: string,
  to: string | null,
  rendered: RenderedEmail,
  extra: { attachments?: OutboxAttachment[]; sendAfter: Date },
) {
  if (to === null) return;
  await enqueueMessage(db, {
    kind,
    toAddress: to,
    subject: rendered.subject,
    textBody: rendered.text,
    htmlBody: rendered.html,
    bookingId: data.bookingId,
    ...extra,
  });
}

async function replaceReminder(
  db: Executor,
  data: BookingEmailData,
  now: Date,
  attachments: OutboxAttachment[],
) {
  await deletePendingMessages(db, { bookingId: data.bookingId, kind: bookingEmailKinds.reminder });
  const sendAfter = new Date(data.startsAt.getTime() - REMINDER_LEAD_MS);
  // Booked less than a day ahead: the confirmation is reminder enough.
  if (sendAfter.getTime() <= now.getTime()) return;
  await enqueue(
    db,
    data,
    bookingEmailKinds.reminder,
    data.patient.email,
    bookingReminderEmail(data),
    // The appointment again, for a patient who never added the confirmation's copy.
    { attachments, sendAfter },
  );
}

/**
 * Queues the emails a booking change sends. Call it inside the transaction
 * that makes the change, so the emails exist exactly when the change does:
 * - created: the patient's confirmation (with an .ics), the clinic's notice,
 *   and a reminder a day before (unless that moment has passed);
 * - rescheduled: the patient's notice (with an updated .ics, same UID, higher
 *   SEQUENCE) and the reminder moved to the new time;
 * - cancelled: the patient's notice (with a METHOD:CANCEL .ics); the pending
 *   reminder is dropped.
 */
export async function enqueueBookingEmails(
  db: Executor,
  event: BookingEmailEvent,
  data: BookingEmailData,
  now: Date,
): Promise<void> {
  const attachments = [calendarAttachment(data, event, now)];
  if (event === "created") {
    await enqueue(
      db,
      data,
      bookingEmailKinds.confirmation,
      data.patient.email,
      bookingConfirmationEmail(data),
      { attachments, sendAfter: now },
    );
    await enqueue(
      db,
      data,
      bookingEmailKinds.clinicNotice,
      data.clinic.email,
      newBookingNoticeEmail(data),
      { sendAfter: now },
    );
    await replaceReminder(db, data, now, attachments);
    return;
  }
  if (event === "rescheduled") {
    await enqueue(
      db,
      data,
      bookingEmailKinds.rescheduled,
      data.patient.email,
      bookingRescheduledEmail(data),
      { attachments, sendAfter: now },
    );
    await replaceReminder(db, data, now, attachments);
    return;
  }
  await deletePendingMessages(db, { bookingId: data.bookingId, kind: bookingEmailKinds.reminder });
  await enqueue(
    db,
    data,
    bookingEmailKinds.cancelled,
    data.patient.email,
    bookingCancelledEmail(data),
    { attachments, sendAfter: now },
  );
}

/**
 * Queues only a new booking's day-before reminder (with its .ics): a treatment plan's
 * bookings share one confirmation and one clinic notice (decision 027), but each keeps
 * its own reminder.
 */
export async function enqueueBookingReminder(
  db: Executor,
  data: BookingEmailData,
  now: Date,
): Promise<void> {
  await replaceReminder(db, data, now, [calendarAttachment(data, "created", now)]);
}
