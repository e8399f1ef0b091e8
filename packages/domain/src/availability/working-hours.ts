import { z } from "zod";
import { idSchema, localDateSchema, timeOfDaySchema } from "../common/fields.js";
import { singleLineText } from "../common/storable-text.js";

/** ISO weekday: 1 = Monday … 7 = Sunday (date-fns `getISODay`). */
export const weekdaySchema = z.number().int().min(1).max(7);
export const weekdayNames = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;

const MINUTES_PER_DAY = 24 * 60;
const MAX_RANGES_PER_DAY = 8;

function isTimeOfDay(value: unknown): value is string {
  return timeOfDaySchema.safeParse(value).success;
}

function isLocalDate(value: unknown): value is string {
  return localDateSchema.safeParse(value).success;
}

/**
 * Minutes since local midnight for an `HH:mm` string (`00:00` → 0, `24:00` → 1440).
 * Throws a RangeError for anything that is not a valid time of day.
 */
export function minutesOfDay(time: string): number {
  if (!isTimeOfDay(time)) throw new RangeError(`Expected a time such as 09:30, got "${time}"`);
  const [h = 0, m = 0] = time.split(":").map(Number);
  return h * 60 + m;
}

/**
 * `HH:mm` for whole minutes since local midnight, 0…1440 (1440 → `24:00`).
 * Throws a RangeError outside that range, so the result always parses back.
 */
export function timeOfDay(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) {
    throw new RangeError(`Expected whole minutes from 0 to 1440, got ${minutes}`);
  }
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** One local wall-clock range on a weekday, e.g. Monday 08:00–12:30. */
export const workingHoursRangeSchema = z
  .object({
    weekday: weekdaySchema,
    start: timeOfDaySchema,
    end: timeOfDaySchema,
  })
  .refine(
    (r) =>
      !isTimeOfDay(r.start) || !isTimeOfDay(r.end) || minutesOfDay(r.end) > minutesOfDay(r.start),
    { message: "End must be after start", path: ["end"] },
  );
export type WorkingHoursRange = z.infer<typeof workingHoursRangeSchema>;

/**
 * A practitioner's whole week: at most eight ranges a day, and ranges on the
 * same day may not overlap (gaps are breaks; back-to-back ranges are fine).
 */
export const weeklyHoursSchema = z
  .array(workingHoursRangeSchema)
  .max(7 * MAX_RANGES_PER_DAY, "At most eight ranges a day")
  .superRefine((ranges, ctx) => {
    // Only ranges that are valid on their own can overlap; the others already have their issue.
    const valid = ranges.filter((r) => workingHoursRangeSchema.safeParse(r).success);
    for (const [index, name] of weekdayNames.entries()) {
      const onDay = valid.filter((r) => r.weekday === index + 1);
      if (onDay.length > MAX_RANGES_PER_DAY) {
        ctx.addIssue({
          code: "custom",
          message: `At most eight ranges on ${name}`,
          path: [ranges.indexOf(onDay[MAX_RANGES_PER_DAY]!)],
        });
      }
    }
    const overlap = findOverlappingRanges(valid);
    if (overlap) {
      const [first, second] = overlap;
      ctx.addIssue({
        code: "custom",
        message: `${weekdayNames[second.weekday - 1]} ${second.start}–${second.end} overlaps ${first.start}–${first.end}`,
        path: [ranges.indexOf(second)],
      });
    }
  });

/**
 * The first pair of ranges on the same weekday that overlap, or null. Ranges
 * that only touch (12:00–13:00 then 13:00–17:00) do not overlap. Expects valid
 * ranges (see `workingHoursRangeSchema`).
 */
export function findOverlappingRanges(
  ranges: readonly WorkingHoursRange[],
): [WorkingHoursRange, WorkingHoursRange] | null {
  const sorted = [...ranges].sort(
    (a, b) => a.weekday - b.weekday || minutesOfDay(a.start) - minutesOfDay(b.start),
  );
  // Sorted by start, any overlap shows up between neighbours: if A overlaps a later C,
  // the range right after A starts between A's start and C's start, so inside A.
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (prev.weekday === cur.weekday && minutesOfDay(cur.start) < minutesOfDay(prev.end)) {
      return [prev, cur];
    }
  }
  return null;
}

export const setWeeklyHoursSchema = z.object({
  practitionerId: idSchema,
  ranges: weeklyHoursSchema,
});

/**
 * Time off for one practitioner, in the clinic's local time. Without times it
 * covers whole days from `startDate` to `endDate` inclusive; with times it runs
 * from `startDate startTime` to `endDate endTime`.
 */
export const timeOffInputSchema = z
  .object({
    practitionerId: idSchema,
    startDate: localDateSchema,
    endDate: localDateSchema,
    startTime: timeOfDaySchema.nullable(),
    endTime: timeOfDaySchema.nullable(),
    reason: singleLineText().trim().max(200),
  })
  .superRefine((t, ctx) => {
    // Each rule looks only at fields that are valid on their own, so one mistake gets one message.
    if ((t.startTime === null) !== (t.endTime === null)) {
      ctx.addIssue({
        code: "custom",
        message: "Give both a start and an end time, or neither for whole days",
        path: ["endTime"],
      });
      return;
    }
    if (t.startTime === "24:00") {
      ctx.addIssue({
        code: "custom",
        message: "Start at 00:00 on the next day instead of 24:00",
        path: ["startTime"],
      });
      return;
    }
    if (!isLocalDate(t.startDate) || !isLocalDate(t.endDate)) return;
    // yyyy-MM-dd strings compare in calendar order.
    if (t.endDate < t.startDate) {
      ctx.addIssue({ code: "custom", message: "End must be after start", path: ["endDate"] });
      return;
    }
    if (
      t.endDate === t.startDate &&
      isTimeOfDay(t.startTime) &&
      isTimeOfDay(t.endTime) &&
      minutesOfDay(t.endTime) <= minutesOfDay(t.startTime)
    ) {
      ctx.addIssue({ code: "custom", message: "End must be after start", path: ["endTime"] });
    }
  });
export type TimeOffInput = z.infer<typeof timeOffInputSchema>;
export type TimeOff = TimeOffInput & { id: string };

/** The whole clinic is closed (public holiday, training day) on these local dates, inclusive. */
export const clinicClosureInputSchema = z
  .object({
    startDate: localDateSchema,
    endDate: localDateSchema,
    reason: singleLineText().trim().min(1, "Say why the clinic is closed").max(200),
  })
  .refine((c) => !isLocalDate(c.startDate) || !isLocalDate(c.endDate) || c.endDate >= c.startDate, {
    message: "End date can't be before start date",
    path: ["endDate"],
  });
export type ClinicClosureInput = z.infer<typeof clinicClosureInputSchema>;
export type ClinicClosure = ClinicClosureInput & { id: string };
