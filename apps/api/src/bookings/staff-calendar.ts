import {
  type Executor,
  getClinicSettings,
  listCalendarBookings,
  listClosures,
  listPractitionerSchedules,
  type PractitionerSchedule,
} from "@clinic/db";
import {
  datesBetween,
  isClosedOn,
  localDay,
  localDaysRange,
  timeOffInstants,
  type WorkingStretch,
  workingDay,
} from "@clinic/domain";
import type { StaffContext } from "../context.js";
import { NotFoundError } from "../errors.js";

/**
 * The practitioners' schedules over local dates (the active ones, or those
 * asked for), plus anyone no longer active who has one of `bookings`: a
 * practitioner who has left still shows where they have appointments.
 */
export async function practitionersWithBookings(
  db: Executor,
  range: { fromDate: string; toDate: string; practitionerIds?: string[] | undefined },
  bookings: readonly { practitionerId: string }[],
): Promise<PractitionerSchedule[]> {
  const people = await listPractitionerSchedules(db, range);
  const listed = new Set(people.map((p) => p.id));
  const missing = [...new Set(bookings.map((b) => b.practitionerId))].filter(
    (id) => !listed.has(id),
  );
  if (missing.length === 0) return people;
  return [
    ...people,
    ...(await listPractitionerSchedules(db, { ...range, practitionerIds: missing })),
  ];
}

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
  const only = input.practitionerId ? [input.practitionerId] : undefined;
  const [bookings, closures] = await Promise.all([
    listCalendarBookings(ctx.db, {
      ...localDaysRange(timeZone, input.from, input.to),
      practitionerIds: only,
      includeCancelled: input.includeCancelled,
    }),
    listClosures(ctx.db, { fromDate: input.from }),
  ]);
  const people = await practitionersWithBookings(
    ctx.db,
    { fromDate: input.from, toDate: input.to, practitionerIds: only },
    bookings,
  );
  if (input.practitionerId && people.length === 0) {
    throw new NotFoundError("We couldn't find that practitioner");
  }

  const closuresInRange = closures.filter((c) => c.startDate <= input.to);
  const days = datesBetween(input.from, input.to).map((date) => {
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
        const { from: dayStart, to: dayEnd } = localDaysRange(timeZone, day.date, day.date);
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
