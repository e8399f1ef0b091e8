import { can } from "@clinic/domain";
import { requireRecord } from "@clinic/form-kit/server";
import { todayIn } from "../../formatting/clinic-time";
import type { StaffWithApi } from "../../server/staff-access.server";
import { readCalendarParams, viewRange } from "./calendar-params";

/** The calendar page's data: the view asked for, its bookings and schedules, and who may book. */
export async function loadCalendar({ user, api }: StaffWithApi, request: Request) {
  const settings = await api.settings.get.query();
  const today = todayIn(settings.timeZone);
  const params = readCalendarParams(new URL(request.url).searchParams, today);
  const [calendar, practitioners] = await Promise.all([
    // An unknown practitioner in the address is a page that doesn't exist.
    requireRecord(
      () =>
        api.bookings.list.query({
          ...viewRange(params.view, params.date),
          practitionerId: params.practitionerId ?? undefined,
          includeCancelled: params.includeCancelled,
        }),
      "Practitioner",
    ),
    api.practitioners.list.query(),
  ]);
  return {
    params,
    today,
    calendar,
    practitioners: practitioners.map((p) => ({ id: p.id, name: p.name })),
    mayBook: can(user.role, "bookings.write"),
  };
}
