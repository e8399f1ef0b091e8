import {
  type BookableService,
  type BookingDetails,
  type Executor,
  findBookableService,
  getClinicSettings,
  listClinicClosures,
  loadSlotPractitioners,
} from "@clinic/db";
import {
  type AvailabilityInput,
  addLocalDays,
  type ClinicSettings,
  computeSlots,
  datesBetween,
  groupSlotsByDay,
  localDateOf,
  type PractitionerChoice,
  type ScheduleException,
  type Slot,
  type SlotDay,
  STAFF_HORIZON_DAYS,
  scheduleExceptions,
} from "@clinic/domain";
import { cachedRead } from "../cache/public-cache.js";
import type { AppContext } from "../context.js";
import { ConflictError, FieldError } from "../errors.js";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
export const SLOT_TAKEN = "That time was just taken — please pick another.";

/**
 * Whose rules a booking follows. Online, the clinic's policy applies as set.
 * Staff (a phone booking at the front desk, a move by the practitioner) may
 * book inside the minimum notice, since the person is on the line and can say
 * whether they can make it, and up to a year ahead; never in the past, and
 * never outside hours, on time off, over a closure or over another booking.
 */
export type BookingRules = "online" | "staff";

function policyFor(settings: ClinicSettings, rules: BookingRules): ClinicSettings["bookingPolicy"] {
  if (rules === "online") return settings.bookingPolicy;
  return { ...settings.bookingPolicy, minNoticeMinutes: 0, horizonDays: STAFF_HORIZON_DAYS };
}

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
  // Padded so the local days are covered whatever the zone's offset (UTC−12 to UTC+14).
  const windowStart = new Date(Date.parse(`${options.from}T00:00:00Z`) - 14 * HOUR_MS);
  const windowEnd = new Date(Date.parse(`${addLocalDays(options.to, 1)}T00:00:00Z`) + 14 * HOUR_MS);
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

/**
 * The days from `from` to `to` on which the clinic is closed, with the
 * closure's reason (the first, if several overlap), so a booking page can say
 * "Closed: Christmas Day" rather than that every time is taken.
 */
async function closedDays(
  db: Executor,
  from: string,
  to: string,
): Promise<{ date: string; reason: string }[]> {
  const closures = await listClinicClosures(db, { fromDate: from, toDate: to });
  const reasons = new Map<string, string>();
  for (const closure of closures.sort((a, b) => a.startDate.localeCompare(b.startDate))) {
    const first = closure.startDate > from ? closure.startDate : from;
    const last = closure.endDate < to ? closure.endDate : to;
    for (const date of datesBetween(first, last)) {
      if (!reasons.has(date)) reasons.set(date, closure.reason);
    }
  }
  return [...reasons]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, reason]) => ({ date, reason }));
}

/** What an availability answer says about the service. */
function serviceSummary(service: BookableService) {
  const { id, slug, name, durationMinutes } = service;
  return { id, slug, name, durationMinutes };
}

/** Bookable times grouped by local day; staff rules offer times inside the notice window too. */
export async function availability(
  ctx: AppContext,
  input: AvailabilityInput,
  rules: BookingRules = "online",
) {
  if (rules === "online") return onlineAvailability(ctx, input);
  const [settings, service] = await Promise.all([
    getClinicSettings(ctx.db),
    requireService(ctx.db, input.serviceId),
  ]);
  const practitioners = candidatesFor(service, input.practitionerId);
  const [slots, closed] = await Promise.all([
    slotsFor(ctx.db, {
      settings,
      rules,
      service,
      practitionerIds: practitioners.map((p) => p.id),
      from: input.from,
      to: input.to,
      now: ctx.now(),
    }),
    closedDays(ctx.db, input.from, input.to),
  ]);
  return {
    timeZone: settings.timeZone,
    service: serviceSummary(service),
    practitioners,
    days: groupSlotsByDay(slots, settings.timeZone),
    closedDays: closed,
  };
}

// Before any slot: the engine then skips no start as past or within notice (see allStarts).
const EARLIEST_INSTANT = new Date(-8.64e15);

/**
 * Every start the clinic's hours, time off, closures and bookings leave free
 * from `from` to `to`, whatever the time: what the online policy's notice and
 * horizon keep depends on the instant of the request, so `onlineAvailability`
 * applies them then. The engine's only use of `now` is to skip starts before
 * now + notice or after now + horizon, one start at a time, so filtering these
 * afterwards gives exactly the slots it would compute at that instant.
 */
async function allStarts(db: Executor, input: AvailabilityInput) {
  const [settings, service] = await Promise.all([
    getClinicSettings(db),
    requireService(db, input.serviceId),
  ]);
  const practitioners = candidatesFor(service, input.practitionerId);
  const policy = settings.bookingPolicy;
  const [slots, closed] = await Promise.all([
    slotsFor(db, {
      settings: {
        ...settings,
        bookingPolicy: { ...policy, minNoticeMinutes: 0, horizonDays: Number.POSITIVE_INFINITY },
      },
      rules: "online",
      service,
      practitionerIds: practitioners.map((p) => p.id),
      from: input.from,
      to: input.to,
      now: EARLIEST_INSTANT,
    }),
    closedDays(db, input.from, input.to),
  ]);
  return {
    policy,
    timeZone: settings.timeZone,
    service: serviceSummary(service),
    practitioners,
    days: groupSlotsByDay(slots, settings.timeZone),
    closedDays: closed,
  };
}

/**
 * Online availability: the free starts are kept between writes (decision 015),
 * and the clinic's notice and horizon applied at the request's instant. What
 * that shows holds until a start drops inside the notice or one comes inside
 * the horizon: the answer's window says so, for the kept HTTP answer.
 */
async function onlineAvailability(ctx: AppContext, input: AvailabilityInput) {
  const key = `slots:${input.serviceId}:${input.practitionerId}:${input.from}:${input.to}`;
  const all = await cachedRead(ctx, key, async () => ({ value: await allStarts(ctx.db, input) }));
  const now = ctx.now().getTime();
  const notice = all.policy.minNoticeMinutes * MINUTE_MS;
  const horizon = all.policy.horizonDays * DAY_MS;
  const days: SlotDay[] = [];
  let until = Number.POSITIVE_INFINITY;
  for (const day of all.days) {
    const slots = day.slots.filter((s) => {
      const start = s.start.getTime();
      if (start < now + notice) return false;
      // Starts are in order: the first past the notice leaves when it falls inside it...
      until = Math.min(until, start - notice + 1);
      if (start <= now + horizon) return true;
      // ...and the first past the horizon comes in when the horizon reaches it.
      until = Math.min(until, start - horizon);
      return false;
    });
    if (slots.length > 0) days.push({ date: day.date, slots });
  }
  if (ctx.answer) {
    ctx.answer.from = Math.max(ctx.answer.from, now);
    ctx.answer.until = Math.min(ctx.answer.until, until);
  }
  const { policy: _policy, ...shown } = all;
  return { ...shown, days };
}

/**
 * Refuses a start in the past, inside the notice or past the horizon (a
 * field error on `start`). Called before any slot is computed or any local
 * day derived from `start`, so a far-off instant never reaches date
 * arithmetic or the database.
 */
export function requireInsideBookingWindow(options: {
  settings: ClinicSettings;
  rules: BookingRules;
  now: Date;
  start: Date;
}): void {
  const { settings, now, start } = options;
  const policy = policyFor(settings, options.rules);
  const who = options.rules === "online" ? "Online bookings" : "Bookings";
  if (start.getTime() < now.getTime()) throw new FieldError("start", "That time is in the past");
  const notice = policy.minNoticeMinutes;
  if (start.getTime() < now.getTime() + notice * MINUTE_MS) {
    throw new FieldError("start", `${who} need at least ${formatNotice(notice)} notice`);
  }
  const horizon = policy.horizonDays;
  if (start.getTime() > now.getTime() + horizon * 24 * HOUR_MS) {
    throw new FieldError("start", `${who} open up to ${horizon} days ahead`);
  }
}

/**
 * Why `start` can't be booked: a time that would be bookable but for other
 * bookings is a lost race (CONFLICT); anything else is a bad request.
 */
export async function refuseStart(
  db: Executor,
  options: SlotOptions & { start: Date },
): Promise<never> {
  requireInsideBookingWindow(options);
  const withoutBookings = await slotsFor(db, { ...options, ignoreBookings: true });
  if (withoutBookings.some((s) => s.start.getTime() === options.start.getTime())) {
    throw new ConflictError(SLOT_TAKEN);
  }
  throw new FieldError("start", "That isn't one of the available times");
}

/** Throws unless `start` is one of the free starts on its day under the options' rules. */
export async function requireFreeSlot(
  db: Executor,
  options: SlotOptions & { start: Date },
): Promise<Slot> {
  requireInsideBookingWindow(options);
  const slots = await slotsFor(db, options);
  const slot = slots.find((s) => s.start.getTime() === options.start.getTime());
  return slot ?? refuseStart(db, options);
}

/** Where a staff booking outside the usual hours would land over another booking. */
export const OVERLAPS_BOOKING =
  "That time overlaps another booking for this practitioner — pick a time clear of it.";

/**
 * For a booking outside the usual hours (staff only): refuses a start in the
 * past or past the staff horizon, and says which of the practitioner's
 * schedule rules the appointment sets aside (empty when it fits them). Other
 * bookings aren't checked here: the exclusion constraint refuses an overlap.
 */
export async function scheduleExceptionsAt(
  db: Executor,
  options: {
    settings: ClinicSettings;
    service: BookableService;
    practitionerId: string;
    start: Date;
    now: Date;
  },
): Promise<ScheduleException[]> {
  const { settings, service, start } = options;
  requireInsideBookingWindow({ settings, rules: "staff", now: options.now, start });
  const { startsAt, endsAt } = blockedRange(service, start);
  const [practitioner] = await loadSlotPractitioners(db, {
    practitionerIds: [options.practitionerId],
    from: new Date(startsAt.getTime() - DAY_MS),
    to: new Date(endsAt.getTime() + DAY_MS),
  });
  const day = localDateOf(start, settings.timeZone);
  const closures = await listClinicClosures(db, { fromDate: day, toDate: day });
  return scheduleExceptions(
    { startsAt, endsAt },
    {
      timeZone: settings.timeZone,
      weeklyHours: practitioner?.weeklyHours ?? [],
      timeOff: practitioner?.timeOff ?? [],
      closures,
    },
  );
}

/**
 * What booking `start` outside the usual hours would set aside, and whether
 * it would land over another booking (which is refused whatever staff say).
 */
export async function checkOutsideHours(
  ctx: AppContext,
  input: { serviceId: string; practitionerId: string; start: Date; bookingId?: string | undefined },
) {
  const [settings, service] = await Promise.all([
    getClinicSettings(ctx.db),
    requireService(ctx.db, input.serviceId),
  ]);
  candidatesFor(service, input.practitionerId);
  const setAside = await scheduleExceptionsAt(ctx.db, {
    settings,
    service,
    practitionerId: input.practitionerId,
    start: input.start,
    now: ctx.now(),
  });
  const blocked = blockedRange(service, input.start);
  const [practitioner] = await loadSlotPractitioners(ctx.db, {
    practitionerIds: [input.practitionerId],
    from: blocked.blockedFrom,
    to: blocked.blockedUntil,
    ignoreBookingId: input.bookingId,
  });
  const overlapsBooking = (practitioner?.busy ?? []).some(
    (b) => b.start < blocked.blockedUntil && blocked.blockedFrom < b.end,
  );
  return { setAside, overlapsBooking };
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
