import { randomUUID } from "node:crypto";
import {
  type BookableService,
  type BookingDetails,
  cancelBooking,
  countBookingsByPractitioner,
  type Executor,
  ensureManageTokenHash,
  findBookableService,
  findBookingById,
  findBookingByIdempotencyKey,
  findBookingByManageTokenHash,
  getClinicSettings,
  insertBooking,
  listClinicClosures,
  loadSlotPractitioners,
  moveBooking,
  recordAudit,
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
  STAFF_HORIZON_DAYS,
} from "@clinic/domain";
import type { z } from "zod";
import type { AppContext as Context } from "../context.js";
import { type BookingEmailData, enqueueBookingEmails } from "../email/booking-emails.js";
import {
  BadRequestError,
  ConflictError,
  FieldError,
  NotFoundError,
  PreconditionFailedError,
} from "../errors.js";
import { hashManageToken, manageTokenFor } from "./manage-token.js";

const MINUTE_MS = 60_000;
export const SLOT_TAKEN = "That time was just taken — please pick another.";

/**
 * Whose rules a booking follows. Online, the clinic's policy applies as set.
 * Staff (a phone booking at the front desk, a move by the practitioner) may
 * book inside the minimum notice, since the person is on the line and can say
 * whether they can make it, and up to a year ahead; never in the past, and
 * never outside hours, on time off, over a closure or over another booking.
 */
export type BookingRules = "online" | "staff";

/** Who makes a change: the patient (by link or online form) or a signed-in staff member. */
export type BookingActor =
  | { kind: "patient" }
  | { kind: "staff"; user: { id: string; name: string } };

function policyFor(settings: ClinicSettings, rules: BookingRules): ClinicSettings["bookingPolicy"] {
  if (rules === "online") return settings.bookingPolicy;
  return { ...settings.bookingPolicy, minNoticeMinutes: 0, horizonDays: STAFF_HORIZON_DAYS };
}

/** What booking_events stores as the actor: "patient" or the staff user's id. */
export function actorOf(by: BookingActor): string {
  return by.kind === "patient" ? "patient" : by.user.id;
}

type CreateBookingInput = z.output<typeof createBookingInputSchema>;

export async function requireService(db: Executor, serviceId: string): Promise<BookableService> {
  const service = await findBookableService(db, serviceId);
  if (!service)
    throw new FieldError("serviceId", "That service isn't available for online booking");
  return service;
}

/** The practitioners a request may book: the one chosen (if they offer the service) or all who do. */
export function candidatesFor(service: BookableService, choice: PractitionerChoice) {
  if (choice === "any") {
    if (service.practitioners.length === 0) {
      throw new FieldError("serviceId", `${service.name} can't be booked online at the moment`);
    }
    return service.practitioners;
  }
  const practitioner = service.practitioners.find((p) => p.id === choice);
  if (!practitioner) {
    throw new FieldError("practitionerId", `That practitioner doesn't offer ${service.name}`);
  }
  return [practitioner];
}

export interface SlotOptions {
  settings: ClinicSettings;
  rules: BookingRules;
  service: BookableService;
  practitionerIds: string[];
  from: string;
  to: string;
  now: Date;
  ignoreBookingId?: string;
  ignoreBookings?: boolean;
}

/** Bookable starts for a service under the given rules, from the database's current state. */
export async function slotsFor(db: Executor, options: SlotOptions): Promise<Slot[]> {
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
    policy: policyFor(settings, options.rules),
    service,
    practitioners: options.ignoreBookings
      ? practitioners.map((p) => ({ ...p, busy: [] }))
      : practitioners,
    closures,
  });
}

/** Bookable times grouped by local day; staff rules offer times inside the notice window too. */
export async function availability(
  ctx: Context,
  input: AvailabilityInput,
  rules: BookingRules = "online",
) {
  const [settings, service] = await Promise.all([
    getClinicSettings(ctx.db),
    requireService(ctx.db, input.serviceId),
  ]);
  const practitioners = candidatesFor(service, input.practitionerId);
  const slots = await slotsFor(ctx.db, {
    settings,
    rules,
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
export async function refuseStart(
  db: Executor,
  options: SlotOptions & { start: Date },
): Promise<never> {
  const { settings, now, start } = options;
  const policy = policyFor(settings, options.rules);
  const who = options.rules === "online" ? "Online bookings" : "Bookings";
  if (start.getTime() < now.getTime()) throw new FieldError("start", "That time is in the past");
  const notice = policy.minNoticeMinutes;
  if (start.getTime() < now.getTime() + notice * MINUTE_MS) {
    throw new FieldError("start", `${who} need at least ${formatNotice(notice)} notice`);
  }
  const horizon = policy.horizonDays;
  if (start.getTime() > now.getTime() + horizon * 86_400_000) {
    throw new FieldError("start", `${who} open up to ${horizon} days ahead`);
  }
  const withoutBookings = await slotsFor(db, { ...options, ignoreBookings: true });
  if (withoutBookings.some((s) => s.start.getTime() === start.getTime())) {
    throw new ConflictError(SLOT_TAKEN);
  }
  throw new FieldError("start", "That isn't one of the available times");
}

function formatNotice(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? "" : "s"}'`;
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? "" : "s"}'`;
  return `${minutes} minutes'`;
}

/** The appointment's times and the time it blocks in the diary, buffers included. */
export function blockedRange(service: BookableService | BookingDetails["service"], start: Date) {
  const endsAt = new Date(start.getTime() + service.durationMinutes * MINUTE_MS);
  return {
    startsAt: start,
    endsAt,
    blockedFrom: new Date(start.getTime() - service.bufferBeforeMinutes * MINUTE_MS),
    blockedUntil: new Date(endsAt.getTime() + service.bufferAfterMinutes * MINUTE_MS),
  };
}

/** What the booking emails need, with the patient's manage link built from `token`. */
export function emailData(
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

interface PlaceBookingRequest {
  serviceId: string;
  practitionerId: PractitionerChoice;
  start: Date;
  patient: { name: string; email: string; phone: string };
  notes: string;
  contactConsent: boolean;
  idempotencyKey: string | null;
}

/**
 * Books a free slot under the rules: checks it in the transaction that writes
 * the booking, its history, the audit entry (staff) and the emails; the
 * exclusion constraint settles races (CONFLICT). A repeated idempotency key
 * answers with the booking it made.
 */
export async function placeBooking(
  ctx: Context,
  input: PlaceBookingRequest,
  options: { rules: BookingRules; by: BookingActor; settings: ClinicSettings },
): Promise<{ details: BookingDetails; manageToken: string }> {
  const { settings, rules, by } = options;
  const now = ctx.now();
  const replay = async () => {
    if (!input.idempotencyKey) return null;
    const existing = await findBookingByIdempotencyKey(ctx.db, input.idempotencyKey);
    if (!existing) return null;
    return { details: existing, manageToken: manageTokenFor(existing.id, ctx.appSecret) };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const service = await requireService(ctx.db, input.serviceId);
  const candidates = candidatesFor(service, input.practitionerId);
  const day = localDateOf(input.start, settings.timeZone);
  const slotOptions: SlotOptions = {
    settings,
    rules,
    service,
    practitionerIds: candidates.map((p) => p.id),
    from: day,
    to: day,
    now,
  };

  // For "first available", a lost race for one practitioner moves on to the next free one.
  for (let attempt = 0; attempt < candidates.length; attempt++) {
    try {
      const placed = await ctx.db.transaction(async (tx) => {
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
          actor: actorOf(by),
          details: {
            returningPatient: patient.returning,
            ...(rules === "staff" ? { by: "staff" } : {}),
          },
        });
        const details = (await findBookingById(tx, id))!;
        if (by.kind === "staff") {
          await recordAudit(tx, {
            at: ctx.now(),
            actor: by.user,
            action: "booking.create",
            entity: "booking",
            entityId: id,
            changes: {
              after: {
                status: details.status,
                startsAt: details.startsAt.toISOString(),
                serviceId: service.id,
                practitionerId,
                patientId: patient.id,
                returningPatient: patient.returning,
              },
            },
          });
        }
        await enqueueBookingEmails(tx, "created", emailData(ctx, details, settings, token), now);
        return { details, manageToken: token };
      });
      ctx.logger.info("booking created", { bookingId: placed.details.id, by: by.kind });
      return placed;
    } catch (error) {
      const state = sqlState(error);
      if (state === SQLSTATE.uniqueViolation) {
        // The same request won a race with itself: answer with the booking it made.
        const again = await replay();
        if (again) return again;
      }
      if (state === SQLSTATE.exclusionViolation) {
        if (attempt + 1 < candidates.length) continue;
        throw new ConflictError(SLOT_TAKEN);
      }
      throw error;
    }
  }
  throw new ConflictError(SLOT_TAKEN);
}

export async function createBooking(ctx: Context, input: CreateBookingInput) {
  const settings = await getClinicSettings(ctx.db);
  const { details, manageToken } = await placeBooking(
    ctx,
    { ...input, idempotencyKey: input.idempotencyKey },
    { rules: "online", by: { kind: "patient" }, settings },
  );
  return { booking: publicBooking(details, settings, ctx.now()), manageToken };
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
    throw new NotFoundError("We couldn't find that booking. Check the link in your email.");
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

export async function bookingByToken(ctx: Context, token: string) {
  const [booking, settings] = await Promise.all([
    requireBookingByToken(ctx, token),
    getClinicSettings(ctx.db),
  ]);
  return publicBooking(booking, settings, ctx.now());
}

/**
 * Cancels a booking in the caller's transaction: the history entry, the
 * audit entry (staff), the patient's email with its link, and the dropped
 * reminder are written with it. Staff changes give the booking a manage
 * link if it had none, so the email's link works.
 */
export async function cancelInTransaction(
  ctx: Context,
  tx: Executor,
  booking: BookingDetails,
  options: {
    reason: string | null;
    by: BookingActor;
    settings: ClinicSettings;
    now: Date;
    /** The patient's link when they used it; otherwise derived from the booking's id. */
    token?: string;
  },
): Promise<BookingDetails> {
  const { reason, by, settings, now } = options;
  const token = options.token ?? manageTokenFor(booking.id, ctx.appSecret);
  if (by.kind === "staff") await ensureManageTokenHash(tx, booking.id, hashManageToken(token));
  await cancelBooking(tx, booking.id, { reason, at: now });
  await recordBookingEvent(tx, {
    bookingId: booking.id,
    kind: "cancelled",
    actor: actorOf(by),
    details: { reason },
  });
  if (by.kind === "staff") {
    await recordAudit(tx, {
      at: ctx.now(),
      actor: by.user,
      action: "booking.cancel",
      entity: "booking",
      entityId: booking.id,
      changes: { status: { before: booking.status, after: "cancelled" }, reason },
    });
  }
  const details = (await findBookingById(tx, booking.id))!;
  await enqueueBookingEmails(tx, "cancelled", emailData(ctx, details, settings, token), now);
  return details;
}

/**
 * Moves a booking to `start` (same practitioner) if that is a free slot under
 * the rules: checked and written in one transaction with its history, audit
 * entry (staff) and the patient's email; CONFLICT when the time was taken.
 */
export async function moveToSlot(
  ctx: Context,
  booking: BookingDetails,
  start: Date,
  options: {
    rules: BookingRules;
    by: BookingActor;
    settings: ClinicSettings;
    now: Date;
    token?: string;
  },
): Promise<BookingDetails> {
  const { rules, by, settings, now } = options;
  const service = await requireService(ctx.db, booking.service.id);
  const day = localDateOf(start, settings.timeZone);
  const slotOptions: SlotOptions = {
    settings,
    rules,
    service,
    practitionerIds: [booking.practitioner.id],
    from: day,
    to: day,
    now,
    ignoreBookingId: booking.id,
  };
  const token = options.token ?? manageTokenFor(booking.id, ctx.appSecret);
  try {
    return await ctx.db.transaction(async (tx) => {
      const slots = await slotsFor(tx, slotOptions);
      if (!slots.some((s) => s.start.getTime() === start.getTime())) {
        return refuseStart(tx, { ...slotOptions, start });
      }
      if (by.kind === "staff") await ensureManageTokenHash(tx, booking.id, hashManageToken(token));
      // One statement moves the booking: the old time is released as the new one is taken.
      await moveBooking(tx, booking.id, blockedRange(service, start));
      const change = { from: booking.startsAt.toISOString(), to: start.toISOString() };
      await recordBookingEvent(tx, {
        bookingId: booking.id,
        kind: "rescheduled",
        actor: actorOf(by),
        details: change,
      });
      if (by.kind === "staff") {
        await recordAudit(tx, {
          at: ctx.now(),
          actor: by.user,
          action: "booking.reschedule",
          entity: "booking",
          entityId: booking.id,
          changes: { startsAt: { before: change.from, after: change.to } },
        });
      }
      const details = (await findBookingById(tx, booking.id))!;
      await enqueueBookingEmails(
        tx,
        "rescheduled",
        { ...emailData(ctx, details, settings, token), previousStartsAt: booking.startsAt },
        now,
      );
      return details;
    });
  } catch (error) {
    if (sqlState(error) === SQLSTATE.exclusionViolation) {
      throw new ConflictError(SLOT_TAKEN);
    }
    throw error;
  }
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
  const updated = await ctx.db.transaction((tx) =>
    cancelInTransaction(ctx, tx, booking, {
      reason,
      by: { kind: "patient" },
      settings,
      now,
      token: input.token,
    }),
  );
  return publicBooking(updated, settings, now);
}

export async function rescheduleByToken(ctx: Context, input: { token: string; start: Date }) {
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
