import { randomBytes } from "node:crypto";
import { accessFor } from "@clinic/domain";
import { callApi, submitToApi } from "@clinic/form-kit/server";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import { isLocalDate, parseClinicDateTime } from "../../formatting/clinic-time";
import { newBookingErrors, newBookingFormSchema } from "../../forms/booking-forms";
import { withNotice } from "../../server/notices.server";
import { loadSlotPicker } from "../../server/slot-picker.server";
import type { StaffWithApi } from "../../server/staff-access.server";

/** Patient details typed on the patients page travel along the steps in the query. */
const CARRIED = ["name", "email", "phone", "date", "time"] as const;

function newIdempotencyKey(): string {
  return randomBytes(18).toString("base64url");
}

const TIME = /^\d{2}:\d{2}$/;

/**
 * A date and time from the address (`?date=&time=`, e.g. a click on the calendar) as an
 * instant in the clinic's zone, with the two as given; null when either is missing or malformed.
 */
export function requestedTime(search: URLSearchParams, timeZone: string) {
  const date = search.get("date") ?? "";
  const time = search.get("time") ?? "";
  if (!isLocalDate(date) || !TIME.test(time)) return null;
  const at = parseClinicDateTime(date, time, timeZone);
  return at ? { date, time, at } : null;
}

/**
 * What booking `at` outside the usual hours sets aside (or why it can't be booked at all),
 * for the warning staff confirm.
 */
export async function outsideHoursCheck(
  api: StaffWithApi["api"],
  input: { serviceId: string; practitionerId: string; start: Date; bookingId?: string },
) {
  const result = await callApi(() => api.bookings.checkOutsideHours.query(input));
  if (result.ok) return { ...result.value, error: null };
  const message = [...Object.values(result.fieldErrors).flat(), ...result.formErrors][0];
  return { setAside: [], overlapsBooking: false, error: message ?? "That time can't be booked" };
}

/** The steps so far (service, practitioner, day and time) from the address, with free times. */
export async function loadNewBooking({ user, api }: StaffWithApi, request: Request) {
  const access = accessFor(user.role, "bookings.write");
  const search = new URL(request.url).searchParams;
  const [services, settings] = await Promise.all([
    api.services.list.query(),
    api.settings.get.query(),
  ]);

  // A practitioner books only themselves.
  const ownId = access === "own" ? user.practitionerId : null;
  if (access === "own" && !ownId)
    throw new Response("Your account isn't linked to a practitioner", { status: 403 });
  const requested = search.get("practitioner");
  // From the calendar, the practitioner comes first: only the services they offer.
  const forWhom =
    ownId ??
    (services.some((s) => s.practitioners.some((p) => p.id === requested)) ? requested : null);
  const bookable = services.filter((s) =>
    forWhom ? s.practitioners.some((p) => p.id === forWhom) : s.practitioners.length > 0,
  );

  const service = bookable.find((s) => s.id === search.get("service")) ?? null;
  const practitionerChoice = !service
    ? null
    : ownId
      ? ownId
      : requested === "any" || service.practitioners.some((p) => p.id === requested)
        ? requested
        : null;
  const carried = Object.fromEntries(
    CARRIED.map((key) => [key, (search.get(key) ?? "").slice(0, 254)] as const).filter(
      ([, v]) => v !== "",
    ),
  );

  const requestedAt = requestedTime(search, settings.timeZone);
  // Outside the usual hours: any time, for one practitioner (never "first available").
  const outsideHours =
    search.get("outside") === "1" && practitionerChoice !== null && practitionerChoice !== "any";
  let pickerSearch = search;
  if (requestedAt && !search.has("start")) {
    // A time from the calendar: the picker opens on its day, with it chosen if it is free.
    pickerSearch = new URLSearchParams(search);
    pickerSearch.set("from", requestedAt.date);
    pickerSearch.set("day", requestedAt.date);
    pickerSearch.set("start", requestedAt.at.toISOString());
  }
  const picker =
    service && practitionerChoice && !outsideHours
      ? await loadSlotPicker(api, pickerSearch, {
          serviceId: service.id,
          practitionerId: practitionerChoice,
          timeZone: settings.timeZone,
        })
      : null;
  const check =
    outsideHours && service && practitionerChoice && requestedAt
      ? await outsideHoursCheck(api, {
          serviceId: service.id,
          practitionerId: practitionerChoice,
          start: requestedAt.at,
        })
      : null;

  return {
    timeZone: settings.timeZone,
    services: bookable.map((s) => ({
      id: s.id,
      name: s.name,
      summary: s.summary,
      durationMinutes: s.durationMinutes,
      practitioners: s.practitioners,
    })),
    service: service
      ? {
          id: service.id,
          name: service.name,
          durationMinutes: service.durationMinutes,
          practitioners: service.practitioners,
        }
      : null,
    practitionerChoice,
    choosesPractitioner: ownId === null,
    /** The practitioner asked for before the service (from the calendar), carried to the next step. */
    preferredPractitioner: ownId ? null : forWhom,
    carried,
    picker,
    requested: requestedAt ? { date: requestedAt.date, time: requestedAt.time } : null,
    /** A time asked for (from the calendar) that isn't one of the free times. */
    requestedUnavailable: Boolean(requestedAt && picker && !picker.slot),
    outsideHours: outsideHours
      ? { at: requestedAt?.at ?? null, check, practitionerId: practitionerChoice }
      : null,
    idempotencyKey: newIdempotencyKey(),
  };
}

/**
 * Books the patient in. A time taken in the meantime gets a fresh idempotency key, so booking
 * another time is a new request rather than a replay of the refused one.
 */
export async function newBookingAction({ api }: StaffWithApi, request: Request) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, {
    schema: newBookingFormSchema,
    error: newBookingErrors,
  });
  const key = String(formData.get("idempotencyKey") ?? "") || newIdempotencyKey();
  if (submission.status !== "success") {
    return data(
      { reply: submission.reply(), idempotencyKey: key, conflict: false },
      { status: 400 },
    );
  }
  const { confirmOutsideHours: _confirmed, ...booking } = submission.value;
  const result = await submitToApi(submission, () => api.bookings.createForPatient.mutate(booking));
  if (result.ok) throw redirect(withNotice(`/bookings/${result.value.id}`, "created"));
  const conflict = result.refusal.code === "CONFLICT";
  return data(
    { reply: result.reply, idempotencyKey: conflict ? newIdempotencyKey() : key, conflict },
    { status: result.status },
  );
}
