import { addLocalDays, localDay, wallMidnightOf } from "./local-time.js";

const DAY_MS = 86_400_000;

/** The Monday (`yyyy-MM-dd`) of the ISO week holding a local date. */
export function isoWeekStart(date: string): string {
  // The weekday of a calendar date is the same in every zone; UTC is only arithmetic here.
  return addLocalDays(date, 1 - localDay("UTC", date).weekday);
}

/** The ISO week of a local date as `yyyy-Www` (e.g. `2026-W01`), its year being the ISO week-year. */
export function isoWeekLabel(date: string): string {
  // The ISO week belongs to the year of its Thursday; week 1 holds the year's first Thursday.
  const thursday = addLocalDays(isoWeekStart(date), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((wallMidnightOf(thursday) - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The Mondays of the `count` ISO weeks ending with the one holding `date`, oldest first. */
export function lastIsoWeeks(date: string, count: number): string[] {
  const current = isoWeekStart(date);
  return Array.from({ length: count }, (_, i) => addLocalDays(current, (i - count + 1) * 7));
}
