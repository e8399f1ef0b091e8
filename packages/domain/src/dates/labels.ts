import { format } from "date-fns";

// A local date names a day, not an instant: read it at midday UTC so no zone shifts it.
const middayOf = (date: string) => new Date(`${date}T12:00:00Z`);

/** A local date in full: "Monday 6 April 2026". */
export function longDateLabel(date: string): string {
  return format(middayOf(date), "EEEE d MMMM yyyy");
}

/** A local date in short: "Mon 6 Apr". */
export function shortDateLabel(date: string): string {
  return format(middayOf(date), "EEE d MMM");
}
