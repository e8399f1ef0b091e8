import {
  addLocalDays,
  type BookingsFilter,
  bookingStatuses,
  bookingsFilterSchema,
} from "@clinic/domain";
import { pageParam } from "@clinic/form-kit";
import { isLocalDate } from "../../formatting/clinic-time";

/** How far the list looks ahead when no end date is given: four weeks, today included. */
export const DEFAULT_LIST_DAYS = 28;

/** The list's filters as the address (and the filter form) spells them. */
export interface BookingsListValues {
  from: string;
  to: string;
  practitioner: string;
  service: string;
  status: string;
  patient: string;
  q: string;
}

const FIELD_OF: Record<string, keyof BookingsListValues> = {
  from: "from",
  to: "to",
  practitionerId: "practitioner",
  serviceId: "service",
  status: "status",
  patientId: "patient",
  query: "q",
};

export interface BookingsListParams {
  /** What the form shows, as typed (so a mistake stays in its field). */
  values: BookingsListValues;
  page: number;
  /** The API's filter, or null when a field is wrong (`errors` says which). */
  filter: BookingsFilter | null;
  errors: Partial<Record<keyof BookingsListValues, string>>;
}

/**
 * The bookings list's address query (or the export form's fields): from today for four weeks
 * unless dates are given, an end date alone counting back from it; every other filter optional.
 */
export function readBookingsListParams(search: URLSearchParams, today: string): BookingsListParams {
  const text = (name: keyof BookingsListValues) => (search.get(name) ?? "").trim();
  const typedFrom = text("from");
  const typedTo = text("to");
  const from = typedFrom || (typedTo ? addLocalDaysSafe(typedTo, 1 - DEFAULT_LIST_DAYS) : today);
  const to = typedTo || addLocalDaysSafe(from, DEFAULT_LIST_DAYS - 1) || from;
  const values: BookingsListValues = {
    from,
    to,
    practitioner: text("practitioner"),
    service: text("service"),
    status: text("status"),
    patient: text("patient"),
    q: text("q"),
  };
  const parsed = bookingsFilterSchema.safeParse({
    from: values.from,
    to: values.to,
    practitionerId: values.practitioner || undefined,
    serviceId: values.service || undefined,
    status: values.status || undefined,
    patientId: values.patient || undefined,
    query: values.q || undefined,
  });
  const page = pageParam(search);
  if (parsed.success) return { values, page, filter: parsed.data, errors: {} };
  const errors: BookingsListParams["errors"] = {};
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF[String(issue.path[0])];
    if (field && !errors[field]) errors[field] = messageFor(field, issue.message);
  }
  return { values, page, filter: null, errors };
}

function messageFor(field: keyof BookingsListValues, message: string): string {
  if (field === "status") return `Choose one of: ${bookingStatuses.join(", ")}`;
  if (field === "practitioner" || field === "service" || field === "patient") {
    return `Choose a ${field} from the list`;
  }
  return message;
}

// A date typed wrong can't be counted from: the field's own error says so.
function addLocalDaysSafe(date: string, days: number): string {
  return isLocalDate(date) ? addLocalDays(date, days) : "";
}

/** The list's address with these filters (empty ones left out) on `page`. */
export function bookingsListHref(values: BookingsListValues, page = 1): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) query.set(key, value);
  if (page > 1) query.set("page", String(page));
  return `/bookings?${query}`;
}
