import { isApiError } from "@clinic/api-client";
import { can } from "@clinic/domain";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { BookingStatusBadge } from "../components/booking-status";
import { RouteError } from "../components/route-error";
import { dateIn, dateTimeLabel, longDateLabel } from "../formatting/clinic-time";
import { pageTitle } from "../formatting/page-title";
import { createApi } from "../server/api.server";
import { requireStaff } from "../server/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Patient: ${data.patient.name}` : "Patient") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, token } = await requireStaff(request);
  const api = createApi(token);
  const id = params.id ?? "";
  if (!z.uuid().safeParse(id).success) throw new Response("Patient not found", { status: 404 });
  try {
    const [found, settings] = await Promise.all([
      api.patients.detail.query({ id }),
      api.settings.get.query(),
    ]);
    return { ...found, timeZone: settings.timeZone, mayBook: can(user.role, "bookings.write") };
  } catch (error) {
    if (isApiError(error, "NOT_FOUND")) throw new Response("Patient not found", { status: 404 });
    throw error;
  }
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
            Patient since {longDateLabel(dateIn(timeZone, patient.createdAt))}.{" "}
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

export function ErrorBoundary() {
  return <RouteError />;
}
