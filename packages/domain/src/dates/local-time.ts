import { tzOffset } from "@date-fns/tz";

/**
 * Wall-clock ↔ instant conversion for one IANA zone, built for speed: a day
 * whose UTC offset is the same at both midnights converts by arithmetic;
 * only daylight-saving days check each time against the zone's rules.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** A local calendar day in a zone, with what's needed to turn its times into instants. */
export interface LocalDay {
  /** `yyyy-MM-dd` */
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** `Date.UTC` of the day's midnight, as if the zone were UTC. */
  wallMidnight: number;
  /** UTC offset (minutes) at the start and at the end of the day; they differ on DST days. */
  offsetAtStart: number;
  offsetAtEnd: number;
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

function offsetAtWall(timeZone: string, wall: number): number {
  // Find the offset in force at the instant this wall time names (or nearly, in a gap).
  const guess = tzOffset(timeZone, new Date(wall));
  const refined = tzOffset(timeZone, new Date(wall - guess * MINUTE_MS));
  return refined;
}

export function localDay(timeZone: string, date: string): LocalDay {
  const wallMidnight = wallMidnightOf(date);
  const weekday = ((new Date(wallMidnight).getUTCDay() + 6) % 7) + 1;
  return {
    date,
    weekday,
    wallMidnight,
    offsetAtStart: offsetAtWall(timeZone, wallMidnight),
    offsetAtEnd: offsetAtWall(timeZone, wallMidnight + DAY_MS),
  };
}

export type WallTimeResolution = "earliest" | "latest";

/**
 * The instant of `minute` minutes after local midnight on `day`, or null when
 * that wall time doesn't exist (skipped by a daylight-saving change). An
 * ambiguous wall time (repeated when clocks go back) resolves to its earliest
 * instant unless `latest` is asked for.
 */
export function instantOf(
  timeZone: string,
  day: LocalDay,
  minute: number,
  resolve: WallTimeResolution = "earliest",
): number | null {
  const wall = day.wallMidnight + minute * MINUTE_MS;
  if (day.offsetAtStart === day.offsetAtEnd) return wall - day.offsetAtStart * MINUTE_MS;
  // A larger offset gives an earlier instant for the same wall time.
  const offsets = [...new Set([day.offsetAtStart, day.offsetAtEnd])].sort((a, b) =>
    resolve === "earliest" ? b - a : a - b,
  );
  for (const offset of offsets) {
    const instant = wall - offset * MINUTE_MS;
    if (tzOffset(timeZone, new Date(instant)) === offset) return instant;
  }
  return null;
}

/**
 * Like `instantOf`, but a wall time that a daylight-saving change skips
 * becomes the instant of the change itself: a range from 02:30 on a day
 * whose clocks jump from 02:00 to 03:00 starts at 03:00 new time.
 */
export function boundaryInstantOf(timeZone: string, day: LocalDay, minute: number): number {
  const exact = instantOf(timeZone, day, minute, "earliest");
  if (exact !== null) return exact;
  const wall = day.wallMidnight + minute * MINUTE_MS;
  // The change lies between the two readings of this wall time; find it to the minute.
  let lo = wall - Math.max(day.offsetAtStart, day.offsetAtEnd) * MINUTE_MS;
  let hi = wall - Math.min(day.offsetAtStart, day.offsetAtEnd) * MINUTE_MS;
  const after = tzOffset(timeZone, new Date(hi));
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (tzOffset(timeZone, new Date(mid)) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** `yyyy-MM-dd` and minutes since midnight of an instant, in the zone. */
export function wallTimeOf(timeZone: string, instant: number): { date: string; minute: number } {
  const wall = instant + tzOffset(timeZone, new Date(instant)) * MINUTE_MS;
  const midnight = Math.floor(wall / DAY_MS) * DAY_MS;
  return { date: dateOfWall(midnight), minute: Math.round((wall - midnight) / MINUTE_MS) };
}
