import { localDateOf, longDateLabel } from "@clinic/domain";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BookingStatusBadge } from "../../components/booking-status";
import { FormErrors } from "../../components/field-errors";
import { IntakePanel } from "../../components/intake-panel";
import { NoticeBanner } from "../../components/notice-banner";
import { PatientContactRows } from "../../components/patient-contact";
import { describeHistoryEntry } from "../../formatting/booking-history";
import { dateTimeLabel, timeRangeLabel } from "../../formatting/clinic-time";
import { pageMeta } from "../../formatting/page-title";
import { requireStaffAction, requireStaffWith } from "../../server/staff-access.server";
import { bookingAction, loadBooking } from "./booking.server";
import { BookingActions, CancelForm, ManageLinkPanel, RescheduleSection } from "./booking-steps";
import { TreatmentPlanPanel } from "./treatment-plan-panel";

export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageMeta(error, data ? `Booking: ${data.booking.patient.name}` : "Booking");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaffWith(request, "bookings.read");
  const loaded = await loadBooking(staff, request, params);
  // Where the patient's intake form stands (decision 029); the answers are a page of their own.
  const intake = await staff.api.intake.statusForPatient.query({
    patientId: loaded.booking.patient.id,
  });
  return { ...loaded, intake };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaffAction(request, "bookings.write");
  return bookingAction(staff, request, params);
}

export default function BookingDetail() {
  const { booking, treatmentPlan, mode, picker, move, notice, intake } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { timeZone } = booking;
  const here = `/bookings/${booking.id}`;
  const date = localDateOf(booking.startsAt, timeZone);

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
      {actionData && "error" in actionData && actionData.intent !== "manageLink" ? (
        <FormErrors errors={[actionData.error]} />
      ) : null}

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
            <PatientContactRows email={booking.patient.email} phone={booking.patient.phone} />
            <dt>Contact consent</dt>
            <dd>{booking.contactConsent ? "Yes, may be contacted about news" : "No"}</dd>
          </dl>
        </section>
      </div>

      <IntakePanel
        intake={intake}
        patientId={booking.patient.id}
        bookingId={booking.id}
        timeZone={timeZone}
      />

      <BookingActions booking={booking} mode={mode} here={here} />

      {treatmentPlan ? <TreatmentPlanPanel bookingId={booking.id} found={treatmentPlan} /> : null}

      {mode === "cancel" ? <CancelForm here={here} /> : null}

      {mode === "reschedule" ? (
        <RescheduleSection booking={booking} picker={picker} move={move} here={here} />
      ) : null}

      {booking.actions.readManageLink ? (
        <ManageLinkPanel hasEmail={booking.patient.email !== null} />
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

export { ErrorBoundary } from "../../components/staff-error-boundary";
