import { addLocalDays, localDay, wallTimeOf } from "../dates/local-time.js";
import { minutesOfDay, weekdayNames } from "./working-hours.js";

/** What "open now" needs: the weekly opening hours and the clinic's closed days. */
export interface OpeningStateInput {
  hours: readonly { weekday: number; opens: string; closes: string }[];
  closures: readonly { startDate: string; endDate: string; reason: string }[];
  timeZone: string;
  now: Date;
}

export type OpeningState =
  | { open: true; closes: string }
  | {
      open: false;
      /** Why the clinic is closed today, when a closure covers it ("Christmas Day"). */
      closedToday: string | null;
      /** The next opening within two weeks, or null. */
      next: {
        date: string;
        weekday: number;
        opens: string;
        tomorrow: boolean;
        today: boolean;
      } | null;
    };

const LOOK_AHEAD_DAYS = 14;

/**
 * Whether the clinic is open at `now`, read on the wall clock of its zone:
 * a day's hours are local times, so on a daylight-saving day 8:00 to 18:00 is
 * still 8:00 to 18:00 (nine or eleven hours long), and a day whose midnight
 * doesn't exist still has its hours. Closures close whole local days.
 */
export function openingState({ hours, closures, timeZone, now }: OpeningStateInput): OpeningState {
  const wall = wallTimeOf(timeZone, now.getTime());
  const closedReason = (date: string) =>
    closures.find((c) => c.startDate <= date && c.endDate >= date)?.reason ?? null;
  const rangesOn = (date: string) => {
    const weekday = localDay("UTC", date).weekday;
    return hours
      .filter((h) => h.weekday === weekday)
      .map((h) => ({ ...h, start: minutesOfDay(h.opens), end: minutesOfDay(h.closes) }))
      .sort((a, b) => a.start - b.start);
  };
  const closedToday = closedReason(wall.date);
  if (!closedToday) {
    const current = rangesOn(wall.date).find((r) => r.start <= wall.minute && wall.minute < r.end);
    if (current) return { open: true, closes: current.closes };
  }
  for (let ahead = 0; ahead <= LOOK_AHEAD_DAYS; ahead++) {
    const date = addLocalDays(wall.date, ahead);
    if (closedReason(date)) continue;
    const range = rangesOn(date).find((r) => ahead > 0 || r.start > wall.minute);
    if (range) {
      const weekday = localDay("UTC", date).weekday;
      return {
        open: false,
        closedToday,
        next: { date, weekday, opens: range.opens, today: ahead === 0, tomorrow: ahead === 1 },
      };
    }
  }
  return { open: false, closedToday, next: null };
}

/** "18:00" as people read it: "6:00 pm". */
export function clockLabel(time: string): string {
  const minutes = minutesOfDay(time);
  const hour = Math.floor(minutes / 60) % 24;
  const minute = String(minutes % 60).padStart(2, "0");
  const suffix = hour < 12 ? "am" : "pm";
  return `${hour % 12 === 0 ? 12 : hour % 12}:${minute} ${suffix}`;
}

/** "Open now until 6:00 pm", "Closed today: Christmas Day · opens Monday at 8:00 am", … */
export function openingStateLabel(state: OpeningState): string {
  if (state.open) return `Open now until ${clockLabel(state.closes)}`;
  const closed = state.closedToday ? `Closed today: ${state.closedToday}` : "Closed now";
  if (!state.next) return closed;
  const when = state.next.today
    ? "today"
    : state.next.tomorrow
      ? "tomorrow"
      : weekdayNames[state.next.weekday - 1];
  return `${closed} · opens ${when} at ${clockLabel(state.next.opens)}`;
}
