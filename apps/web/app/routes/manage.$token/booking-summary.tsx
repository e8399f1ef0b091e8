import { formatMoney } from "@clinic/domain";
import { useClinic } from "../../components/use-clinic";
import { addressLines, directionsHref } from "../../formatting/contact-details";
import { formatDuration } from "../../formatting/format-date";
import { managePath } from "../../links/manage-link";

/** The booking at a glance, with a calendar file while it is still to come. */
export function BookingSummary({
  booking,
  token,
}: {
  booking: {
    status: "confirmed" | "cancelled" | "completed" | "no_show";
    statusLabel: string;
    startLabel: string;
    service: { name: string; durationMinutes: number; priceCents: number | null };
    practitioner: { name: string };
    patient: { name: string; email: string | null };
    notes: string | null;
    cancellationReason: string | null;
    upcoming: boolean;
  };
  token: string;
}) {
  const cancelled = booking.status === "cancelled";
  const clinic = useClinic();
  return (
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
        {booking.service.priceCents !== null ? (
          <div>
            <dt>Price</dt>
            <dd>{formatMoney(booking.service.priceCents, clinic.currency)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Where</dt>
          <dd>
            <address className="booking-summary__address">
              {addressLines(clinic.address).join(", ")}
            </address>
            <a href={directionsHref(clinic.name, clinic.address)}>Get directions</a>
          </dd>
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
            {booking.patient.name}
            {booking.patient.email ? ` (${booking.patient.email})` : null}
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
          <a href={managePath(token, "calendar.ics")} className="button button--secondary" download>
            Add to calendar
          </a>
        </p>
      ) : null}
    </section>
  );
}
