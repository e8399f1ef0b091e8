import { addLocalDays, isoWeekStart, localDateOf } from "@clinic/domain";

/** The stretch of local dates a patient may book: from today to the end of the horizon. */
export interface BookingWindow {
  /** Today in the clinic's zone, `yyyy-MM-dd`. */
  today: string;
  /** The last day the booking horizon reaches. */
  lastDay: string;
  /** Monday of the week holding `today`. */
  firstWeek: string;
  /** Monday of the week holding `lastDay`. */
  lastWeek: string;
}

/** The window bookings may fall in, seen from `now` in the clinic's zone. */
export function bookingWindow(now: Date, timeZone: string, horizonDays: number): BookingWindow {
  const today = localDateOf(now, timeZone);
  const lastDay = localDateOf(new Date(now.getTime() + horizonDays * 86_400_000), timeZone);
  return { today, lastDay, firstWeek: isoWeekStart(today), lastWeek: isoWeekStart(lastDay) };
}

/** The week to show for a requested date (any day of it), kept inside the window. */
export function clampWeek(requested: string | null, window: BookingWindow): string {
  if (requested === null) return window.firstWeek;
  const week = isoWeekStart(requested);
  if (week < window.firstWeek) return window.firstWeek;
  if (week > window.lastWeek) return window.lastWeek;
  return week;
}

/** The weeks before and after `week` that still hold bookable days, or null at either end. */
export function weekNavigation(
  week: string,
  window: BookingWindow,
): { previous: string | null; next: string | null } {
  return {
    previous: week > window.firstWeek ? addLocalDays(week, -7) : null,
    next: week < window.lastWeek ? addLocalDays(week, 7) : null,
  };
}

/** Whether a local date lies in the booking window. */
export function isInWindow(date: string, window: BookingWindow): boolean {
  return date >= window.today && date <= window.lastDay;
}

/** The part of a week inside the window, as an availability query's `from`/`to`, or null. */
export function weekQueryRange(
  week: string,
  window: BookingWindow,
): { from: string; to: string } | null {
  const from = week < window.today ? window.today : week;
  const weekEnd = addLocalDays(week, 6);
  // biome-ignore lint/complexity/useMathMinMax: yyyy-MM-dd strings, compared as text
  const to = weekEnd > window.lastDay ? window.lastDay : weekEnd;
  return from <= to ? { from, to } : null;
}
