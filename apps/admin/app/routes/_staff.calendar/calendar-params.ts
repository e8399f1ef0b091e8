import { addLocalDays, isoWeekStart, weekOf } from "@clinic/domain";
import { isLocalDate } from "../../formatting/clinic-time";

export type CalendarView = "day" | "week";

export interface CalendarParams {
  view: CalendarView;
  /** The day shown, or any day of the week shown. */
  date: string;
  /** One practitioner's id, or null for everyone side by side. */
  practitionerId: string | null;
  includeCancelled: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The calendar's address query, with anything malformed falling back to today / everyone. */
export function readCalendarParams(search: URLSearchParams, today: string): CalendarParams {
  const date = search.get("date");
  const practitioner = search.get("practitioner");
  return {
    view: search.get("view") === "week" ? "week" : "day",
    date: isLocalDate(date) ? date : today,
    practitionerId: practitioner && UUID.test(practitioner) ? practitioner : null,
    includeCancelled: search.get("cancelled") === "1",
  };
}

/** The address of a calendar view; defaults are left out so links stay short. */
export function calendarHref(params: CalendarParams): string {
  const query = new URLSearchParams();
  if (params.view === "week") query.set("view", "week");
  query.set("date", params.date);
  if (params.practitionerId) query.set("practitioner", params.practitionerId);
  if (params.includeCancelled) query.set("cancelled", "1");
  return `/calendar?${query}`;
}

/** The local dates a view covers: the day, or Monday to Sunday of its week. */
export function viewRange(view: CalendarView, date: string): { from: string; to: string } {
  if (view === "day") return { from: date, to: date };
  const week = weekOf(date);
  return { from: week[0] ?? date, to: week[6] ?? date };
}

/** The date the previous / next buttons go to: a day or a week away. */
export function stepDate(view: CalendarView, date: string, direction: -1 | 1): string {
  return addLocalDays(
    view === "week" ? isoWeekStart(date) : date,
    direction * (view === "week" ? 7 : 1),
  );
}
