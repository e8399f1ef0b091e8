import { notFound, requireRecord, submitToApi } from "@clinic/form-kit/server";
import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BookingSteps } from "../components/booking-steps";
import { Field } from "../components/form-field";
import { telHref } from "../formatting/contact-details";
import { formatDuration } from "../formatting/format-date";
import { pageMeta } from "../formatting/page-meta";
import { formatAppointmentStart } from "../formatting/time-labels";
import { bookingChangeStatus, cancelFormSchema } from "../forms/booking-form";
import { pickerSearch } from "../links/booking-params";
import {
  bookingStatusLabel,
  MANAGE_PAGE_META,
  managePath,
  manageTokenParam,
} from "../links/manage-link";
import { api } from "../server/api.server";
import { privatePageHeaders } from "../server/cache-control";

export const headers = privatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = manageTokenParam(params.token);
  if (!token) throw notFound("Booking");
  const booking = await requireRecord(() => api.bookings.byToken.query({ token }), "Booking");
  const url = new URL(request.url);
  const search = url.searchParams;
  const upcoming = booking.status === "confirmed" && booking.startsAt.getTime() > Date.now();
  return {
    booking: {
      status: booking.status,
      statusLabel: bookingStatusLabel(booking.status),
      startLabel: formatAppointmentStart(booking.startsAt, booking.timeZone),
      deadlineLabel: formatAppointmentStart(booking.changeDeadline, booking.timeZone),
      service: booking.service,
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
  const token = manageTokenParam(params.token);
  if (!token) throw notFound("Booking");
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
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "cancel-booking",
    lastResult,
    constraint: getZodConstraint(cancelFormSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cancelFormSchema }),
  });
  const { key: reasonKey, ...reasonProps } = getTextareaProps(fields.reason, {
    ariaDescribedBy: "reason-hint",
  });
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

      <section className="card booking-summary" aria-labelledby="summary-title">
        <h2 id="summary-title" className="card__title">
          {booking.service.name}
        </h2>
        <dl className="facts facts--stacked">
          <div>
            <dt>When</dt>
            <dd>{booking.startLabel}</dd>
          </div>
          <div>
            <dt>With</dt>
            <dd>{booking.practitioner.name}</dd>
          </div>
          <div>
            <dt>Length</dt>
            <dd>{formatDuration(booking.service.durationMinutes)}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <span className={`status status--${booking.status}`}>{booking.statusLabel}</span>
            </dd>
          </div>
          <div>
            <dt>Booked for</dt>
            <dd>
              {booking.patient.name} ({booking.patient.email})
            </dd>
          </div>
          {booking.notes ? (
            <div>
              <dt>Your notes</dt>
              <dd className="booking-summary__notes">{booking.notes}</dd>
            </div>
          ) : null}
          {cancelled && booking.cancellationReason ? (
            <div>
              <dt>Reason for cancelling</dt>
              <dd>{booking.cancellationReason}</dd>
            </div>
          ) : null}
        </dl>
        {!cancelled && booking.upcoming ? (
          <p className="booking-summary__calendar">
            {/* A file download: a full request, not a client-side navigation. */}
            <a
              href={managePath(token, "calendar.ics")}
              className="button button--secondary"
              download
            >
              Add to calendar
            </a>
          </p>
        ) : null}
      </section>

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
        <section className="card cancel-panel" aria-labelledby="cancel-title">
          <h2 id="cancel-title" className="card__title">
            Cancel this appointment?
          </h2>
          <Form method="post" className="form" {...getFormProps(form)}>
            {form.errors?.length ? (
              <div className="notice notice--error" role="alert" id={form.errorId}>
                {form.errors.map((message) => (
                  <p key={message}>{message}</p>
                ))}
              </div>
            ) : null}
            <Field
              label="Reason (optional)"
              field={fields.reason}
              hint="It helps us, but you don't have to say."
              hintId="reason-hint"
            >
              <textarea key={reasonKey} {...reasonProps} rows={3} />
            </Field>
            <div className="button-row">
              <button
                type="submit"
                className="button button--danger"
                disabled={navigation.state === "submitting"}
              >
                Yes, cancel my appointment
              </button>
              <Link to={managePath(token)} className="button button--secondary" preventScrollReset>
                Keep my appointment
              </Link>
            </div>
          </Form>
        </section>
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
