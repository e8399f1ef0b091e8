import { randomUUID } from "node:crypto";
import {
  type BookableService,
  type BookingDetails,
  cancelBooking,
  countBookingsByPractitioner,
  type Executor,
  findBookableService,
  findBookingByIdempotencyKey,
  findBookingByManageTokenHash,
  getClinicSettings,
  insertBooking,
  listClinicClosures,
  loadSlotPractitioners,
  moveBooking,
  recordBookingEvent,
  SQLSTATE,
  sqlState,
  upsertPatient,
} from "@clinic/db";
import {
  type AvailabilityInput,
  addLocalDays,
  type ClinicSettings,
  canChangeOnline,
  computeSlots,
  type createBookingInputSchema,
  groupSlotsByDay,
  localDateOf,
  type PractitionerChoice,
  type Slot,
} from "@clinic/domain";
import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { type BookingEmailData, enqueueBookingEmails } from "../email/booking-emails.js";
import { fieldError } from "../trpc/field-error.js";
import type { Context } from "../trpc/trpc.js";
import { hashManageToken, manageTokenFor } from "./manage-token.js";

const MINUTE_MS = 60_000;
export const SLOT_TAKEN = "That time was just taken — please pick another.";

type CreateBookingInput = z.output<typeof createBookingInputSchema>;

async function requireService(db: Executor, serviceId: string): Promise<BookableService> {
  const service = await findBookableService(db, serviceId);
  if (!service) throw fieldError("serviceId", "That service isn't available for online booking");
  return service;
}

/** The practitioners a request may book: the one chosen (if they offer the service) or all who do. */
function candidatesFor(service: BookableService, choice: PractitionerChoice) {
  if (choice === "any") {
    if (service.practitioners.length === 0) {
      throw fieldError("serviceId", `${service.name} can't be booked online at the moment`);
    }
    return service.practitioners;
  }
  const practitioner = service.practitioners.find((p) => p.id === choice);
  if (!practitioner) {
    throw fieldError("practitionerId", `That practitioner doesn't offer ${service.name}`);
  }
  return [practitioner];
}

async function slotsFor(
  db: Executor,
  options: {
    settings: ClinicSettings;
    service: BookableService;
    practitionerIds: string[];
    from: string;
    to: string;
    now: Date;
    ignoreBookingId?: string;
    ignoreBookings?: boolean;
  },
): Promise<Slot[]> {
  const { settings, service } = options;
  const windowStart = new Date(Date.parse(`${options.from}T00:00:00Z`) - 14 * 3_600_000);
  const windowEnd = new Date(
    Date.parse(`${addLocalDays(options.to, 1)}T00:00:00Z`) + 14 * 3_600_000,
  );
  const [practitioners, closures] = await Promise.all([
    loadSlotPractitioners(db, {
      practitionerIds: options.practitionerIds,
      from: windowStart,
      to: windowEnd,
      ignoreBookingId: options.ignoreBookingId,
    }),
    listClinicClosures(db, { fromDate: options.from, toDate: options.to }),
  ]);
  return computeSlots({
    timeZone: settings.timeZone,
    from: options.from,
    to: options.to,
    now: options.now,
    policy: settings.bookingPolicy,
    service,
    practitioners: options.ignoreBookings
      ? practitioners.map((p) => ({ ...p, busy: [] }))
      : practitioners,
    closures,
  });
}

export async function availability(ctx: Context, input: AvailabilityInput) {
  const [settings, service] = await Promise.all([
    getClinicSettings(ctx.db),
    requireService(ctx.db, input.serviceId),
  ]);
  const practitioners = candidatesFor(service, input.practitionerId);
  const slots = await slotsFor(ctx.db, {
    settings,
    service,
    practitionerIds: practitioners.map((p) => p.id),
    from: input.from,
    to: input.to,
    now: ctx.now(),
  });
  return {
    timeZone: settings.timeZone,
    service: {
      id: service.id,
      slug: service.slug,
      name: service.name,
      durationMinutes: service.durationMinutes,
    },
    practitioners,
    days: groupSlotsByDay(slots, settings.timeZone),
  };
}

/**
 * Why `start` can't be booked: a time that would be bookable but for other
 * bookings is a lost race (CONFLICT); anything else is a bad request.
 */
async function refuseStart(
  db: Executor,
  options: Parameters<typeof slotsFor>[1] & { start: Date },
): Promise<never> {
  const { settings, now, start } = options;
  if (start.getTime() < now.getTime()) throw fieldError("start", "That time is in the past");
  const notice = settings.bookingPolicy.minNoticeMinutes;
  if (start.getTime() < now.getTime() + notice * MINUTE_MS) {
    throw fieldError("start", `Online bookings need at least ${formatNotice(notice)} notice`);
  }
  const horizon = settings.bookingPolicy.horizonDays;
  if (start.getTime() > now.getTime() + horizon * 86_400_000) {
    throw fieldError("start", `Online bookings open up to ${horizon} days ahead`);
  }
  const withoutBookings = await slotsFor(db, { ...options, ignoreBookings: true });
  if (withoutBookings.some((s) => s.start.getTime() === start.getTime())) {
    throw new TRPCError({ code: "CONFLICT", message: SLOT_TAKEN });
  }
  throw fieldError("start", "That isn't one of the available times");
}

function formatNotice(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? "" : "s"}'`;
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? "" : "s"}'`;
  return `${minutes} minutes'`;
}

function blockedRange(service: BookableService | BookingDetails["service"], start: Date) {
  const endsAt = new Date(start.getTime() + service.durationMinutes * MINUTE_MS);
  return {
    startsAt: start,
    endsAt,
    blockedFrom: new Date(start.getTime() - service.bufferBeforeMinutes * MINUTE_MS),
    blockedUntil: new Date(endsAt.getTime() + service.bufferAfterMinutes * MINUTE_MS),
  };
}

function emailData(
  ctx: Context,
  booking: BookingDetails,
  settings: ClinicSettings,
  token: string,
): BookingEmailData {
  const manageUrl = `${ctx.webUrl.replace(/\/$/, "")}/manage/${token}`;
  return {
    bookingId: booking.id,
    manageUrl,
    calendarUrl: `${manageUrl}/calendar.ics`,
    patient: {
      name: booking.patient.name,
      email: booking.patient.email,
      phone: booking.patient.phone,
    },
    service: { name: booking.service.name, durationMinutes: booking.service.durationMinutes },
    practitioner: { name: booking.practitioner.name },
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    notes: booking.notes,
    sequence: booking.sequence,
    cancellationReason: booking.cancellationReason,
    clinic: settings,
  };
}

/** What the patient sees about their booking. */
export function publicBooking(booking: BookingDetails, settings: ClinicSettings, now: Date) {
  const window = settings.bookingPolicy.cancellationWindowHours;
  const changeable =
    booking.status === "confirmed" && canChangeOnline(booking.startsAt, window, now);
  return {
    id: booking.id,
    status: booking.status,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    notes: booking.notes,
    cancellationReason: booking.cancellationReason,
    service: {
      id: booking.service.id,
      slug: booking.service.slug,
      name: booking.service.name,
      durationMinutes: booking.service.durationMinutes,
    },
    practitioner: booking.practitioner,
    patient: { name: booking.patient.name, email: booking.patient.email },
    timeZone: settings.timeZone,
    canCancel: changeable,
    canReschedule: changeable,
    changeDeadline: new Date(booking.startsAt.getTime() - window * 3_600_000),
    clinic: { name: settings.name, phone: settings.phone, email: settings.email },
  };
}

export async function createBooking(ctx: Context, input: CreateBookingInput) {
  const now = ctx.now();
  const settings = await getClinicSettings(ctx.db);
  const replay = async () => {
    const existing = await findBookingByIdempotencyKey(ctx.db, input.idempotencyKey);
    if (!existing) return null;
    return {
      booking: publicBooking(existing, settings, now),
      manageToken: manageTokenFor(existing.id, ctx.appSecret),
    };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const service = await requireService(ctx.db, input.serviceId);
  const candidates = candidatesFor(service, input.practitionerId);
  const day = localDateOf(input.start, settings.timeZone);
  const slotOptions = {
    settings,
    service,
    practitionerIds: candidates.map((p) => p.id),
    from: day,
    to: day,
    now,
  };

  // For "first available", a lost race for one practitioner moves on to the next free one.
  for (let attempt = 0; attempt < candidates.length; attempt++) {
    try {
      const booking = await ctx.db.transaction(async (tx) => {
        const slots = await slotsFor(tx, slotOptions);
        const slot = slots.find((s) => s.start.getTime() === input.start.getTime());
        if (!slot) return refuseStart(tx, { ...slotOptions, start: input.start });
        const practitionerId = await pickPractitioner(
          tx,
          slot.practitionerIds,
          input.start,
          attempt,
        );
        const patient = await upsertPatient(tx, input.patient);
        // The id is chosen here so the row is written once, token hash included: a second
        // write to a fresh booking could deadlock against a competing insert's overlap check.
        const id = randomUUID();
        const token = manageTokenFor(id, ctx.appSecret);
        await insertBooking(tx, {
          id,
          serviceId: service.id,
          practitionerId,
          patientId: patient.id,
          ...blockedRange(service, input.start),
          notes: input.notes,
          contactConsent: input.contactConsent,
          idempotencyKey: input.idempotencyKey,
          manageTokenHash: hashManageToken(token),
        });
        await recordBookingEvent(tx, {
          bookingId: id,
          kind: "created",
          actor: "patient",
          details: { returningPatient: patient.returning },
        });
        const details = (await findBookingByManageTokenHash(tx, hashManageToken(token)))!;
        await enqueueBookingEmails(tx, "created", emailData(ctx, details, settings, token), now);
        return { booking: publicBooking(details, settings, now), manageToken: token };
      });
      ctx.logger.info("booking created", { bookingId: booking.booking.id });
      return booking;
    } catch (error) {
      const state = sqlState(error);
      if (state === SQLSTATE.uniqueViolation) {
        // The same request won a race with itself: answer with the booking it made.
        const again = await replay();
        if (again) return again;
      }
      if (state === SQLSTATE.exclusionViolation) {
        if (attempt + 1 < candidates.length) continue;
        throw new TRPCError({ code: "CONFLICT", message: SLOT_TAKEN });
      }
      throw error;
    }
  }
  throw new TRPCError({ code: "CONFLICT", message: SLOT_TAKEN });
}

/** Shares "first available" bookings out: the least-booked practitioner that day goes first. */
async function pickPractitioner(
  db: Executor,
  free: string[],
  start: Date,
  attempt: number,
): Promise<string> {
  if (free.length === 1) return free[0]!;
  const dayStart = new Date(start.getTime() - 12 * 3_600_000);
  const dayEnd = new Date(start.getTime() + 12 * 3_600_000);
  const counts = await countBookingsByPractitioner(db, {
    practitionerIds: free,
    from: dayStart,
    to: dayEnd,
  });
  const ordered = [...free].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0));
  return ordered[attempt % ordered.length]!;
}

async function requireBookingByToken(ctx: Context, token: string): Promise<BookingDetails> {
  const booking = await findBookingByManageTokenHash(ctx.db, hashManageToken(token));
  if (!booking) {
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "We couldn't find that booking. Check the link in your email.",
    });
  }
  return booking;
}

function requireChangeable(
  booking: BookingDetails,
  settings: ClinicSettings,
  now: Date,
  verb: string,
) {
  if (booking.status === "cancelled") {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "This booking has already been cancelled",
    });
  }
  if (booking.status !== "confirmed" || booking.startsAt.getTime() <= now.getTime()) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "This appointment has already taken place",
    });
  }
  const window = settings.bookingPolicy.cancellationWindowHours;
  if (!canChangeOnline(booking.startsAt, window, now)) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `Appointments can't be ${verb} online within ${window} hours of the start. Please call us on ${settings.phone}.`,
    });
  }
}

export async function bookingByToken(ctx: Context, token: string) {
  const [booking, settings] = await Promise.all([
    requireBookingByToken(ctx, token),
    getClinicSettings(ctx.db),
  ]);
  return publicBooking(booking, settings, ctx.now());
}

export async function cancelByToken(
  ctx: Context,
  input: { token: string; reason?: string | undefined },
) {
  const now = ctx.now();
  const settings = await getClinicSettings(ctx.db);
  const booking = await requireBookingByToken(ctx, input.token);
  requireChangeable(booking, settings, now, "cancelled");
  const reason = input.reason?.trim() || null;
  const updated = await ctx.db.transaction(async (tx) => {
    await cancelBooking(tx, booking.id, { reason, at: now });
    await recordBookingEvent(tx, {
      bookingId: booking.id,
      kind: "cancelled",
      actor: "patient",
      details: { reason },
    });
    const details = (await findBookingByManageTokenHash(tx, hashManageToken(input.token)))!;
    await enqueueBookingEmails(
      tx,
      "cancelled",
      emailData(ctx, details, settings, input.token),
      now,
    );
    return details;
  });
  return publicBooking(updated, settings, now);
}

export async function rescheduleByToken(ctx: Context, input: { token: string; start: Date }) {
  const now = ctx.now();
  const settings = await getClinicSettings(ctx.db);
  const booking = await requireBookingByToken(ctx, input.token);
  requireChangeable(booking, settings, now, "changed");
  const service = await requireService(ctx.db, booking.service.id);
  const day = localDateOf(input.start, settings.timeZone);
  const slotOptions = {
    settings,
    service,
    practitionerIds: [booking.practitioner.id],
    from: day,
    to: day,
    now,
    ignoreBookingId: booking.id,
  };
  try {
    const updated = await ctx.db.transaction(async (tx) => {
      const slots = await slotsFor(tx, slotOptions);
      if (!slots.some((s) => s.start.getTime() === input.start.getTime())) {
        return refuseStart(tx, { ...slotOptions, start: input.start });
      }
      // One statement moves the booking: the old time is released as the new one is taken.
      await moveBooking(tx, booking.id, blockedRange(service, input.start));
      await recordBookingEvent(tx, {
        bookingId: booking.id,
        kind: "rescheduled",
        actor: "patient",
        details: { from: booking.startsAt.toISOString(), to: input.start.toISOString() },
      });
      const details = (await findBookingByManageTokenHash(tx, hashManageToken(input.token)))!;
      await enqueueBookingEmails(
        tx,
        "rescheduled",
        { ...emailData(ctx, details, settings, input.token), previousStartsAt: booking.startsAt },
        now,
      );
      return details;
    });
    return publicBooking(updated, settings, now);
  } catch (error) {
    if (sqlState(error) === SQLSTATE.exclusionViolation) {
      throw new TRPCError({ code: "CONFLICT", message: SLOT_TAKEN });
    }
    throw error;
  }
}
