import {
  addLocalDays,
  boundaryInstantOf,
  firstExistingMinute,
  instantOf,
  type LocalDay,
  localDay,
  wallMidnightOf,
  wallTimeOf,
} from "../dates/local-time.js";
import type { BookingPolicy } from "../settings/settings.js";
import { minutesOfDay, type WorkingHoursRange } from "./working-hours.js";

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** A half-open interval of instants, `[start, end)`. */
export interface Interval {
  start: Date;
  end: Date;
}

export interface SlotPractitioner {
  id: string;
  weeklyHours: readonly WorkingHoursRange[];
  /** Time off in local dates and (for part days) times; null times mean whole days. */
  timeOff: readonly {
    startDate: string;
    endDate: string;
    startTime: string | null;
    endTime: string | null;
  }[];
  /** Time already blocked in the diary (existing bookings with their buffers). */
  busy: readonly Interval[];
}

export interface SlotQuery {
  timeZone: string;
  /** First and last local dates to search, inclusive (`yyyy-MM-dd`). */
  from: string;
  to: string;
  now: Date;
  policy: Pick<BookingPolicy, "slotStepMinutes" | "minNoticeMinutes" | "horizonDays">;
  service: { durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number };
  practitioners: readonly SlotPractitioner[];
  /** Whole local days the clinic is closed, inclusive. */
  closures: readonly { startDate: string; endDate: string }[];
}

export interface Slot {
  start: Date;
  /** Who can take this slot, in the order the practitioners were given. */
  practitionerIds: string[];
}

/** A practitioner's working ranges for each ISO weekday, merged and sorted, in minutes. */
function rangesByWeekday(hours: readonly WorkingHoursRange[]): [number, number][][] {
  const byDay: [number, number][][] = Array.from({ length: 8 }, () => []);
  const sorted = hours
    .map((h) => [h.weekday, minutesOfDay(h.start), minutesOfDay(h.end)] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [weekday, start, end] of sorted) {
    const day = byDay[weekday]!;
    const last = day[day.length - 1];
    // Touching or overlapping ranges are one stretch of availability.
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else day.push([start, end]);
  }
  return byDay;
}

/** Sorts intervals (as epoch ms) and merges the overlapping or touching ones. */
function mergeIntervals(intervals: [number, number][]): [number, number][] {
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of intervals) {
    if (end <= start) continue;
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function timeOffIntervals(
  timeZone: string,
  timeOff: SlotPractitioner["timeOff"],
): [number, number][] {
  return timeOff.map((t) => {
    const start = boundaryInstantOf(
      timeZone,
      localDay(timeZone, t.startDate),
      t.startTime === null ? 0 : minutesOfDay(t.startTime),
    );
    const end =
      t.endTime === null
        ? boundaryInstantOf(timeZone, localDay(timeZone, addLocalDays(t.endDate, 1)), 0)
        : boundaryInstantOf(timeZone, localDay(timeZone, t.endDate), minutesOfDay(t.endTime));
    return [start, end];
  });
}

/**
 * Bookable start times for one practitioner, ascending. Candidates step by
 * the slot step in local wall-clock time from the start of each working
 * range, so a 09:00 slot is 09:00 local whatever the offset; times a DST
 * change skips are never offered and a repeated hour is offered once (its
 * first occurrence), so no instant is listed twice. A range whose start a
 * change skips (Santiago's 2027-09-05 has no 00:00–00:59) starts at the first
 * time that exists, 01:00, and steps from there: the practitioner starts work
 * when the clocks resume, rather than at the next step of a grid that began
 * at a time that never came.
 *
 * The busy list is merged and swept with one pointer as candidates advance,
 * so the cost is linear in candidates plus busy intervals.
 */
function practitionerSlots(query: SlotQuery, days: LocalDay[], p: SlotPractitioner): number[] {
  const { timeZone, service, policy } = query;
  const step = policy.slotStepMinutes;
  const before = service.bufferBeforeMinutes * MINUTE_MS;
  const length = service.durationMinutes * MINUTE_MS;
  const after = service.bufferAfterMinutes * MINUTE_MS;
  const earliest = query.now.getTime() + policy.minNoticeMinutes * MINUTE_MS;
  const latest = query.now.getTime() + policy.horizonDays * DAY_MS;

  const busy = mergeIntervals([
    ...p.busy.map((b): [number, number] => [b.start.getTime(), b.end.getTime()]),
    ...timeOffIntervals(timeZone, p.timeOff),
  ]);
  const ranges = rangesByWeekday(p.weeklyHours);
  const starts: number[] = [];
  let cursor = 0;

  for (const day of days) {
    for (const [rangeStart, rangeEnd] of ranges[day.weekday]!) {
      const open = boundaryInstantOf(timeZone, day, rangeStart);
      const close = boundaryInstantOf(timeZone, day, rangeEnd);
      const first = firstExistingMinute(timeZone, day, rangeStart);
      for (let minute = first; minute < rangeEnd; minute += step) {
        const start = instantOf(timeZone, day, minute);
        if (start === null) continue;
        const blockStart = start - before;
        const blockEnd = start + length + after;
        if (blockEnd > close) break;
        if (blockStart < open || start < earliest) continue;
        if (start > latest) return starts;
        while (cursor < busy.length && busy[cursor]![1] <= blockStart) cursor++;
        const next = busy[cursor];
        if (next && next[0] < blockEnd) continue;
        starts.push(start);
      }
    }
  }
  return starts;
}

/** The local days from `from` to `to` inclusive that the clinic is open. */
function openDays(query: Pick<SlotQuery, "timeZone" | "from" | "to" | "closures">): LocalDay[] {
  const closed = query.closures.map(
    (c) => [wallMidnightOf(c.startDate), wallMidnightOf(c.endDate)] as const,
  );
  const days: LocalDay[] = [];
  const last = wallMidnightOf(query.to);
  for (let date = query.from; wallMidnightOf(date) <= last; date = addLocalDays(date, 1)) {
    const wall = wallMidnightOf(date);
    if (closed.some(([start, end]) => wall >= start && wall <= end)) continue;
    days.push(localDay(query.timeZone, date));
  }
  return days;
}

/**
 * Bookable start times for a service from `from` to `to` (local dates in the
 * clinic's zone), for the given practitioners: each slot lists everyone free
 * for it, so one practitioner gives their own times and several give
 * "first available". Respects working hours and breaks, time off, clinic
 * closures, existing bookings and buffers (both the new service's and those
 * already in `busy`), the slot step, minimum notice and the booking horizon.
 * Slots are sorted by start and unique.
 */
export function computeSlots(query: SlotQuery): Slot[] {
  if (query.from > query.to) return [];
  const days = openDays(query);
  if (query.practitioners.length === 1) {
    const only = query.practitioners[0]!;
    return practitionerSlots(query, days, only).map((start) => ({
      start: new Date(start),
      practitionerIds: [only.id],
    }));
  }
  const byStart = new Map<number, string[]>();
  for (const practitioner of query.practitioners) {
    for (const start of practitionerSlots(query, days, practitioner)) {
      const ids = byStart.get(start);
      if (ids) ids.push(practitioner.id);
      else byStart.set(start, [practitioner.id]);
    }
  }
  return [...byStart.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([start, practitionerIds]) => ({ start: new Date(start), practitionerIds }));
}

export interface SlotDay {
  /** Local date, `yyyy-MM-dd`. */
  date: string;
  slots: Slot[];
}

/** Groups sorted slots by their local date in the zone. */
export function groupSlotsByDay(slots: readonly Slot[], timeZone: string): SlotDay[] {
  const days: SlotDay[] = [];
  for (const slot of slots) {
    const { date } = wallTimeOf(timeZone, slot.start.getTime());
    const last = days[days.length - 1];
    if (last?.date === date) last.slots.push(slot);
    else days.push({ date, slots: [slot] });
  }
  return days;
}

/**
 * A practitioner's working time from `from` to `to` (local dates, inclusive), in minutes:
 * their weekly ranges on the days the clinic is open, less time off. Each range's ends are
 * wall times turned into instants in the clinic's zone, so a range across a daylight-saving
 * change counts the hours that really pass (an hour more or less than the wall clock says).
 */
export function workingMinutes(query: {
  timeZone: string;
  from: string;
  to: string;
  weeklyHours: readonly WorkingHoursRange[];
  timeOff: SlotPractitioner["timeOff"];
  closures: SlotQuery["closures"];
}): number {
  if (query.from > query.to) return 0;
  const { timeZone } = query;
  const ranges = rangesByWeekday(query.weeklyHours);
  const off = mergeIntervals(timeOffIntervals(timeZone, query.timeOff));
  let total = 0;
  for (const day of openDays(query)) {
    for (const [rangeStart, rangeEnd] of ranges[day.weekday]!) {
      const open = boundaryInstantOf(timeZone, day, rangeStart);
      const close = boundaryInstantOf(timeZone, day, rangeEnd);
      let length = close - open;
      for (const [offStart, offEnd] of off) {
        length -= Math.max(0, Math.min(close, offEnd) - Math.max(open, offStart));
      }
      total += Math.max(0, length);
    }
  }
  return total / MINUTE_MS;
}
