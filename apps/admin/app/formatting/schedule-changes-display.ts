import {
  localDateOf,
  longDateLabel,
  minutesOfDay,
  type WorkingHoursRange,
  weekdayNames,
} from "@clinic/domain";
import { timeRangeLabel } from "./clinic-time";

/**
 * What the "these bookings fall outside the new hours" step shows: the week's changes day by
 * day, and the affected bookings grouped by local date.
 */

export interface OrphanBooking {
  id: string;
  startsAt: Date;
  endsAt: Date;
  patientName: string;
  serviceName: string;
  practitionerName?: string;
}

export interface OrphanDay<T extends OrphanBooking> {
  date: string;
  label: string;
  bookings: (T & { timeLabel: string })[];
}

/** The bookings grouped by their local date, in time order. */
export function orphansByDay<T extends OrphanBooking>(
  orphans: readonly T[],
  timeZone: string,
): OrphanDay<T>[] {
  const days = new Map<string, OrphanDay<T>>();
  const sorted = [...orphans].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const booking of sorted) {
    const date = localDateOf(booking.startsAt, timeZone);
    let day = days.get(date);
    if (!day) {
      day = { date, label: longDateLabel(date), bookings: [] };
      days.set(date, day);
    }
    day.bookings.push({
      ...booking,
      timeLabel: timeRangeLabel(booking.startsAt, booking.endsAt, timeZone),
    });
  }
  return [...days.values()];
}

/**
 * "2 bookings fall outside the new hours", "1 booking falls within this time off": hours
 * leave bookings outside them, time off and closures catch bookings within them.
 */
export function orphanHeadline(count: number, where = "outside the new hours"): string {
  return count === 1 ? `1 booking falls ${where}` : `${count} bookings fall ${where}`;
}

export interface WeekdayChange {
  weekday: number;
  name: string;
  before: string;
  after: string;
  changed: boolean;
}

/** "08:00–12:30, 13:30–18:00", or "Not working". */
export function describeDay(ranges: readonly WorkingHoursRange[], weekday: number): string {
  const onDay = ranges
    .filter((r) => r.weekday === weekday)
    .sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start));
  return onDay.length === 0 ? "Not working" : onDay.map((r) => `${r.start}–${r.end}`).join(", ");
}

/** Each weekday's hours before and after a change, flagging the days that differ. */
export function weeklyHoursDiff(
  before: readonly WorkingHoursRange[],
  after: readonly WorkingHoursRange[],
): WeekdayChange[] {
  return weekdayNames.map((name, index) => {
    const weekday = index + 1;
    const was = describeDay(before, weekday);
    const now = describeDay(after, weekday);
    return { weekday, name, before: was, after: now, changed: was !== now };
  });
}
