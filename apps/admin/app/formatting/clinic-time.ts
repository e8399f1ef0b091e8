import { instantOf, localDateOf, localDay } from "@clinic/domain";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/**
 * Dates and times as staff read and type them: always the clinic's wall clock, whatever zone
 * the server or the browser runs in.
 */

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether a string is a real calendar date `yyyy-MM-dd` (2026-02-30 is not). */
export function isLocalDate(value: string | null | undefined): value is string {
  if (!value || !LOCAL_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** Today's date in the zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return localDateOf(now, timeZone);
}

/**
 * The instant a wall-clock date and time (`HH:mm`) names in the zone, or null when the input
 * is malformed or the time doesn't exist that day (skipped when clocks go forward). A time
 * that happens twice (clocks go back) means its first occurrence.
 */
export function parseClinicDateTime(date: string, time: string, timeZone: string): Date | null {
  const match = TIME_OF_DAY.exec(time);
  if (!isLocalDate(date) || !match) return null;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  const instant = instantOf(timeZone, localDay(timeZone, date), minute, "earliest");
  return instant === null ? null : new Date(instant);
}

/** Formats an instant in the zone with a date-fns pattern. */
export function formatIn(instant: Date, timeZone: string, pattern: string): string {
  return format(new TZDate(instant.getTime(), timeZone), pattern);
}

/** "9:30 am" */
export function timeLabel(instant: Date, timeZone: string): string {
  return formatIn(instant, timeZone, "h:mm aaa");
}

/** "9:30–10:15 am" style range, each end in the zone. */
export function timeRangeLabel(start: Date, end: Date, timeZone: string): string {
  return `${timeLabel(start, timeZone)}–${timeLabel(end, timeZone)}`;
}

/** "Mon 6 Apr 2026, 9:30 am" */
export function dateTimeLabel(instant: Date, timeZone: string): string {
  return formatIn(instant, timeZone, "EEE d MMM yyyy, h:mm aaa");
}
