import { z } from "zod";
import { idSchema, localDateSchema } from "../common/fields.js";
import {
  addLocalDays,
  boundaryInstantOf,
  localDay,
  wallMidnightOf,
  wallTimeOf,
} from "../dates/local-time.js";
import {
  clinicClosureInputSchema,
  minutesOfDay,
  setWeeklyHoursSchema,
  timeOfDay,
  timeOffInputSchema,
  type WorkingHoursRange,
  weeklyHoursSchema,
} from "./working-hours.js";

/**
 * Changing hours, adding time off or closing the clinic never moves or
 * cancels a booking: the API refuses a change that would leave confirmed
 * bookings outside the hours unless staff confirm they have seen them.
 */
const confirmOrphans = z.boolean().default(false);

export const setWeeklyHoursInputSchema = setWeeklyHoursSchema.extend({ confirmOrphans });
export const addTimeOffInputSchema = timeOffInputSchema.safeExtend({ confirmOrphans });
export const addClosureInputSchema = clinicClosureInputSchema.safeExtend({ confirmOrphans });

/** Accepts the public holiday starting on `startDate` (one the clinic's region has) as a closure. */
export const acceptHolidayInputSchema = z.object({ startDate: localDateSchema, confirmOrphans });

/** The dates of a proposed closure, to list the bookings it would cover before saving. */
export const closurePreviewInputSchema = z
  .object({ startDate: localDateSchema, endDate: localDateSchema })
  .refine((c) => !isLocalDateRange(c) || c.endDate >= c.startDate, {
    message: "End date can't be before start date",
    path: ["endDate"],
  });

function isLocalDateRange(c: { startDate: unknown; endDate: unknown }): boolean {
  return (
    localDateSchema.safeParse(c.startDate).success && localDateSchema.safeParse(c.endDate).success
  );
}

export const practitionerIdInputSchema = z.object({ practitionerId: idSchema });
export const listClosuresInputSchema = z.object({ includePast: z.boolean().default(false) });

/** Bookable times for the next two weeks, with `ranges` (if given) in place of the stored week. */
export const schedulePreviewInputSchema = z.object({
  practitionerId: idSchema,
  ranges: weeklyHoursSchema.optional(),
});

/** Days a schedule preview covers, today included. */
export const SCHEDULE_PREVIEW_DAYS = 14;

export interface ScheduleRules {
  timeZone: string;
  weeklyHours: readonly WorkingHoursRange[];
  timeOff: readonly {
    startDate: string;
    endDate: string;
    startTime: string | null;
    endTime: string | null;
  }[];
  closures: readonly { startDate: string; endDate: string }[];
}

/** Ranges per ISO weekday (index 1…7) in minutes, sorted, touching ones merged. */
function mergedRangesByWeekday(hours: readonly WorkingHoursRange[]): [number, number][][] {
  const byDay: [number, number][][] = Array.from({ length: 8 }, () => []);
  const sorted = hours
    .map((h) => [h.weekday, minutesOfDay(h.start), minutesOfDay(h.end)] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [weekday, start, end] of sorted) {
    const day = byDay[weekday]!;
    const last = day[day.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else day.push([start, end]);
  }
  return byDay;
}

/** A time-off entry as an instant range `[start, end)` in the zone. */
export function timeOffInstants(
  timeZone: string,
  t: ScheduleRules["timeOff"][number],
): { start: Date; end: Date } {
  const start = boundaryInstantOf(
    timeZone,
    localDay(timeZone, t.startDate),
    t.startTime === null ? 0 : minutesOfDay(t.startTime),
  );
  const end =
    t.endTime === null
      ? boundaryInstantOf(timeZone, localDay(timeZone, addLocalDays(t.endDate, 1)), 0)
      : boundaryInstantOf(timeZone, localDay(timeZone, t.endDate), minutesOfDay(t.endTime));
  return { start: new Date(start), end: new Date(end) };
}

/** Whether a local date falls in any of the (inclusive) date ranges. */
export function isClosedOn(
  date: string,
  closures: readonly { startDate: string; endDate: string }[],
): boolean {
  const wall = wallMidnightOf(date);
  return closures.some(
    (c) => wall >= wallMidnightOf(c.startDate) && wall <= wallMidnightOf(c.endDate),
  );
}

/**
 * Whether an appointment (its own time, buffers aside) lies inside one of
 * the practitioner's working ranges on its local day, clear of their time off
 * and of clinic closures.
 */
export function fitsSchedule(
  appointment: { startsAt: Date; endsAt: Date },
  rules: ScheduleRules,
): boolean {
  const { timeZone } = rules;
  const start = wallTimeOf(timeZone, appointment.startsAt.getTime());
  const end = wallTimeOf(timeZone, appointment.endsAt.getTime());
  if (isClosedOn(start.date, rules.closures)) return false;
  // An appointment running past midnight fits only if it ends exactly at 24:00.
  const endMinute =
    end.date === start.date
      ? end.minute
      : end.date === addLocalDays(start.date, 1)
        ? 1440 + end.minute
        : Infinity;
  const weekday = localDay(timeZone, start.date).weekday;
  const ranges = mergedRangesByWeekday(rules.weeklyHours)[weekday]!;
  if (!ranges.some(([from, to]) => from <= start.minute && endMinute <= to)) return false;
  return !rules.timeOff.some((t) => {
    const off = timeOffInstants(timeZone, t);
    return off.start < appointment.endsAt && appointment.startsAt < off.end;
  });
}

/** The appointments that would lie outside the schedule (see `fitsSchedule`), in the given order. */
export function appointmentsOutsideSchedule<T extends { startsAt: Date; endsAt: Date }>(
  appointments: readonly T[],
  rules: ScheduleRules,
): T[] {
  return appointments.filter((a) => !fitsSchedule(a, rules));
}

export interface WorkingStretch {
  /** Local wall-clock times, `HH:mm`. */
  start: string;
  end: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * A practitioner's working stretches on one local date and the breaks
 * between them, with both wall-clock times and instants (correct on
 * daylight-saving days), for laying out a calendar column.
 */
export function workingDay(
  timeZone: string,
  date: string,
  weeklyHours: readonly WorkingHoursRange[],
): { working: WorkingStretch[]; breaks: WorkingStretch[] } {
  const day = localDay(timeZone, date);
  const ranges = mergedRangesByWeekday(weeklyHours)[day.weekday]!;
  const stretch = (from: number, to: number): WorkingStretch => ({
    start: timeOfDay(from),
    end: timeOfDay(to),
    startsAt: new Date(boundaryInstantOf(timeZone, day, from)),
    endsAt: new Date(boundaryInstantOf(timeZone, day, to)),
  });
  const working = ranges.map(([from, to]) => stretch(from, to));
  const breaks = ranges.slice(1).map(([from], i) => stretch(ranges[i]![1], from));
  return { working, breaks };
}

/** A rule of the diary a staff booking may knowingly set aside (never another booking). */
export type ScheduleException = "closure" | "time_off" | "break" | "outside_hours";

export const scheduleExceptionLabels: Record<ScheduleException, string> = {
  closure: "the clinic is closed that day",
  time_off: "the practitioner is on time off",
  break: "it overlaps the practitioner's break",
  outside_hours: "it is outside the practitioner's working hours",
};

/**
 * Which of the practitioner's schedule rules an appointment (its own time,
 * buffers aside) breaks: empty when it `fitsSchedule`. A time partly in a
 * gap between two working stretches that day is a break; anything else not
 * inside a stretch is outside hours.
 */
export function scheduleExceptions(
  appointment: { startsAt: Date; endsAt: Date },
  rules: ScheduleRules,
): ScheduleException[] {
  const { timeZone } = rules;
  const found: ScheduleException[] = [];
  const start = wallTimeOf(timeZone, appointment.startsAt.getTime());
  if (isClosedOn(start.date, rules.closures)) found.push("closure");
  const onTimeOff = rules.timeOff.some((t) => {
    const off = timeOffInstants(timeZone, t);
    return off.start < appointment.endsAt && appointment.startsAt < off.end;
  });
  if (onTimeOff) found.push("time_off");
  if (!fitsSchedule(appointment, { ...rules, closures: [], timeOff: [] })) {
    const { breaks } = workingDay(timeZone, start.date, rules.weeklyHours);
    const inBreak = breaks.some(
      (b) => b.startsAt < appointment.endsAt && appointment.startsAt < b.endsAt,
    );
    found.push(inBreak ? "break" : "outside_hours");
  }
  return found;
}
