import { slotWindow } from "../components/slot-window";
import { todayIn } from "../formatting/clinic-time";
import type { ApiClient } from "./api.server";

/**
 * What the slot picker shows for a service and practitioner (or "any"): the stretch of days
 * from `?from=`, their free times, and the day (`?day=`) and time (`?start=`) chosen, if the
 * free times offer them. `taken` is a start left out (a booking's own time when moving it).
 */
export async function loadSlotPicker(
  api: ApiClient,
  search: URLSearchParams,
  options: { serviceId: string; practitionerId: string; timeZone: string; taken?: Date },
) {
  const window = slotWindow(search.get("from"), todayIn(options.timeZone));
  const availability = await api.bookings.availability.query({
    serviceId: options.serviceId,
    practitionerId: options.practitionerId,
    from: window.from,
    to: window.to,
  });
  const days = availability.days.map((day) => ({
    ...day,
    slots: day.slots.filter((s) => s.start.getTime() !== options.taken?.getTime()),
  }));
  const day = search.get("day");
  const start = new Date(search.get("start") ?? Number.NaN);
  const slot = days.flatMap((d) => d.slots).find((s) => s.start.getTime() === start.getTime());
  return {
    window,
    days,
    selectedDate: day && window.dates.includes(day) ? day : null,
    slot: slot ?? null,
    practitioners: availability.practitioners,
  };
}
