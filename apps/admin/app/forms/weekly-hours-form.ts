import {
  findOverlappingRanges,
  minutesOfDay,
  timeOfDaySchema,
  type WorkingHoursRange,
  weekdayNames,
} from "@clinic/domain";
import { z } from "zod";

/**
 * The weekly hours editor's form: seven days, each with its list of ranges, so rows are added
 * and removed per day (conform's list intents, which also work without JavaScript). The
 * domain stores the same week as one flat list of weekday ranges.
 */

const MAX_RANGES_PER_DAY = 8;

const rangeFieldsSchema = z.object({
  start: timeOfDaySchema,
  end: timeOfDaySchema,
});

const dayFieldsSchema = z.object({
  weekday: z.number().int().min(1).max(7),
  // A day with no rows submits no range fields at all: that is a day off, not a mistake.
  ranges: z
    .array(rangeFieldsSchema)
    .max(MAX_RANGES_PER_DAY, "At most eight ranges a day")
    .default([]),
});

export const weeklyHoursFormSchema = z
  .object({
    days: z.array(dayFieldsSchema).length(7),
    /** Set by the "keep those bookings" button once staff have seen what falls outside. */
    confirmOrphans: z.boolean().default(false),
  })
  .superRefine((form, ctx) => {
    for (const [d, day] of form.days.entries()) {
      const valid: (WorkingHoursRange & { index: number })[] = [];
      for (const [i, range] of day.ranges.entries()) {
        if (minutesOfDay(range.end) <= minutesOfDay(range.start)) {
          ctx.addIssue({
            code: "custom",
            message: "End must be after start",
            path: ["days", d, "ranges", i, "end"],
          });
        } else {
          valid.push({ weekday: day.weekday, start: range.start, end: range.end, index: i });
        }
      }
      const overlap = findOverlappingRanges(valid);
      if (overlap) {
        const [first, second] = overlap as [(typeof valid)[number], (typeof valid)[number]];
        ctx.addIssue({
          code: "custom",
          message: `Overlaps ${first.start}–${first.end}`,
          path: ["days", d, "ranges", second.index, "start"],
        });
      }
    }
  });
export type WeeklyHoursForm = z.infer<typeof weeklyHoursFormSchema>;

/** The form's week as the domain's flat list, by weekday and start. */
export function rangesFromForm(form: Pick<WeeklyHoursForm, "days">): WorkingHoursRange[] {
  return form.days
    .flatMap((day) => day.ranges.map((r) => ({ weekday: day.weekday, start: r.start, end: r.end })))
    .sort((a, b) => a.weekday - b.weekday || minutesOfDay(a.start) - minutesOfDay(b.start));
}

/** The stored week as the form's seven days, Monday first, ranges by start. */
export function formFromRanges(
  ranges: readonly WorkingHoursRange[],
): Pick<WeeklyHoursForm, "days"> {
  return {
    days: weekdayNames.map((_, index) => ({
      weekday: index + 1,
      ranges: ranges
        .filter((r) => r.weekday === index + 1)
        .sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start))
        .map((r) => ({ start: r.start, end: r.end })),
    })),
  };
}

/** A new row's times: straight after the day's last range, or a usual morning. */
export function nextRangeDefaults(existing: readonly { start?: string; end?: string }[]): {
  start: string;
  end: string;
} {
  const lastEnd = existing
    .map((r) => r.end)
    .filter((end): end is string => timeOfDaySchema.safeParse(end).success)
    .map(minutesOfDay)
    .sort((a, b) => a - b)
    .at(-1);
  if (lastEnd === undefined) return { start: "09:00", end: "17:00" };
  const start = Math.min(lastEnd + 60, 23 * 60);
  const end = Math.min(start + 4 * 60, 24 * 60);
  const hhmm = (m: number) =>
    m === 1440
      ? "24:00"
      : `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return { start: hhmm(start), end: hhmm(end) };
}
