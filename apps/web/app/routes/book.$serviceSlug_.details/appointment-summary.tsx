import { formatMoney } from "@clinic/domain";
import { Link } from "@remix-run/react";
import { useClinic } from "../../components/use-clinic";
import { formatDuration } from "../../formatting/format-date";

/** What is being booked, beside the form, with a way back to the times. */
export function AppointmentSummary({
  service,
  practitioner,
  startLabel,
  changeTimeHref,
}: {
  service: { name: string; durationMinutes: number; priceCents: number };
  practitioner: { slug: string; name: string };
  startLabel: string;
  changeTimeHref: string;
}) {
  const clinic = useClinic();
  return (
    <aside className="card detail-aside" aria-labelledby="booking-summary">
      <h2 id="booking-summary" className="detail-aside__title">
        Your appointment
      </h2>
      <dl className="facts facts--stacked">
        <div>
          <dt>Treatment</dt>
          <dd>{service.name}</dd>
        </div>
        <div>
          <dt>With</dt>
          <dd>
            {practitioner.slug === "any" ? "First available practitioner" : practitioner.name}
          </dd>
        </div>
        <div>
          <dt>When</dt>
          <dd>{startLabel}</dd>
        </div>
        <div>
          <dt>Length and price</dt>
          <dd>
            {formatDuration(service.durationMinutes)} ·{" "}
            {formatMoney(service.priceCents, clinic.currency)}
          </dd>
        </div>
      </dl>
      <p className="detail-aside__action">
        <Link to={changeTimeHref}>Change the time</Link>
      </p>
    </aside>
  );
}
