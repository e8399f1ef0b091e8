import { localDateOf } from "@clinic/domain";
import { callApi, notFound, requireRecord } from "@clinic/form-kit/server";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useSubmitting } from "../components/public-form";
import { SlotPicker } from "../components/slot-picker";
import { telHref } from "../formatting/contact-details";
import { pageMeta } from "../formatting/page-meta";
import { formatAppointmentStart } from "../formatting/time-labels";
import { bookingChangeStatus } from "../forms/booking-form";
import { instantParam, parsePickerParams, pickerSearch } from "../links/booking-params";
import { MANAGE_PAGE_META, managePath, requireManageToken } from "../links/manage-link";
import { api } from "../server/api.server";
import { privatePageHeaders } from "../server/cache-control";
import { loadPicker } from "../server/slot-picker.server";

export const headers = privatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = requireManageToken(params.token);
  const search = parsePickerParams(new URL(request.url).searchParams);
  const [booking, settings] = await Promise.all([
    requireRecord(() => api.bookings.byToken.query({ token }), "Booking"),
    api.settings.get.query(),
  ]);
  const summary = {
    serviceName: booking.service.name,
    practitionerName: booking.practitioner.name,
    startLabel: formatAppointmentStart(booking.startsAt, booking.timeZone),
    clinicPhone: booking.clinic.phone,
  };
  if (!booking.canReschedule) {
    return { token, summary, picker: null, chosen: null, taken: false };
  }
  const picker = await loadPicker({
    serviceId: booking.service.id,
    practitionerId: booking.practitioner.id,
    week: search.week,
    day: search.day,
    timeZone: booking.timeZone,
    horizonDays: settings.bookingPolicy.horizonDays,
  });
  // Only a time the picker offers can be confirmed; a stale link just shows the day again.
  const startIso = search.start?.toISOString();
  const chosen =
    search.start && picker.slots.some((slot) => slot.start === startIso)
      ? { start: startIso, label: formatAppointmentStart(search.start, booking.timeZone) }
      : null;
  return { token, summary, picker, chosen, taken: search.taken };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = requireManageToken(params.token);
  const formData = await request.formData();
  const raw = formData.get("start");
  const start = instantParam(typeof raw === "string" ? raw : null);
  if (!start) return data({ error: "Choose a new time" }, { status: 400 });
  const moved = await callApi(() => api.bookings.rescheduleByToken.mutate({ token, start }));
  if (!moved.ok) {
    if (moved.code === "NOT_FOUND") throw notFound("Booking");
    if (moved.code === "CONFLICT") {
      const settings = await api.settings.get.query();
      const day = localDateOf(start, settings.timeZone);
      return redirect(`${managePath(token, "reschedule")}${pickerSearch({ day, taken: true })}`);
    }
    const message = [...Object.values(moved.fieldErrors).flat(), ...moved.formErrors][0];
    return data(
      { error: message ?? "That time can't be booked" },
      { status: bookingChangeStatus(moved) },
    );
  }
  return redirect(`${managePath(token)}?rescheduled=1`);
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, {
    title: "Change your appointment",
    description: "Move your appointment to another time.",
  }),
  ...MANAGE_PAGE_META,
];

export default function RescheduleBookingPage() {
  const { token, summary, picker, chosen, taken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const submitting = useSubmitting();
  const base = managePath(token, "reschedule");

  return (
    <div className="container page booking">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={managePath(token)}>Back to your appointment</Link>
      </nav>
      <header className="page-header">
        <h1>Change your appointment time</h1>
        <p className="lead">
          {summary.serviceName} with {summary.practitionerName}, now on {summary.startLabel}.
        </p>
      </header>

      {picker === null ? (
        <div className="notice notice--info">
          <p>
            This appointment can no longer be changed online. Please call us on{" "}
            <a href={telHref(summary.clinicPhone)}>{summary.clinicPhone}</a>.
          </p>
        </div>
      ) : (
        <>
          {taken ? (
            <div className="notice notice--warning" role="alert">
              <p>That time was just taken — please pick another.</p>
            </div>
          ) : null}
          {actionData?.error ? (
            <div className="notice notice--error" role="alert">
              <p>{actionData.error}</p>
            </div>
          ) : null}
          {chosen ? (
            <section className="card confirm-panel" aria-labelledby="confirm-title">
              <h2 id="confirm-title" className="card__title">
                Move your appointment to {chosen.label}?
              </h2>
              <Form method="post" className="button-row">
                <input type="hidden" name="start" value={chosen.start} />
                <button type="submit" className="button button--primary" disabled={submitting}>
                  Confirm new time
                </button>
                <Link
                  to={`${base}${pickerSearch({ day: picker.selectedDay })}`}
                  className="button button--secondary"
                >
                  Choose a different time
                </Link>
              </Form>
            </section>
          ) : null}
          <SlotPicker
            picker={picker}
            selectedStart={chosen?.start ?? null}
            links={{
              week: (week) => `${base}${pickerSearch({ week })}`,
              day: (day) => `${base}${pickerSearch({ day })}`,
              slot: (start) =>
                `${base}${pickerSearch({ day: picker.selectedDay, start: new Date(start) })}`,
            }}
          />
        </>
      )}
    </div>
  );
}
