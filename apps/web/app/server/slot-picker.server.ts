import { addLocalDays, longDateLabel, type PractitionerChoice, weekOf } from "@clinic/domain";
import { dayParts, formatDateRange, formatSlotTime } from "../formatting/time-labels";
import { api } from "./api.server";
import {
  bookingWindow,
  clampWeek,
  isInWindow,
  weekNavigation,
  weekQueryRange,
} from "./booking-week";

export interface PickerDay {
  date: string;
  weekday: string;
  dayOfMonth: string;
  month: string;
  /** "Tuesday 3 March" */
  label: string;
  slotCount: number;
  /** Inside the booking window (not past, not beyond the horizon). */
  inWindow: boolean;
  /** Why the clinic is closed that day ("Christmas Day"), or null when it's open. */
  closedReason: string | null;
}

export interface PickerSlot {
  /** ISO 8601 instant. */
  start: string;
  /** "9:30 am AEDT" */
  label: string;
}

/** Everything the day and time picker shows, with every label made on the server. */
export interface PickerData {
  week: string;
  weekLabel: string;
  days: PickerDay[];
  previousWeek: string | null;
  nextWeek: string | null;
  selectedDay: string | null;
  selectedDayLabel: string | null;
  /** Why the clinic is closed on the selected day, or null. */
  selectedDayClosed: string | null;
  slots: PickerSlot[];
}

type SlotDays = Array<{ date: string; slots: Array<{ start: Date }> }>;
type ClosedDays = Array<{ date: string; reason: string }>;

/** How far ahead the first visit looks for a free day before settling on this week. */
const FIRST_LOOK_DAYS = 28;

/**
 * Loads the week to show for a service and practitioner choice. With no week or day asked
 * for, it opens on the first day with free times (within four weeks), so the patient starts
 * where they can book.
 */
export async function loadPicker(options: {
  serviceId: string;
  practitionerId: PractitionerChoice;
  week: string | null;
  day: string | null;
  timeZone: string;
  horizonDays: number;
  now?: Date;
}): Promise<PickerData> {
  const { serviceId, practitionerId, timeZone } = options;
  const window = bookingWindow(options.now ?? new Date(), timeZone, options.horizonDays);
  const fetchDays = async (from: string, to: string) => {
    const answer = await api.availability.slots.query({ serviceId, practitionerId, from, to });
    return { days: answer.days as SlotDays, closed: answer.closedDays as ClosedDays };
  };

  let week: string;
  let days: SlotDays;
  let closed: ClosedDays;
  let requestedDay = options.day && isInWindow(options.day, window) ? options.day : null;
  if (options.day === null && options.week === null) {
    const lookTo = minDate(addLocalDays(window.today, FIRST_LOOK_DAYS - 1), window.lastDay);
    const ahead = await fetchDays(window.today, lookTo);
    const firstFree = ahead.days[0]?.date ?? null;
    week = clampWeek(firstFree, window);
    requestedDay = firstFree;
    const range = weekQueryRange(week, window);
    const inRange = (day: { date: string }) =>
      range !== null && day.date >= range.from && day.date <= range.to;
    ({ days, closed } =
      range && range.to <= lookTo
        ? { days: ahead.days.filter(inRange), closed: ahead.closed.filter(inRange) }
        : range
          ? await fetchDays(range.from, range.to)
          : { days: [], closed: [] });
  } else {
    week = clampWeek(options.day ?? options.week, window);
    const range = weekQueryRange(week, window);
    ({ days, closed } = range ? await fetchDays(range.from, range.to) : { days: [], closed: [] });
  }
  const closedReasons = new Map(closed.map((day) => [day.date, day.reason]));

  const slotsByDate = new Map(days.map((day) => [day.date, day.slots]));
  const dates = weekOf(week);
  const selectedDay =
    requestedDay && dates.includes(requestedDay)
      ? requestedDay
      : (dates.find((date) => (slotsByDate.get(date)?.length ?? 0) > 0) ?? null);
  const { previous, next } = weekNavigation(week, window);

  return {
    week,
    weekLabel: formatDateRange(dates[0] ?? week, dates[6] ?? week),
    days: dates.map((date) => ({
      date,
      ...dayParts(date),
      slotCount: slotsByDate.get(date)?.length ?? 0,
      inWindow: isInWindow(date, window),
      closedReason: closedReasons.get(date) ?? null,
    })),
    previousWeek: previous,
    nextWeek: next,
    selectedDay,
    selectedDayLabel: selectedDay ? longDateLabel(selectedDay) : null,
    selectedDayClosed: selectedDay ? (closedReasons.get(selectedDay) ?? null) : null,
    slots: (selectedDay ? (slotsByDate.get(selectedDay) ?? []) : []).map((slot) => ({
      start: slot.start.toISOString(),
      label: formatSlotTime(slot.start, timeZone),
    })),
  };
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
