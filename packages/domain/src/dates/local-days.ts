import { isoWeekStart } from "./iso-weeks.js";
import { addLocalDays, boundaryInstantOf, localDay, wallTimeOf } from "./local-time.js";

/** The local date (`yyyy-MM-dd`) of an instant in the zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  return wallTimeOf(timeZone, instant.getTime()).date;
}

/** The first instant of a local date in the zone (its midnight, or when a change skips it, the day's start). */
export function startOfLocalDay(timeZone: string, date: string): Date {
  return new Date(boundaryInstantOf(timeZone, localDay(timeZone, date), 0));
}

/**
 * The instants local dates `from` to `to` (inclusive) span in the zone, as a
 * half-open range: 23 or 25 hours a day on daylight-saving days.
 */
export function localDaysRange(
  timeZone: string,
  from: string,
  to: string,
): { from: Date; to: Date } {
  return {
    from: startOfLocalDay(timeZone, from),
    to: startOfLocalDay(timeZone, addLocalDays(to, 1)),
  };
}

/** The dates `from` to `to`, inclusive (none when `to` comes first). */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addLocalDays(date, 1)) dates.push(date);
  return dates;
}

/** The seven dates, Monday to Sunday, of the week holding `date`. */
export function weekOf(date: string): string[] {
  const monday = isoWeekStart(date);
  return datesBetween(monday, addLocalDays(monday, 6));
}
