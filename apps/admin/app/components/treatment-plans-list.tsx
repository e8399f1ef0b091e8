import { planRepeatLabel } from "@clinic/domain";
import { Link } from "@remix-run/react";
import { dateTimeLabel } from "../formatting/clinic-time";
import { BookingStatusBadge } from "./booking-status";

interface PlanSummary {
  id: string;
  service: { name: string };
  practitioner: { name: string } | null;
  intervalUnit: "day" | "week";
  intervalCount: number;
  bookings: {
    id: string;
    position: number;
    status: "confirmed" | "completed" | "no_show" | "cancelled";
    startsAt: Date;
    practitioner: { name: string };
  }[];
}

/** A patient's treatment plans (decision 027), each with its appointments linked. */
export function TreatmentPlansList({
  plans,
  timeZone,
}: {
  plans: PlanSummary[];
  timeZone: string;
}) {
  return (
    <section className="section" aria-labelledby="plans-heading">
      <h2 id="plans-heading">Treatment plans</h2>
      {plans.map((plan) => {
        const open = plan.bookings.filter((b) => b.status === "confirmed").length;
        return (
          <article
            key={plan.id}
            className="panel section"
            aria-label={`Plan: ${plan.service.name}`}
          >
            <h3>
              {plan.service.name} {planRepeatLabel(plan)}
              {plan.practitioner ? ` with ${plan.practitioner.name}` : ""}
            </h3>
            <p className="muted">
              {plan.bookings.length} appointments, {open} still booked.
            </p>
            <ol className="plan-list">
              {plan.bookings.map((b) => (
                <li key={b.id} value={b.position}>
                  <Link to={`/bookings/${b.id}`}>{dateTimeLabel(b.startsAt, timeZone)}</Link> with{" "}
                  {b.practitioner.name} <BookingStatusBadge status={b.status} />
                </li>
              ))}
            </ol>
          </article>
        );
      })}
    </section>
  );
}
