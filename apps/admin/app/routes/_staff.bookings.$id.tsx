import { isApiError } from "@clinic/api-client";
import { staffCancelBookingInputSchema } from "@clinic/domain";
import { getFormProps, getTextareaProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { BookingStatusBadge } from "../components/booking-status";
import { FieldErrors, FormErrors } from "../components/field-errors";
import { NoticeBanner } from "../components/notice-banner";
import { RouteError } from "../components/route-error";
import { SlotPicker } from "../components/slot-picker";
import { slotWindow } from "../components/slot-window";
import { describeHistoryEntry } from "../formatting/booking-history";
import {
  dateIn,
  dateTimeLabel,
  longDateLabel,
  timeRangeLabel,
  todayIn,
} from "../formatting/clinic-time";
import { pageTitle } from "../formatting/page-title";
import { missingFieldMessages } from "../forms/missing-field-messages";
import { createApi } from "../server/api.server";
import { requireSameOrigin } from "../server/csrf.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { requireStaff } from "../server/session.server";

const notices = {
  created: "Booking made. The patient has been emailed a confirmation with their booking link.",
  cancelled: "Booking cancelled. The patient has been emailed.",
  moved: "Booking moved. The patient has been emailed the new time.",
  completed: "Marked as completed.",
  no_show: "Marked as a no-show.",
} as const;

const cancelFormSchema = staffCancelBookingInputSchema.pick({ reason: true });
const cancelErrors = missingFieldMessages({ reason: "Say why the appointment is cancelled" });
const rescheduleFormSchema = z.object({ start: z.date({ message: "Choose a time" }) });
const statusFormSchema = z.object({ status: z.enum(["completed", "no_show"]) });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Booking: ${data.booking.patient.name}` : "Booking") },
];

function notFound(): never {
  throw new Response("Booking not found", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token } = await requireStaff(request);
  const api = createApi(token);
  const id = params.id ?? "";
  if (!z.uuid().safeParse(id).success) notFound();
  let booking: Awaited<ReturnType<typeof api.bookings.detail.query>>;
  try {
    booking = await api.bookings.detail.query({ id });
  } catch (error) {
    if (isApiError(error, "NOT_FOUND")) notFound();
    throw error;
  }

  const url = new URL(request.url);
  const step = url.searchParams.get("step");
  const mode =
    step === "cancel" && booking.actions.cancel
      ? "cancel"
      : step === "reschedule" && booking.actions.reschedule
        ? "reschedule"
        : null;

  let picker = null;
  if (mode === "reschedule") {
    const today = todayIn(booking.timeZone);
    const window = slotWindow(url.searchParams.get("from"), today);
    const availability = await api.bookings.availability.query({
      serviceId: booking.service.id,
      practitionerId: booking.practitioner.id,
      from: window.from,
      to: window.to,
    });
    // The booking's own time shows as free (it is released when moved); offering it is pointless.
    const days = availability.days.map((day) => ({
      ...day,
      slots: day.slots.filter((s) => s.start.getTime() !== booking.startsAt.getTime()),
    }));
    const day = url.searchParams.get("day");
    const startParam = url.searchParams.get("start");
    const start = startParam ? new Date(startParam) : null;
    const offered =
      start && !Number.isNaN(start.getTime())
        ? days.some((d) => d.slots.some((s) => s.start.getTime() === start.getTime()))
        : false;
    picker = {
      window,
      days,
      selectedDate: day && window.dates.includes(day) ? day : null,
      selectedStart: offered ? start : null,
    };
  }

  return { booking, mode, picker, notice: noticeFrom(request, notices) };
}

type ActionResult =
  | { intent: "cancel"; reply: SubmissionResult<string[]> }
  | { intent: "reschedule" | "status"; error: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { token } = await requireStaff(request);
  requireSameOrigin(request);
  const api = createApi(token);
  const id = params.id ?? "";
  if (!z.uuid().safeParse(id).success) notFound();
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = `/bookings/${id}`;

  if (intent === "cancel") {
    const submission = parseWithZod(formData, { schema: cancelFormSchema, error: cancelErrors });
    if (submission.status !== "success") {
      return data<ActionResult>({ intent: "cancel", reply: submission.reply() }, { status: 400 });
    }
    try {
      await api.bookings.cancel.mutate({ id, reason: submission.value.reason });
    } catch (error) {
      const message = apiMessage(error);
      if (message === null) throw error;
      return data<ActionResult>(
        { intent: "cancel", reply: submission.reply({ formErrors: [message] }) },
        { status: 400 },
      );
    }
    throw redirect(withNotice(here, "cancelled"));
  }

  if (intent === "reschedule") {
    const submission = parseWithZod(formData, { schema: rescheduleFormSchema });
    if (submission.status !== "success") {
      return data<ActionResult>(
        { intent: "reschedule", error: "Choose a new time first." },
        { status: 400 },
      );
    }
    try {
      await api.bookings.reschedule.mutate({ id, start: submission.value.start });
    } catch (error) {
      const message = apiMessage(error);
      if (message === null) throw error;
      return data<ActionResult>({ intent: "reschedule", error: message }, { status: 409 });
    }
    throw redirect(withNotice(here, "moved"));
  }

  if (intent === "status") {
    const submission = parseWithZod(formData, { schema: statusFormSchema });
    if (submission.status !== "success") {
      return data<ActionResult>(
        { intent: "status", error: "Choose completed or no-show." },
        { status: 400 },
      );
    }
    try {
      await api.bookings.setStatus.mutate({ id, status: submission.value.status });
    } catch (error) {
      const message = apiMessage(error);
      if (message === null) throw error;
      return data<ActionResult>({ intent: "status", error: message }, { status: 400 });
    }
    throw redirect(withNotice(here, submission.value.status));
  }

  throw new Response("Unknown action", { status: 400 });
}

/** The API's words for a refusal staff can act on; null for anything unexpected (rethrown). */
function apiMessage(error: unknown): string | null {
  if (isApiError(error, "NOT_FOUND")) notFound();
  if (
    isApiError(error, "CONFLICT") ||
    isApiError(error, "BAD_REQUEST") ||
    isApiError(error, "PRECONDITION_FAILED") ||
    isApiError(error, "FORBIDDEN")
  ) {
    return error.message;
  }
  return null;
}

export default function BookingDetail() {
  const { booking, mode, picker, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { timeZone } = booking;
  const here = `/bookings/${booking.id}`;
  const date = dateIn(timeZone, booking.startsAt);

  return (
    <>
      <div className="page-heading">
        <p className="muted">
          <Link to={`/calendar?date=${date}`}>Calendar for {longDateLabel(date)}</Link>
        </p>
        <h1>
          {booking.patient.name}: {booking.service.name}
        </h1>
        <p className="lede">
          {dateTimeLabel(booking.startsAt, timeZone)} with {booking.practitioner.name}{" "}
          <BookingStatusBadge status={booking.status} />
        </p>
      </div>
      <NoticeBanner message={notice} />
      {actionData && "error" in actionData ? <FormErrors errors={[actionData.error]} /> : null}

      <div className="dashboard-grid">
        <section className="panel" aria-labelledby="appointment-heading">
          <h2 id="appointment-heading">Appointment</h2>
          <dl className="description-list">
            <dt>When</dt>
            <dd>
              {longDateLabel(date)}, {timeRangeLabel(booking.startsAt, booking.endsAt, timeZone)}
            </dd>
            <dt>Service</dt>
            <dd>
              {booking.service.name} ({booking.service.durationMinutes} min)
            </dd>
            <dt>Practitioner</dt>
            <dd>{booking.practitioner.name}</dd>
            <dt>Status</dt>
            <dd>
              <BookingStatusBadge status={booking.status} />
            </dd>
            <dt>Notes</dt>
            <dd>{booking.notes || <span className="muted">None</span>}</dd>
            {booking.cancellationReason ? (
              <>
                <dt>Cancellation reason</dt>
                <dd>{booking.cancellationReason}</dd>
              </>
            ) : null}
          </dl>
        </section>

        <section className="panel" aria-labelledby="patient-heading">
          <h2 id="patient-heading">Patient</h2>
          <dl className="description-list">
            <dt>Name</dt>
            <dd>
              <Link to={`/patients/${booking.patient.id}`}>{booking.patient.name}</Link>
            </dd>
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${booking.patient.email}`}>{booking.patient.email}</a>
            </dd>
            <dt>Phone</dt>
            <dd>
              <a href={`tel:${booking.patient.phone.replace(/[^\d+]/g, "")}`}>
                {booking.patient.phone}
              </a>
            </dd>
            <dt>Contact consent</dt>
            <dd>{booking.contactConsent ? "Yes, may be contacted about news" : "No"}</dd>
          </dl>
        </section>
      </div>

      <BookingActions booking={booking} mode={mode} here={here} />

      {mode === "cancel" ? <CancelForm here={here} /> : null}

      {mode === "reschedule" && picker ? (
        <section className="panel section" aria-labelledby="reschedule-heading">
          <h2 id="reschedule-heading">Move to another time</h2>
          <p className="muted">
            Free times with {booking.practitioner.name} for {booking.service.name}, on the clinic's
            clock ({timeZone}).
          </p>
          <SlotPicker
            window={picker.window}
            days={picker.days}
            timeZone={timeZone}
            selectedDate={picker.selectedDate}
            selectedStart={picker.selectedStart}
            headingLevel={3}
            hrefFor={({ from, day, start }) => {
              const params = new URLSearchParams({ step: "reschedule", from });
              if (day) params.set("day", day);
              if (start) params.set("start", start);
              return `${here}?${params}`;
            }}
          />
          {picker.selectedStart ? (
            <Form method="post" className="form section">
              <input type="hidden" name="intent" value="reschedule" />
              <input type="hidden" name="start" value={picker.selectedStart.toISOString()} />
              <p>
                Move from <strong>{dateTimeLabel(booking.startsAt, timeZone)}</strong> to{" "}
                <strong>{dateTimeLabel(picker.selectedStart, timeZone)}</strong>? The patient is
                emailed the new time.
              </p>
              <div className="actions">
                <SubmitButton className="button button--primary">Move the booking</SubmitButton>
                <Link to={here} className="button button--quiet">
                  Keep the current time
                </Link>
              </div>
            </Form>
          ) : null}
        </section>
      ) : null}

      <section className="section" aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        {booking.history.length === 0 ? (
          <p className="muted">Nothing recorded yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">What happened</th>
                </tr>
              </thead>
              <tbody>
                {booking.history.map((entry) => (
                  <tr key={entry.id}>
                    <td>{dateTimeLabel(entry.createdAt, timeZone)}</td>
                    <td>{describeHistoryEntry(entry, timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {booking.messages.length > 0 ? (
        <section className="section" aria-labelledby="emails-heading">
          <h2 id="emails-heading">Emails to the patient</h2>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Written</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {booking.messages.map((message) => (
                  <tr key={message.id}>
                    <td>{dateTimeLabel(message.createdAt, timeZone)}</td>
                    <td>{message.subject}</td>
                    <td>
                      {message.sentAt
                        ? `Sent ${dateTimeLabel(message.sentAt, timeZone)}`
                        : message.status === "failed"
                          ? "Failed"
                          : "Waiting to send"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}

function SubmitButton({
  className,
  children,
  name,
  value,
}: {
  className: string;
  children: React.ReactNode;
  name?: string;
  value?: string;
}) {
  const navigation = useNavigation();
  return (
    <button
      type="submit"
      className={className}
      name={name}
      value={value}
      disabled={navigation.state === "submitting"}
    >
      {children}
    </button>
  );
}

function BookingActions({
  booking,
  mode,
  here,
}: {
  booking: {
    status: string;
    actions: { cancel: boolean; reschedule: boolean; markAttendance: boolean };
  };
  mode: string | null;
  here: string;
}) {
  const { actions } = booking;
  if (!actions.cancel && !actions.reschedule && !actions.markAttendance) return null;
  return (
    <section className="panel section" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      <div className="actions">
        {actions.markAttendance ? (
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="status" />
            {booking.status !== "completed" ? (
              <SubmitButton className="button button--primary" name="status" value="completed">
                Mark completed
              </SubmitButton>
            ) : null}
            {booking.status !== "no_show" ? (
              <SubmitButton className="button button--quiet" name="status" value="no_show">
                Mark no-show
              </SubmitButton>
            ) : null}
          </Form>
        ) : null}
        {actions.reschedule && mode !== "reschedule" ? (
          <Link to={`${here}?step=reschedule`} className="button button--quiet">
            Reschedule
          </Link>
        ) : null}
        {actions.cancel && mode !== "cancel" ? (
          <Link to={`${here}?step=cancel`} className="button button--quiet">
            Cancel booking
          </Link>
        ) : null}
      </div>
    </section>
  );
}

function CancelForm({ here }: { here: string }) {
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && "reply" in actionData ? actionData.reply : undefined;
  const [form, fields] = useForm({
    id: "cancel-booking",
    lastResult,
    constraint: getZodConstraint(cancelFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: cancelFormSchema, error: cancelErrors }),
  });
  const { key, ...reasonProps } = getTextareaProps(fields.reason);
  return (
    <section className="panel section" aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">Cancel this booking</h2>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="cancel" />
        <div className="field">
          <label htmlFor={fields.reason.id}>Reason (the patient's email quotes it)</label>
          <textarea key={key} {...reasonProps} rows={3} />
          <FieldErrors id={fields.reason.errorId} errors={fields.reason.errors} />
        </div>
        <div className="actions">
          <SubmitButton className="button button--danger">
            Cancel booking and email the patient
          </SubmitButton>
          <Link to={here} className="button button--quiet">
            Keep the booking
          </Link>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
