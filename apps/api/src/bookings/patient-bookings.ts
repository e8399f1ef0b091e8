import { type BookingDetails, findBookingByManageTokenHash, getClinicSettings } from "@clinic/db";
import {
  type ClinicSettings,
  canChangeOnline,
  type createBookingInputSchema,
} from "@clinic/domain";
import type { z } from "zod";
import { enforceRateLimit } from "../abuse/public-forms.js";
import type { AppContext } from "../context.js";
import { BadRequestError, NotFoundError, PreconditionFailedError } from "../errors.js";
import { cancelInTransaction, moveToSlot } from "./booking-changes.js";
import { hashManageToken } from "./manage-token.js";
import { publicBooking } from "./patient-views.js";
import { placeBooking, replayBooking } from "./place-booking.js";

// The patient's side: book online, then see, cancel or move the booking by the emailed link.

/**
 * Books online under the clinic's policy, a few attempts an hour per visitor.
 * A retry of a booking already made (same key, same request) writes nothing,
 * so it is answered without spending an attempt: a patient on a flaky
 * connection always learns their booking exists.
 */
export async function bookOnline(
  ctx: AppContext,
  input: z.output<typeof createBookingInputSchema>,
) {
  const replayed = await replayBooking(ctx, input, "online");
  if (!replayed) await enforceRateLimit(ctx, "booking");
  const settings = await getClinicSettings(ctx.db);
  const { details, manageToken } =
    replayed ??
    (await placeBooking(ctx, input, {
      rules: "online",
      by: { kind: "patient" },
      settings,
    }));
  return { booking: publicBooking(details, settings, ctx.now()), manageToken };
}

async function requireBookingByToken(ctx: AppContext, token: string): Promise<BookingDetails> {
  const booking = await findBookingByManageTokenHash(ctx.db, hashManageToken(token));
  if (!booking) {
    throw new NotFoundError("We couldn't find that booking. Check the link in your email.");
  }
  return booking;
}

/** Online changes stop at the cancellation window: after that the patient phones the clinic. */
function requireChangeable(
  booking: BookingDetails,
  settings: ClinicSettings,
  now: Date,
  verb: string,
) {
  if (booking.status === "cancelled") {
    throw new BadRequestError("This booking has already been cancelled");
  }
  if (booking.status !== "confirmed" || booking.startsAt.getTime() <= now.getTime()) {
    throw new BadRequestError("This appointment has already taken place");
  }
  const window = settings.bookingPolicy.cancellationWindowHours;
  if (!canChangeOnline(booking.startsAt, window, now)) {
    throw new PreconditionFailedError(
      `Appointments can't be ${verb} online within ${window} hours of the start. Please call us on ${settings.phone}.`,
    );
  }
}

export async function bookingByToken(ctx: AppContext, token: string) {
  const [booking, settings] = await Promise.all([
    requireBookingByToken(ctx, token),
    getClinicSettings(ctx.db),
  ]);
  return publicBooking(booking, settings, ctx.now());
}

export async function cancelByToken(
  ctx: AppContext,
  input: { token: string; reason?: string | undefined },
) {
  const now = ctx.now();
  const settings = await getClinicSettings(ctx.db);
  const booking = await requireBookingByToken(ctx, input.token);
  requireChangeable(booking, settings, now, "cancelled");
  const updated = await ctx.db.transaction((tx) =>
    cancelInTransaction(ctx, tx, booking, {
      reason: input.reason?.trim() || null,
      by: { kind: "patient" },
      settings,
      now,
      token: input.token,
    }),
  );
  return publicBooking(updated, settings, now);
}

export async function rescheduleByToken(ctx: AppContext, input: { token: string; start: Date }) {
  const now = ctx.now();
  const settings = await getClinicSettings(ctx.db);
  const booking = await requireBookingByToken(ctx, input.token);
  requireChangeable(booking, settings, now, "changed");
  const updated = await moveToSlot(ctx, booking, input.start, {
    rules: "online",
    by: { kind: "patient" },
    settings,
    now,
    token: input.token,
  });
  return publicBooking(updated, settings, now);
}
