import {
  type BookingDetails,
  cancelBooking,
  type Executor,
  ensureManageTokenHash,
  findBookingById,
  moveBooking,
  SQLSTATE,
  sqlState,
} from "@clinic/db";
import { type ClinicSettings, localDateOf, type ScheduleException } from "@clinic/domain";
import type { AppContext } from "../context.js";
import { enqueueBookingEmails } from "../email/booking-emails.js";
import { ConflictError } from "../errors.js";
import { replaceSmsReminder } from "../sms/sms-reminders.js";
import { queueBookingWebhook } from "../webhooks/webhook-events.js";
import {
  type BookingRules,
  blockedRange,
  candidatesFor,
  OVERLAPS_BOOKING,
  requireFreeSlot,
  requireInsideBookingWindow,
  requireService,
  SLOT_TAKEN,
  scheduleExceptionsAt,
} from "./bookable-slots.js";
import { type BookingActor, recordBookingChange } from "./booking-history.js";
import { hashManageToken, manageTokenFor } from "./manage-token.js";
import { emailData } from "./patient-views.js";

interface ChangeOptions {
  by: BookingActor;
  settings: ClinicSettings;
  now: Date;
  /** The patient's link when they used it; otherwise derived from the booking's id. */
  token?: string;
}

/**
 * The manage link the patient's email carries. Staff changes give the booking
 * one if it had none, so the email's link works.
 */
async function manageLinkFor(
  ctx: AppContext,
  tx: Executor,
  booking: BookingDetails,
  options: ChangeOptions,
): Promise<string> {
  const token = options.token ?? manageTokenFor(booking.id, ctx.appSecret);
  if (options.by.kind === "staff") {
    await ensureManageTokenHash(tx, booking.id, hashManageToken(token));
  }
  return token;
}

/**
 * Cancels a booking in the caller's transaction: the history entry, the
 * audit entry (staff), the patient's email with its link, and the dropped
 * reminder are written with it.
 */
export async function cancelInTransaction(
  ctx: AppContext,
  tx: Executor,
  booking: BookingDetails,
  options: ChangeOptions & { reason: string | null },
): Promise<BookingDetails> {
  const { reason, by, settings, now } = options;
  const token = await manageLinkFor(ctx, tx, booking, options);
  await cancelBooking(tx, booking.id, { reason, at: now });
  await recordBookingChange(tx, by, booking.id, {
    event: "cancelled",
    details: { reason },
    action: "booking.cancel",
    changes: {
      status: { from: booking.status, to: "cancelled" },
      cancellationReason: { from: booking.cancellationReason, to: reason },
    },
  });
  await queueBookingWebhook(tx, { bookingId: booking.id, kind: "cancelled", at: now });
  const details = (await findBookingById(tx, booking.id))!;
  await enqueueBookingEmails(tx, "cancelled", emailData(ctx, details, settings, token), now);
  await replaceSmsReminder(tx, ctx, "cancelled", details, settings, now);
  return details;
}

/**
 * Moves a booking to `start` (its practitioner, or `practitionerId` when staff
 * move it to another who offers the service) if that is a free slot under the
 * rules, or anywhere clear of other bookings with `outsideHours` (staff):
 * checked and written in one transaction with its history, audit entry
 * (staff) and the patient's email; CONFLICT when the time was taken.
 */
export async function moveToSlot(
  ctx: AppContext,
  booking: BookingDetails,
  start: Date,
  options: ChangeOptions & {
    rules: BookingRules;
    practitionerId?: string;
    outsideHours?: boolean;
  },
): Promise<BookingDetails> {
  const { rules, by, settings, now } = options;
  const outsideHours = rules === "staff" && options.outsideHours === true;
  requireInsideBookingWindow({ settings, rules, now, start });
  const service = await requireService(ctx.db, booking.service.id);
  const practitionerId = options.practitionerId ?? booking.practitioner.id;
  const toAnother = practitionerId !== booking.practitioner.id;
  const [target] = toAnother ? candidatesFor(service, practitionerId) : [booking.practitioner];
  const day = localDateOf(start, settings.timeZone);
  try {
    return await ctx.db.transaction(async (tx) => {
      let setAside: ScheduleException[] = [];
      if (outsideHours) {
        setAside = await scheduleExceptionsAt(tx, {
          settings,
          service,
          practitionerId,
          start,
          now,
        });
      } else {
        await requireFreeSlot(tx, {
          settings,
          rules,
          service,
          practitionerIds: [practitionerId],
          from: day,
          to: day,
          now,
          ignoreBookingId: booking.id,
          start,
        });
      }
      const token = await manageLinkFor(ctx, tx, booking, options);
      // One statement moves the booking: the old time is released as the new one is taken.
      await moveBooking(tx, booking.id, { ...blockedRange(service, start), practitionerId });
      await recordBookingChange(tx, by, booking.id, {
        event: "rescheduled",
        details: {
          from: booking.startsAt.toISOString(),
          to: start.toISOString(),
          ...(toAnother
            ? { fromPractitioner: booking.practitioner.name, toPractitioner: target?.name ?? null }
            : {}),
          ...(setAside.length > 0 ? { outsideHours: setAside } : {}),
        },
        action: "booking.reschedule",
        changes: {
          startsAt: { from: booking.startsAt, to: start },
          ...(toAnother
            ? { practitionerId: { from: booking.practitioner.id, to: practitionerId } }
            : {}),
          ...(outsideHours ? { outsideHours: { from: null, to: setAside } } : {}),
        },
      });
      await queueBookingWebhook(tx, {
        bookingId: booking.id,
        kind: "rescheduled",
        at: now,
        previous: {
          startsAt: booking.startsAt,
          endsAt: booking.endsAt,
          practitionerId: booking.practitioner.id,
        },
      });
      const details = (await findBookingById(tx, booking.id))!;
      await enqueueBookingEmails(
        tx,
        "rescheduled",
        { ...emailData(ctx, details, settings, token), previousStartsAt: booking.startsAt },
        now,
      );
      await replaceSmsReminder(tx, ctx, "rescheduled", details, settings, now);
      return details;
    });
  } catch (error) {
    if (sqlState(error) === SQLSTATE.exclusionViolation) {
      if (outsideHours) throw new ConflictError(OVERLAPS_BOOKING, { field: "start" });
      throw new ConflictError(SLOT_TAKEN);
    }
    throw error;
  }
}
