import { can, localDateOf, longDateLabel } from "@clinic/domain";
import { requireRecord } from "@clinic/form-kit/server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BookingStatusBadge } from "../components/booking-status";
import { dateTimeLabel } from "../formatting/clinic-time";
import { pageMeta } from "../formatting/page-title";
import { requireStaffWith } from "../server/staff-access.server";

export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageMeta(error, data ? `Patient: ${data.patient.name}` : "Patient");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "patients.read");
  const [found, settings] = await Promise.all([
    requireRecord(() => api.patients.detail.query({ id: params.id ?? "" }), "Patient"),
    api.settings.get.query(),
  ]);
  return { ...found, timeZone: settings.timeZone, mayBook: can(user.role, "bookings.write") };
}

export default function PatientDetail() {
  const { patient, bookings, timeZone, mayBook } = useLoaderData<typeof loader>();
  const now = Date.now();
  const upcoming = bookings.filter((b) => b.status === "confirmed" && b.startsAt.getTime() > now);
  const bookAgain = `/bookings/new?${new URLSearchParams({
    name: patient.name,
    email: patient.email,
    phone: patient.phone,
  })}`;
  return (
    <>
      <div className="page-heading page-heading--row">
        <div>
          <p className="muted">
            <Link to="/patients">All patients</Link>
          </p>
          <h1>{patient.name}</h1>
          <p className="lede">
            Patient since {longDateLabel(localDateOf(patient.createdAt, timeZone))}.{" "}
            {upcoming.length > 0
              ? `${upcoming.length} upcoming ${upcoming.length === 1 ? "appointment" : "appointments"}.`
              : "No upcoming appointments."}
          </p>
        </div>
        {mayBook ? (
          <Link to={bookAgain} className="button button--primary">
            Book for this patient
          </Link>
        ) : null}
      </div>

      <section className="panel" aria-labelledby="contact-heading">
        <h2 id="contact-heading">Contact details</h2>
        <dl className="description-list">
          <dt>Email</dt>
          <dd>
            <a href={`mailto:${patient.email}`}>{patient.email}</a>
          </dd>
          <dt>Phone</dt>
          <dd>
            <a href={`tel:${patient.phone.replace(/[^\d+]/g, "")}`}>{patient.phone}</a>
          </dd>
        </dl>
      </section>

      <section className="section" aria-labelledby="bookings-heading">
        <h2 id="bookings-heading">Booking history</h2>
        {bookings.length === 0 ? (
          <p className="muted">No bookings.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Service</th>
                  <th scope="col">Practitioner</th>
                  <th scope="col">Status</th>
                  <th scope="col">Notes</th>
                </tr>
              </thead>
              <tbody>
                {bookings.map((b) => (
                  <tr key={b.id}>
                    <th scope="row">
                      <Link to={`/bookings/${b.id}`}>{dateTimeLabel(b.startsAt, timeZone)}</Link>
                    </th>
                    <td>{b.service.name}</td>
                    <td>{b.practitioner.name}</td>
                    <td>
                      <BookingStatusBadge status={b.status} />
                    </td>
                    <td>
                      {b.notes}
                      {b.cancellationReason ? (
                        <span className="muted"> Cancelled: {b.cancellationReason}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
