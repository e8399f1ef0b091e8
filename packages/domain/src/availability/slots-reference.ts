import { tzOffset } from "@date-fns/tz";
import type { Slot, SlotQuery } from "./slots.js";
import { minutesOfDay } from "./working-hours.js";

/**
 * A deliberately plain implementation of the same rules as `computeSlots`:
 * every candidate is converted on its own and tested against every busy
 * interval. It is the oracle for property tests and the baseline for the
 * benchmark, never used by the product.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

function wallMs(date: string, minute: number): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y!, m! - 1, d!) + minute * MINUTE_MS;
}

/** All instants that show this wall time in the zone, earliest first. */
function instantsShowing(timeZone: string, wall: number): number[] {
  const offsets = new Set<number>();
  for (const probe of [-DAY_MS, -DAY_MS / 2, 0, DAY_MS / 2, DAY_MS]) {
    offsets.add(tzOffset(timeZone, new Date(wall + probe)));
  }
  return [...offsets]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((instant) => instant + tzOffset(timeZone, new Date(instant)) * MINUTE_MS === wall)
    .sort((a, b) => a - b);
}

/** The instant of a wall time; in a DST gap, of the first wall time after it that exists. */
function boundary(timeZone: string, wall: number): number {
  for (let k = 0; k <= 180; k++) {
    const [instant] = instantsShowing(timeZone, wall + k * MINUTE_MS);
    if (instant !== undefined) return instant;
  }
  throw new Error("no instant near a DST gap");
}

function dayAfter(date: string): string {
  return new Date(wallMs(date, 0) + DAY_MS).toISOString().slice(0, 10);
}

/** A weekday's continuous stretches of working time: ranges that touch or overlap join up. */
function stretches(hours: SlotQuery["practitioners"][number]["weeklyHours"], weekday: number) {
  const ranges = hours
    .filter((h) => h.weekday === weekday)
    .map((h) => [minutesOfDay(h.start), minutesOfDay(h.end)] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const joined: [number, number][] = [];
  for (const range of ranges) {
    const last = joined[joined.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else joined.push(range);
  }
  return joined;
}

export function computeSlotsReference(query: SlotQuery): Slot[] {
  const { timeZone, service, policy } = query;
  const earliest = query.now.getTime() + policy.minNoticeMinutes * MINUTE_MS;
  const latest = query.now.getTime() + policy.horizonDays * DAY_MS;
  const byStart = new Map<number, string[]>();
  for (const p of query.practitioners) {
    const blocked: [number, number][] = [
      ...p.busy.map((b): [number, number] => [b.start.getTime(), b.end.getTime()]),
      ...p.timeOff.map((t): [number, number] => {
        const start = t.startTime === null ? 0 : minutesOfDay(t.startTime);
        const end =
          t.endTime === null
            ? boundary(timeZone, wallMs(dayAfter(t.endDate), 0))
            : boundary(timeZone, wallMs(t.endDate, minutesOfDay(t.endTime)));
        return [boundary(timeZone, wallMs(t.startDate, start)), end];
      }),
    ];
    for (let date = query.from; date <= query.to; date = dayAfter(date)) {
      if (query.closures.some((c) => c.startDate <= date && date <= c.endDate)) continue;
      const weekday = ((new Date(wallMs(date, 0)).getUTCDay() + 6) % 7) + 1;
      for (const [startMinute, endMinute] of stretches(p.weeklyHours, weekday)) {
        const open = boundary(timeZone, wallMs(date, startMinute));
        const close = boundary(timeZone, wallMs(date, endMinute));
        // A range starting in a gap steps from the first wall time that exists.
        const firstMinute =
          instantsShowing(timeZone, wallMs(date, startMinute)).length > 0
            ? startMinute
            : Math.round(
                (open + tzOffset(timeZone, new Date(open)) * MINUTE_MS - wallMs(date, 0)) /
                  MINUTE_MS,
              );
        for (let minute = firstMinute; minute < endMinute; minute += policy.slotStepMinutes) {
          const [start] = instantsShowing(timeZone, wallMs(date, minute));
          if (start === undefined) continue;
          const blockStart = start - service.bufferBeforeMinutes * MINUTE_MS;
          const blockEnd =
            start + (service.durationMinutes + service.bufferAfterMinutes) * MINUTE_MS;
          if (blockStart < open || blockEnd > close) continue;
          if (start < earliest || start > latest) continue;
          if (blocked.some(([a, b]) => a < blockEnd && blockStart < b)) continue;
          const ids = byStart.get(start) ?? [];
          if (!ids.includes(p.id)) ids.push(p.id);
          byStart.set(start, ids);
        }
      }
    }
  }
  return [...byStart.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([start, practitionerIds]) => ({ start: new Date(start), practitionerIds }));
}
