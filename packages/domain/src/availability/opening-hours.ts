import { minutesOfDay, timeOfDay, type WorkingHoursRange, weekdayNames } from "./working-hours.js";

export interface OpeningHours {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  dayName: (typeof weekdayNames)[number];
  opens: string;
  closes: string;
}

/**
 * When the clinic is open: the union of every practitioner's working
 * ranges, per weekday, with overlapping or touching ranges joined, so a
 * lunch break only shows when nobody is working.
 */
export function openingHours(ranges: readonly WorkingHoursRange[]): OpeningHours[] {
  const sorted = [...ranges].sort(
    (a, b) => a.weekday - b.weekday || minutesOfDay(a.start) - minutesOfDay(b.start),
  );
  const joined: { weekday: number; start: number; end: number }[] = [];
  for (const range of sorted) {
    const start = minutesOfDay(range.start);
    const end = minutesOfDay(range.end);
    const last = joined[joined.length - 1];
    if (last && last.weekday === range.weekday && start <= last.end)
      last.end = Math.max(last.end, end);
    else joined.push({ weekday: range.weekday, start, end });
  }
  return joined.map(({ weekday, start, end }) => ({
    weekday,
    dayName: weekdayNames[weekday - 1]!,
    opens: timeOfDay(start),
    closes: timeOfDay(end),
  }));
}
