import { wallTimeOf } from "@clinic/domain";

/**
 * Layout maths for the calendar's time grid: where an entry sits in a day column (as a share
 * of the visible hours, on the clinic's wall clock) and side by side with the entries it
 * overlaps.
 */

const MINUTES_PER_DAY = 24 * 60;

export interface GridWindow {
  /** Minutes after local midnight of the grid's top and bottom edges, on whole hours. */
  startMinute: number;
  endMinute: number;
}

export interface TimedEntry {
  startsAt: Date;
  endsAt: Date;
}

export interface PlacedEntry<T> {
  entry: T;
  /** Wall-clock minutes on the day, clipped to the day (0…1440). */
  startMinute: number;
  endMinute: number;
  /** Offset from the grid's top and height, as percentages of the window. */
  top: number;
  height: number;
  /** Which of `lanes` side-by-side lanes the entry takes (0-based). */
  lane: number;
  lanes: number;
}

/**
 * The wall-clock minutes an entry covers on one local date: an entry that began the day
 * before starts at 0, one that runs past midnight ends at 1440. On a daylight-saving day
 * the positions follow the wall clock (an hour across the change may span two hours or none
 * of the grid), as any wall calendar does. Null when the entry is not on that date.
 */
export function minutesOnDay(
  entry: TimedEntry,
  date: string,
  timeZone: string,
): { startMinute: number; endMinute: number } | null {
  const start = wallTimeOf(timeZone, entry.startsAt.getTime());
  const end = wallTimeOf(timeZone, entry.endsAt.getTime());
  if (start.date > date || end.date < date) return null;
  const startMinute = start.date < date ? 0 : start.minute;
  const endMinute = end.date > date ? MINUTES_PER_DAY : end.minute;
  // Ends exactly at the day's midnight, or a zero-length sliver: nothing to draw that day.
  if (endMinute <= startMinute && !(start.date === date && end.date === date)) return null;
  return { startMinute, endMinute: Math.max(endMinute, startMinute) };
}

/**
 * The hours the grid shows: the default working day, widened to whole hours around
 * anything that falls outside it, so nothing is ever cut off.
 */
export function gridWindow(
  spans: readonly { startMinute: number; endMinute: number }[],
  fallback: GridWindow = { startMinute: 8 * 60, endMinute: 18 * 60 },
): GridWindow {
  let startMinute = fallback.startMinute;
  let endMinute = fallback.endMinute;
  for (const span of spans) {
    startMinute = Math.min(startMinute, Math.floor(span.startMinute / 60) * 60);
    endMinute = Math.max(endMinute, Math.ceil(span.endMinute / 60) * 60);
  }
  return { startMinute: Math.max(0, startMinute), endMinute: Math.min(MINUTES_PER_DAY, endMinute) };
}

/** The whole hours labelled down the grid's side, top edge included, bottom edge excluded. */
export function hourMarks(window: GridWindow): number[] {
  const marks: number[] = [];
  for (let minute = window.startMinute; minute < window.endMinute; minute += 60) marks.push(minute);
  return marks;
}

/**
 * Places entries of one day column: their vertical position in the window and, where they
 * overlap, lanes side by side. Overlap is transitive within a cluster (A overlaps B, B
 * overlaps C), and every entry of a cluster shares its lane count so widths line up.
 * Touching entries (one ends as the next starts) do not overlap. Entries not on the date are
 * left out; the result is in start order.
 */
export function placeEntries<T extends TimedEntry>(
  entries: readonly T[],
  date: string,
  timeZone: string,
  window: GridWindow,
): PlacedEntry<T>[] {
  const span = window.endMinute - window.startMinute;
  const onDay = entries
    .map((entry) => ({ entry, minutes: minutesOnDay(entry, date, timeZone) }))
    .filter(
      (e): e is { entry: T; minutes: { startMinute: number; endMinute: number } } =>
        e.minutes !== null,
    )
    .sort(
      (a, b) =>
        a.minutes.startMinute - b.minutes.startMinute || b.minutes.endMinute - a.minutes.endMinute,
    );

  const placed: PlacedEntry<T>[] = [];
  let cluster: PlacedEntry<T>[] = [];
  let clusterEnd = -1;
  // Each lane's current end minute within the open cluster.
  let laneEnds: number[] = [];

  const closeCluster = () => {
    for (const p of cluster) p.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };

  for (const { entry, minutes } of onDay) {
    const { startMinute, endMinute } = minutes;
    if (cluster.length > 0 && startMinute >= clusterEnd) closeCluster();
    let lane = laneEnds.findIndex((end) => end <= startMinute);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(endMinute);
    } else {
      laneEnds[lane] = endMinute;
    }
    const top = clamp(((startMinute - window.startMinute) / span) * 100);
    const bottom = clamp(((endMinute - window.startMinute) / span) * 100);
    const p: PlacedEntry<T> = {
      entry,
      startMinute,
      endMinute,
      top,
      height: bottom - top,
      lane,
      lanes: 1,
    };
    placed.push(p);
    cluster.push(p);
    clusterEnd = Math.max(clusterEnd, endMinute);
  }
  closeCluster();
  return placed;
}

function clamp(percent: number): number {
  return Math.min(100, Math.max(0, Math.round(percent * 1000) / 1000));
}

/**
 * The empty times of a day column staff can click to book: every `step` minutes of the
 * window (on the wall clock) whose whole step is clear of `taken` (bookings), with its
 * position as a share of the window.
 */
export function emptyStarts(
  window: GridWindow,
  taken: readonly { startMinute: number; endMinute: number }[],
  step = 30,
): { minute: number; top: number; height: number }[] {
  const span = window.endMinute - window.startMinute;
  const starts: { minute: number; top: number; height: number }[] = [];
  for (let minute = window.startMinute; minute + step <= window.endMinute; minute += step) {
    const clear = taken.every((t) => t.endMinute <= minute || minute + step <= t.startMinute);
    if (clear) {
      starts.push({
        minute,
        top: clamp(((minute - window.startMinute) / span) * 100),
        height: clamp((step / span) * 100),
      });
    }
  }
  return starts;
}
