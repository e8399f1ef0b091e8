import { randomBytes } from "node:crypto";
import { accessFor, staffCreateBookingInputSchema } from "@clinic/domain";
import { submitToApi } from "@clinic/form-kit/server";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import { newBookingErrors } from "../../forms/booking-forms";
import { withNotice } from "../../server/notices.server";
import { loadSlotPicker } from "../../server/slot-picker.server";
import type { StaffWithApi } from "../../server/staff-access.server";

/** Patient details typed on the patients page travel along the steps in the query. */
const CARRIED = ["name", "email", "phone"] as const;

function newIdempotencyKey(): string {
  return randomBytes(18).toString("base64url");
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
  const bookable = services.filter((s) =>
    ownId ? s.practitioners.some((p) => p.id === ownId) : s.practitioners.length > 0,
  );

  const service = bookable.find((s) => s.id === search.get("service")) ?? null;
  const requested = search.get("practitioner");
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

  const picker =
    service && practitionerChoice
      ? await loadSlotPicker(api, search, {
          serviceId: service.id,
          practitionerId: practitionerChoice,
          timeZone: settings.timeZone,
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
    carried,
    picker,
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
    schema: staffCreateBookingInputSchema,
    error: newBookingErrors,
  });
  const key = String(formData.get("idempotencyKey") ?? "") || newIdempotencyKey();
  if (submission.status !== "success") {
    return data(
      { reply: submission.reply(), idempotencyKey: key, conflict: false },
      { status: 400 },
    );
  }
  const booking = submission.value;
  const result = await submitToApi(submission, () => api.bookings.createForPatient.mutate(booking));
  if (result.ok) throw redirect(withNotice(`/bookings/${result.value.id}`, "created"));
  const conflict = result.refusal.code === "CONFLICT";
  return data(
    { reply: result.reply, idempotencyKey: conflict ? newIdempotencyKey() : key, conflict },
    { status: result.status },
  );
}
