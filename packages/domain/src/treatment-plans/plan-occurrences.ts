import {
  addLocalDays,
  boundaryInstantOf,
  instantOf,
  localDay,
  wallTimeOf,
} from "../dates/local-time.js";

/** How a treatment plan repeats: every `count` days or weeks. */
export const planIntervalUnits = ["day", "week"] as const;
export type PlanIntervalUnit = (typeof planIntervalUnits)[number];

/** The most appointments one plan may hold (a year of weekly visits). */
export const MAX_PLAN_OCCURRENCES = 52;
/** The longest gap between two appointments of a plan, in days. */
export const MAX_PLAN_INTERVAL_DAYS = 90;

export interface PlanRule {
  timeZone: string;
  /** The first appointment's start: its local time of day is every appointment's. */
  firstStart: Date;
  interval: { unit: PlanIntervalUnit; count: number };
  /** How many appointments, or the last local date one may fall on (inclusive). */
  end: { occurrences: number } | { until: string };
}

export interface PlanOccurrence {
  /** 1-based position in the plan. */
  index: number;
  /** The local date (`yyyy-MM-dd`) in the clinic's zone. */
  date: string;
  /** Minutes after local midnight: the same on every date. */
  minute: number;
  /**
   * The instant of that wall time on that date. When a daylight-saving change
   * skips the wall time, the first instant after the gap (and `skipped` says so).
   */
  start: Date;
  /** The wall time doesn't exist on that date (clocks went forward over it). */
  skipped: boolean;
}

const stepDays = (interval: PlanRule["interval"]) =>
  interval.unit === "week" ? interval.count * 7 : interval.count;

/**
 * The appointments of a plan on the clinic's wall clock: every N days or
 * weeks from the first, at the same local time of day, so a 9:00 series stays
 * at 9:00 across a daylight-saving change (its instants move by the change).
 * A repeated wall time (clocks going back) names its first instant; a skipped
 * one (clocks going forward, or a change at midnight) moves to the end of the
 * gap and is marked `skipped`. Never more than `MAX_PLAN_OCCURRENCES`.
 */
export function planOccurrences(rule: PlanRule): PlanOccurrence[] {
  const { timeZone } = rule;
  const { date: firstDate, minute } = wallTimeOf(timeZone, rule.firstStart.getTime());
  const step = stepDays(rule.interval);
  const count =
    "occurrences" in rule.end
      ? Math.min(rule.end.occurrences, MAX_PLAN_OCCURRENCES)
      : MAX_PLAN_OCCURRENCES;
  const until = "until" in rule.end ? rule.end.until : null;
  const occurrences: PlanOccurrence[] = [];
  for (let i = 0; i < count; i++) {
    const date = addLocalDays(firstDate, i * step);
    if (until !== null && date > until) break;
    const day = localDay(timeZone, date);
    const exact = instantOf(timeZone, day, minute, "earliest");
    occurrences.push({
      index: i + 1,
      date,
      minute,
      start: new Date(exact ?? boundaryInstantOf(timeZone, day, minute)),
      skipped: exact === null,
    });
  }
  return occurrences;
}

/** `HH:mm` of minutes after midnight. */
export function wallClockLabel(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/**
 * The nearest `limit` of `free` starts to `wanted` (by distance in time, the
 * earlier first on a tie), leaving out `wanted` itself: a conflicting
 * occurrence's alternatives.
 */
export function nearestStarts<T extends { start: Date }>(
  wanted: Date,
  free: readonly T[],
  limit: number,
): T[] {
  const at = wanted.getTime();
  return free
    .filter((s) => s.start.getTime() !== at)
    .map((s) => ({ s, distance: Math.abs(s.start.getTime() - at) }))
    .sort((a, b) => a.distance - b.distance || a.s.start.getTime() - b.s.start.getTime())
    .slice(0, limit)
    .map(({ s }) => s);
}

/** How often a plan repeats, as staff and patients read it: "every week", "every 2 weeks", "every 3 days". */
export function planRepeatLabel(plan: {
  intervalUnit: "day" | "week";
  intervalCount: number;
}): string {
  const n = plan.intervalCount;
  return n === 1 ? `every ${plan.intervalUnit}` : `every ${n} ${plan.intervalUnit}s`;
}
