import {
  type BookingDetails,
  findBookingById,
  findStaffBookingExtras,
  getClinicSettings,
  listBookingHistory,
  listBookingMessages,
  listCalendarBookings,
  listClosures,
  listPractitionerSchedules,
  recordAudit,
  recordBookingEvent,
  setBookingStatus,
} from "@clinic/db";
import {
  type AvailabilityInput,
  addLocalDays,
  canOn,
  datesBetween,
  isClosedOn,
  localDay,
  type StaffUser,
  startOfLocalDay,
  timeOffInstants,
  type WorkingStretch,
  workingDay,
} from "@clinic/domain";
import { requireAccessTo } from "../auth/access.js";
import type { StaffContext } from "../context.js";
import { BadRequestError, NotFoundError, PreconditionFailedError } from "../errors.js";
import {
  availability,
  type BookingActor,
  cancelInTransaction,
  moveToSlot,
  placeBooking,
} from "./booking-service.js";

const staffActor = (ctx: StaffContext): BookingActor => ({
  kind: "staff",
  user: { id: ctx.user.id, name: ctx.user.name },
});

/**
 * The staff calendar for local dates `from`…`to`: bookings (cancelled ones
 * only if asked), and for each practitioner and day their working stretches,
 * breaks and time off, with clinic closures, all in the clinic's zone, so a
 * day or week view can lay practitioners out side by side.
 */
export async function bookingCalendar(
  ctx: StaffContext,
  input: {
    from: string;
    to: string;
    practitionerId?: string | undefined;
    includeCancelled: boolean;
  },
) {
  const settings = await getClinicSettings(ctx.db);
  const { timeZone } = settings;
  const from = startOfLocalDay(timeZone, input.from);
  const to = startOfLocalDay(timeZone, addLocalDays(input.to, 1));
  const only = input.practitionerId ? [input.practitionerId] : undefined;
  const [bookings, closures] = await Promise.all([
    listCalendarBookings(ctx.db, {
      from,
      to,
      practitionerIds: only,
      includeCancelled: input.includeCancelled,
    }),
    listClosures(ctx.db, { fromDate: input.from }),
  ]);
  const range = { fromDate: input.from, toDate: input.to };
  const people = await listPractitionerSchedules(ctx.db, { ...range, practitionerIds: only });
  if (input.practitionerId && people.length === 0) {
    throw new NotFoundError("We couldn't find that practitioner");
  }
  // A practitioner who has left still shows where they have bookings in the range.
  const listed = new Set(people.map((p) => p.id));
  const missing = [...new Set(bookings.map((b) => b.practitionerId))].filter(
    (id) => !listed.has(id),
  );
  if (missing.length > 0) {
    people.push(
      ...(await listPractitionerSchedules(ctx.db, { ...range, practitionerIds: missing })),
    );
  }

  const dates = datesBetween(input.from, input.to);
  const closuresInRange = closures.filter((c) => c.startDate <= input.to);
  const days = dates.map((date) => {
    const closure = closuresInRange.find((c) => isClosedOn(date, [c]));
    return {
      date,
      weekday: localDay(timeZone, date).weekday,
      closure: closure ? { id: closure.id, reason: closure.reason } : null,
    };
  });
  return {
    timeZone,
    from: input.from,
    to: input.to,
    days,
    practitioners: people.map((p) => ({
      id: p.id,
      slug: p.slug,
      name: p.name,
      active: p.active,
      days: days.map((day) => {
        const dayStart = startOfLocalDay(timeZone, day.date);
        const dayEnd = startOfLocalDay(timeZone, addLocalDays(day.date, 1));
        const { working, breaks }: { working: WorkingStretch[]; breaks: WorkingStretch[] } =
          day.closure ? { working: [], breaks: [] } : workingDay(timeZone, day.date, p.weeklyHours);
        const timeOff = p.timeOff
          .map((t) => ({ ...t, ...timeOffInstants(timeZone, t) }))
          .filter((t) => t.start < dayEnd && dayStart < t.end)
          .map((t) => ({
            id: t.id,
            reason: t.reason,
            allDay: t.startTime === null,
            startsAt: t.start,
            endsAt: t.end,
          }));
        return { date: day.date, working, breaks, timeOff };
      }),
    })),
    closures: closuresInRange.map((c) => ({
      id: c.id,
      startDate: c.startDate,
      endDate: c.endDate,
      reason: c.reason,
    })),
    bookings,
  };
}

async function requireBooking(ctx: StaffContext, id: string): Promise<BookingDetails> {
  const booking = await findBookingById(ctx.db, id);
  if (!booking) throw new NotFoundError("We couldn't find that booking");
  return booking;
}

/** What a staff member may do to a booking now (the admin app shows only these actions). */
function allowedActions(user: StaffUser, booking: BookingDetails, now: Date) {
  const mayWrite = canOn(user, "bookings.write", booking.practitioner.id);
  const started = booking.startsAt.getTime() <= now.getTime();
  const upcoming = booking.status === "confirmed" && !started;
  return {
    cancel: mayWrite && upcoming,
    reschedule: mayWrite && upcoming,
    markAttendance: mayWrite && started && booking.status !== "cancelled",
  };
}

/**
 * A booking with everything staff need: patient contact details, service,
 * practitioner, notes, its history (with staff names) and the emails written
 * for it, plus which actions the viewer may take.
 */
export async function staffBookingDetail(ctx: StaffContext, id: string) {
  const booking = await requireBooking(ctx, id);
  const [extras, history, messages, settings] = await Promise.all([
    findStaffBookingExtras(ctx.db, id),
    listBookingHistory(ctx.db, id),
    listBookingMessages(ctx.db, id),
    getClinicSettings(ctx.db),
  ]);
  return {
    id: booking.id,
    status: booking.status,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    notes: booking.notes,
    cancellationReason: booking.cancellationReason,
    cancelledAt: extras?.cancelledAt ?? null,
    createdAt: extras?.createdAt ?? null,
    contactConsent: extras?.contactConsent ?? false,
    /** Whether the patient has a working manage link (bookings made online or changed by staff). */
    hasManageLink: extras?.hasManageLink ?? false,
    timeZone: settings.timeZone,
    service: {
      id: booking.service.id,
      name: booking.service.name,
      durationMinutes: booking.service.durationMinutes,
    },
    practitioner: booking.practitioner,
    patient: booking.patient,
    history: history.map((entry) => ({
      id: entry.id,
      kind: entry.kind,
      actorKind: entry.actor === "patient" ? ("patient" as const) : ("staff" as const),
      actorName:
        entry.actor === "patient"
          ? booking.patient.name
          : (entry.actorName ?? "Former staff member"),
      details: entry.details,
      createdAt: entry.createdAt,
    })),
    messages,
    actions: allowedActions(ctx.user, booking, ctx.now()),
  };
}

/**
 * Records attendance once an appointment has started: completed or no-show
 * (either may be corrected later); never for a cancelled booking.
 */
export async function setAttendance(
  ctx: StaffContext,
  input: { id: string; status: "completed" | "no_show" },
) {
  const booking = await requireBooking(ctx, input.id);
  requireAccessTo(ctx.user, "bookings.write", booking.practitioner.id);
  if (booking.status === "cancelled") {
    throw new BadRequestError("This booking was cancelled");
  }
  if (booking.startsAt.getTime() > ctx.now().getTime()) {
    throw new PreconditionFailedError(
      "Attendance can be recorded once the appointment has started",
    );
  }
  if (booking.status !== input.status) {
    await ctx.db.transaction(async (tx) => {
      await setBookingStatus(tx, booking.id, input.status);
      await recordBookingEvent(tx, {
        bookingId: booking.id,
        kind: input.status,
        actor: ctx.user.id,
        details: { from: booking.status },
      });
      await recordAudit(tx, {
        at: ctx.now(),
        actor: { id: ctx.user.id, name: ctx.user.name },
        action: "booking.set_status",
        entity: "booking",
        entityId: booking.id,
        changes: { status: { before: booking.status, after: input.status } },
      });
    });
  }
  return staffBookingDetail(ctx, booking.id);
}

function requireUpcoming(booking: BookingDetails, now: Date, verb: string) {
  if (booking.status === "cancelled") {
    throw new BadRequestError("This booking has already been cancelled");
  }
  if (booking.status !== "confirmed" || booking.startsAt.getTime() <= now.getTime()) {
    throw new BadRequestError(
      `This appointment has already started and can't be ${verb}; record it as completed or a no-show instead`,
    );
  }
}

/** Cancels an upcoming booking for the patient (any time before it starts) and emails them. */
export async function staffCancel(ctx: StaffContext, input: { id: string; reason: string }) {
  const booking = await requireBooking(ctx, input.id);
  requireAccessTo(ctx.user, "bookings.write", booking.practitioner.id);
  const now = ctx.now();
  requireUpcoming(booking, now, "cancelled");
  const settings = await getClinicSettings(ctx.db);
  await ctx.db.transaction((tx) =>
    cancelInTransaction(ctx, tx, booking, {
      reason: input.reason,
      by: staffActor(ctx),
      settings,
      now,
    }),
  );
  return staffBookingDetail(ctx, booking.id);
}

/** Moves an upcoming booking to a free time with the same practitioner (staff rules) and emails the patient. */
export async function staffReschedule(ctx: StaffContext, input: { id: string; start: Date }) {
  const booking = await requireBooking(ctx, input.id);
  requireAccessTo(ctx.user, "bookings.write", booking.practitioner.id);
  const now = ctx.now();
  requireUpcoming(booking, now, "moved");
  const settings = await getClinicSettings(ctx.db);
  await moveToSlot(ctx, booking, input.start, {
    rules: "staff",
    by: staffActor(ctx),
    settings,
    now,
  });
  return staffBookingDetail(ctx, booking.id);
}

/**
 * A booking taken by staff (e.g. on the phone) with the same slot engine
 * under staff rules (see `BookingRules`); the patient gets the usual
 * confirmation with their manage link. Practitioners book only themselves:
 * "first available" means them.
 */
export async function staffCreateBooking(
  ctx: StaffContext,
  input: {
    serviceId: string;
    practitionerId: string;
    start: Date;
    patient: { name: string; email: string; phone: string };
    notes: string;
    idempotencyKey?: string | undefined;
  },
) {
  let practitionerId = input.practitionerId;
  if (!canOn(ctx.user, "bookings.write", null)) {
    // "Own" access: a practitioner's "first available" is themselves.
    if (practitionerId === "any" && ctx.user.practitionerId)
      practitionerId = ctx.user.practitionerId;
    requireAccessTo(ctx.user, "bookings.write", practitionerId);
  }
  const settings = await getClinicSettings(ctx.db);
  const { details } = await placeBooking(
    ctx,
    {
      ...input,
      practitionerId,
      contactConsent: false,
      idempotencyKey: input.idempotencyKey ?? null,
    },
    { rules: "staff", by: staffActor(ctx), settings },
  );
  return staffBookingDetail(ctx, details.id);
}

/** Bookable times under staff rules (inside the notice window, up to a year ahead). */
export function staffAvailability(ctx: StaffContext, input: AvailabilityInput) {
  return availability(ctx, input, "staff");
}
