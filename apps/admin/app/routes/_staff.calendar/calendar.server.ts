import { accessFor } from "@clinic/domain";
import { requireRecord } from "@clinic/form-kit/server";
import { todayIn } from "../../formatting/clinic-time";
import type { StaffWithApi } from "../../server/staff-access.server";
import { readCalendarParams, viewRange } from "./calendar-params";

/** The calendar page's data: the view asked for, its bookings and schedules, and who may book. */
export async function loadCalendar({ user, api }: StaffWithApi, request: Request) {
  const [settings, practitioners] = await Promise.all([
    api.settings.get.query(),
    api.practitioners.list.query(),
  ]);
  const today = todayIn(settings.timeZone);
  const asked = readCalendarParams(new URL(request.url).searchParams, today);
  // A week of everyone side by side is too many columns to read: the week shows one
  // practitioner at a time (yours if you are one), with a picker for the others.
  const own = practitioners.find((p) => p.id === user.practitionerId)?.id;
  const params =
    asked.view === "week" && !asked.practitionerId
      ? { ...asked, practitionerId: own ?? practitioners[0]?.id ?? null }
      : asked;
  // An unknown practitioner in the address is a page that doesn't exist.
  const calendar = await requireRecord(
    () =>
      api.bookings.list.query({
        ...viewRange(params.view, params.date),
        practitionerId: params.practitionerId ?? undefined,
        includeCancelled: params.includeCancelled,
      }),
    "Practitioner",
  );
  const access = accessFor(user.role, "bookings.write");
  return {
    params,
    today,
    calendar,
    practitioners: practitioners.map((p) => ({ id: p.id, name: p.name })),
    mayBook: access !== "none",
    /** Whose diaries a click on an empty time may book into: everyone's, your own, or none. */
    bookableIds:
      access === "all"
        ? calendar.practitioners.filter((p) => p.active).map((p) => p.id)
        : access === "own" && user.practitionerId
          ? [user.practitionerId]
          : [],
  };
}
