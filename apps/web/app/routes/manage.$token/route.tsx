import { notFound, requireRecord, submitToApi } from "@clinic/form-kit/server";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BookingSteps } from "../../components/booking-steps";
import { telHref } from "../../formatting/contact-details";
import { pageMeta } from "../../formatting/page-meta";
import { formatAppointmentStart } from "../../formatting/time-labels";
import { bookingChangeStatus, cancelFormSchema } from "../../forms/booking-form";
import { pickerSearch } from "../../links/booking-params";
import {
  bookingStatusLabel,
  MANAGE_PAGE_META,
  managePath,
  requireManageToken,
} from "../../links/manage-link";
import { api } from "../../server/api.server";
import { privatePageHeaders } from "../../server/cache-control";
import { BookingSummary } from "./booking-summary";
import { CancelPanel } from "./cancel-panel";

export const headers = privatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = requireManageToken(params.token);
  const booking = await requireRecord(() => api.bookings.byToken.query({ token }), "Booking");
  // The treatment's price as listed now (a service no longer offered has none to show).
  const priceCents = await api.services.bySlug
    .query({ slug: booking.service.slug })
    .then((service) => service.priceCents)
    .catch(() => null);
  const url = new URL(request.url);
  const search = url.searchParams;
  const upcoming = booking.status === "confirmed" && booking.startsAt.getTime() > Date.now();
  return {
    booking: {
      status: booking.status,
      statusLabel: bookingStatusLabel(booking.status),
      startLabel: formatAppointmentStart(booking.startsAt, booking.timeZone),
      deadlineLabel: formatAppointmentStart(booking.changeDeadline, booking.timeZone),
      service: { ...booking.service, priceCents },
      practitioner: booking.practitioner,
      patient: booking.patient,
      notes: booking.notes,
      cancellationReason: booking.cancellationReason,
      canCancel: booking.canCancel,
      canReschedule: booking.canReschedule,
      upcoming,
      clinic: booking.clinic,
    },
    token,
    manageUrl: `${url.origin}${managePath(token)}`,
    booked: search.get("booked") === "1",
    notice:
      search.get("rescheduled") === "1"
        ? "rescheduled"
        : search.get("cancelled") === "1"
          ? "cancelled"
          : null,
    confirmCancel: search.get("cancel") === "1" && booking.canCancel,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = requireManageToken(params.token);
  const submission = parseWithZod(await request.formData(), { schema: cancelFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const cancelled = await submitToApi(
    submission,
    () => api.bookings.cancelByToken.mutate({ token, reason: submission.value.reason }),
    { fields: ["reason"] },
  );
  if (!cancelled.ok) {
    if (cancelled.refusal.code === "NOT_FOUND") throw notFound("Booking");
    return data(cancelled.reply, { status: bookingChangeStatus(cancelled.refusal) });
  }
  return redirect(`${managePath(token)}?cancelled=1`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageMeta(matches, {
    title: data?.booked ? "You're booked" : "Your appointment",
    description: "See, change or cancel your appointment.",
  }),
  ...MANAGE_PAGE_META,
];

export default function ManageBookingPage() {
  const { booking, token, manageUrl, booked, notice, confirmCancel } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const cancelled = booking.status === "cancelled";
  const showCancelForm = confirmCancel || Boolean(lastResult);
  const phoneLink = <a href={telHref(booking.clinic.phone)}>{booking.clinic.phone}</a>;

  return (
    <div className="container container--narrow page booking">
      {booked ? <BookingSteps current={5} /> : null}
      <header className="page-header">
        <h1>
          {booked ? "You're booked" : cancelled ? "Appointment cancelled" : "Your appointment"}
        </h1>
        {booked ? (
          <p className="lead">
            We've emailed a confirmation to {booking.patient.email}. See you soon,{" "}
            {booking.patient.name.split(" ")[0]}.
          </p>
        ) : null}
      </header>

      {notice === "rescheduled" ? (
        <div className="notice notice--success" role="status">
          <p>Your appointment has been moved to {booking.startLabel}.</p>
        </div>
      ) : null}
      {notice === "cancelled" && cancelled ? (
        <div className="notice notice--success" role="status">
          <p>Your appointment has been cancelled. We've emailed you a confirmation.</p>
        </div>
      ) : null}

      <BookingSummary booking={booking} token={token} />

      {!cancelled && booking.upcoming ? (
        <section className="manage-link" aria-labelledby="manage-link-title">
          <h2 id="manage-link-title">Need to change something?</h2>
          <p>
            Keep this link to change or cancel your appointment later (it's also in your email):
          </p>
          <p className="manage-link__url">
            <a href={manageUrl}>{manageUrl}</a>
          </p>
          {booking.canReschedule || booking.canCancel ? (
            <>
              <p>You can make changes online until {booking.deadlineLabel}.</p>
              <div className="button-row">
                {booking.canReschedule ? (
                  <Link to={managePath(token, "reschedule")} className="button button--primary">
                    Change the time
                  </Link>
                ) : null}
                {booking.canCancel && !showCancelForm ? (
                  <Link to="?cancel=1" className="button button--secondary" preventScrollReset>
                    Cancel appointment
                  </Link>
                ) : null}
              </div>
            </>
          ) : (
            <div className="notice notice--info">
              <p>
                Online changes have closed for this appointment: it starts soon. To change or cancel
                it, please call us on {phoneLink}.
              </p>
            </div>
          )}
        </section>
      ) : null}

      {booking.canCancel && showCancelForm ? (
        <CancelPanel token={token} lastResult={lastResult} />
      ) : null}

      {cancelled ? (
        <p className="button-row">
          <Link
            to={`/book/${booking.service.slug}${pickerSearch({ practitioner: booking.practitioner.slug })}`}
            className="button button--primary"
          >
            Book another time
          </Link>
        </p>
      ) : null}

      {!cancelled && !booking.upcoming ? (
        <p>
          Questions about this appointment? Call us on {phoneLink} or email{" "}
          <a href={`mailto:${booking.clinic.email}`}>{booking.clinic.email}</a>.
        </p>
      ) : null}
    </div>
  );
}
