import { tzOffset } from "@date-fns/tz";

/**
 * Wall-clock ↔ instant conversion for one IANA zone, built for speed: a day
 * whose surroundings keep one UTC offset converts by arithmetic; only days
 * near a change check each time against the zone's rules.
 *
 * Rules where clocks change (and every caller relies on them):
 * - A wall time that doesn't exist (skipped when clocks go forward) has no
 *   instant: `instantOf` answers null, and slots are never offered there.
 *   `boundaryInstantOf` moves it forward to the instant of the change, the
 *   first wall time after the gap that exists, so a working range or a day
 *   that starts in the gap starts when the clocks resume.
 * - A wall time that happens twice (clocks go back) names its earlier
 *   instant unless the caller asks for the later one, so one wall time is
 *   one instant and later wall times never map to earlier instants.
 *
 * Why not `new TZDate(y, m, d, h, min, zone)` from @date-fns/tz: it silently
 * shifts a nonexistent time forward by the gap (Santiago 2027-09-05 00:30
 * becomes 01:30), so it can't tell a caller that the time doesn't exist; the
 * zone's offsets still come from @date-fns/tz's `tzOffset` (Intl, full ICU).
 *
 * Changes at local midnight (America/Santiago, America/Havana,
 * Atlantic/Azores, Asia/Beirut…) are why a day isn't classified by its own
 * midnights: there midnight itself may not exist, and reading the offset "at
 * midnight" names an instant of the previous evening.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/**
 * Bound on any zone's distance from UTC (tzdata's offsets run from −12:00 to
 * +14:00, and Pacific/Apia's 2011 jump from −10 to +14): every instant that
 * reads as a wall time of a day lies within this much of that day's wall span.
 */
const MAX_OFFSET_MS = 15 * HOUR_MS;
/** Spacing of the offset probes on days near a change. */
const PROBE_MS = 3 * HOUR_MS;

/** A local calendar day in a zone, with what's needed to turn its times into instants. */
export interface LocalDay {
  /** `yyyy-MM-dd` */
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** `Date.UTC` of the day's midnight, as if the zone were UTC. */
  wallMidnight: number;
  /**
   * Every UTC offset (minutes) in force at some instant that could read as a
   * wall time of this day, 00:00 to 24:00, largest first: one on most days,
   * two on and around a daylight-saving change.
   */
  offsets: readonly number[];
}

/** Parses `yyyy-MM-dd` into `Date.UTC` of that day's midnight. */
export function wallMidnightOf(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

/** `yyyy-MM-dd` of a `Date.UTC` day number. */
export function dateOfWall(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10);
}

/** The day `n` days after `date` (`yyyy-MM-dd`). */
export function addLocalDays(date: string, n: number): string {
  return dateOfWall(wallMidnightOf(date) + n * DAY_MS);
}

/**
 * The offsets in force from `wallMidnight − 15 h` to `wallMidnight + 24 h + 15 h`.
 * Three probes (both ends and the middle) settle an ordinary day: a zone never
 * changes its offset and changes it back within 27 hours (the all-zones test
 * checks this for every transition it finds). When they differ, probes every
 * 3 hours collect each offset of the window.
 */
function offsetsAround(timeZone: string, wallMidnight: number): number[] {
  const first = wallMidnight - MAX_OFFSET_MS;
  const last = wallMidnight + DAY_MS + MAX_OFFSET_MS;
  const at = (t: number) => tzOffset(timeZone, new Date(t));
  const start = at(first);
  const middle = at((first + last) / 2);
  const end = at(last);
  if (start === middle && middle === end) return [start];
  const offsets = new Set([start, middle, end]);
  for (let t = first + PROBE_MS; t < last; t += PROBE_MS) offsets.add(at(t));
  return [...offsets].sort((a, b) => b - a);
}

export function localDay(timeZone: string, date: string): LocalDay {
  const wallMidnight = wallMidnightOf(date);
  const weekday = ((new Date(wallMidnight).getUTCDay() + 6) % 7) + 1;
  return { date, weekday, wallMidnight, offsets: offsetsAround(timeZone, wallMidnight) };
}

export type WallTimeResolution = "earliest" | "latest";

/**
 * The instant of `minute` minutes after local midnight on `day` (0…1440), or
 * null when that wall time doesn't exist (skipped by a daylight-saving
 * change). An ambiguous wall time (repeated when clocks go back) resolves to
 * its earliest instant unless `latest` is asked for.
 */
export function instantOf(
  timeZone: string,
  day: LocalDay,
  minute: number,
  resolve: WallTimeResolution = "earliest",
): number | null {
  const wall = day.wallMidnight + minute * MINUTE_MS;
  const { offsets } = day;
  if (offsets.length === 1) return wall - offsets[0]! * MINUTE_MS;
  // Offsets are largest first, and a larger offset gives an earlier instant for the same wall time.
  const count = offsets.length;
  for (let i = 0; i < count; i++) {
    const offset = offsets[resolve === "earliest" ? i : count - 1 - i]!;
    const instant = wall - offset * MINUTE_MS;
    // The instant reads as this wall time only if that offset is in force at it.
    if (tzOffset(timeZone, new Date(instant)) === offset) return instant;
  }
  return null;
}

/**
 * Like `instantOf` (earliest), but a wall time that a daylight-saving change
 * skips becomes the instant of the change itself, the first existing wall
 * time after it: a range from 02:30 on a day whose clocks jump from 02:00 to
 * 03:00 starts at 03:00 new time, and Santiago's 2027-09-05 starts at 01:00.
 */
export function boundaryInstantOf(timeZone: string, day: LocalDay, minute: number): number {
  const exact = instantOf(timeZone, day, minute, "earliest");
  if (exact !== null) return exact;
  const wall = day.wallMidnight + minute * MINUTE_MS;
  const reads = (instant: number) => instant + tzOffset(timeZone, new Date(instant)) * MINUTE_MS;
  // In a gap, the instant read with the largest offset still shows an earlier
  // wall time and the one read with the smallest a later one: the change lies
  // between, found to the minute (changes fall on whole minutes).
  let before = wall - day.offsets[0]! * MINUTE_MS;
  let after = wall - day.offsets[day.offsets.length - 1]! * MINUTE_MS;
  while (after - before > MINUTE_MS) {
    const mid = before + Math.floor((after - before) / 2 / MINUTE_MS) * MINUTE_MS;
    if (reads(mid) > wall) after = mid;
    else before = mid;
  }
  return after;
}

/**
 * The first wall time at or after `minute` on `day` that exists, as minutes
 * after that day's midnight: `minute` itself unless a change skips it, else
 * the end of the gap (which can fall on the next day, past 1440).
 */
export function firstExistingMinute(timeZone: string, day: LocalDay, minute: number): number {
  if (instantOf(timeZone, day, minute) !== null) return minute;
  const instant = boundaryInstantOf(timeZone, day, minute);
  const wall = instant + tzOffset(timeZone, new Date(instant)) * MINUTE_MS;
  return Math.round((wall - day.wallMidnight) / MINUTE_MS);
}

/** `yyyy-MM-dd` and minutes since midnight of an instant, in the zone. */
export function wallTimeOf(timeZone: string, instant: number): { date: string; minute: number } {
  const wall = instant + tzOffset(timeZone, new Date(instant)) * MINUTE_MS;
  const midnight = Math.floor(wall / DAY_MS) * DAY_MS;
  return { date: dateOfWall(midnight), minute: Math.round((wall - midnight) / MINUTE_MS) };
}
