import { addLocalDays, datesBetween, STAFF_HORIZON_DAYS } from "@clinic/domain";
import { isLocalDate } from "../formatting/clinic-time";

/** Days the staff slot picker shows at once. */
export const SLOT_WINDOW_DAYS = 14;

export interface SlotWindow {
  from: string;
  to: string;
  dates: string[];
  previous: string | null;
  next: string | null;
}

/**
 * The stretch of days the picker shows, starting at the requested date (or today), kept
 * between today and the staff booking horizon, with the neighbouring stretches to page to.
 */
export function slotWindow(requested: string | null, today: string): SlotWindow {
  const last = addLocalDays(today, STAFF_HORIZON_DAYS);
  const latestStart = addLocalDays(last, 1 - SLOT_WINDOW_DAYS);
  let from = isLocalDate(requested) ? requested : today;
  if (from < today) from = today;
  if (from > latestStart) from = latestStart;
  const to = addLocalDays(from, SLOT_WINDOW_DAYS - 1);
  const previousStart = addLocalDays(from, -SLOT_WINDOW_DAYS);
  return {
    from,
    to,
    dates: datesBetween(from, to),
    previous: from > today ? (previousStart < today ? today : previousStart) : null,
    next: to < last ? addLocalDays(from, SLOT_WINDOW_DAYS) : null,
  };
}
