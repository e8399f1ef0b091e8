import { formatMoney } from "@clinic/domain";
import { Link } from "@remix-run/react";
import { formatDuration } from "../formatting/format-date";
import { patientTypeLabel } from "../formatting/service-labels";

export interface ServiceSummary {
  slug: string;
  name: string;
  summary: string;
  durationMinutes: number;
  priceCents: number;
  patientType: "new" | "returning" | "any";
}

export function ServiceCard({
  service,
  currency,
  headingLevel: Heading = "h3",
}: {
  service: ServiceSummary;
  currency: string;
  headingLevel?: "h2" | "h3";
}) {
  return (
    <article className="card service-card">
      <Heading className="card__title">
        <Link to={`/services/${service.slug}`} className="card__link">
          {service.name}
        </Link>
      </Heading>
      <p className="service-card__summary">{service.summary}</p>
      <ServiceFacts service={service} currency={currency} />
    </article>
  );
}

/** A service's price, length and who may book it. */
export function ServiceFacts({
  service,
  currency,
  stacked = false,
}: {
  service: Pick<ServiceSummary, "priceCents" | "durationMinutes" | "patientType">;
  currency: string;
  /** One fact a line (in a side panel) rather than side by side. */
  stacked?: boolean;
}) {
  return (
    <dl className={stacked ? "facts facts--stacked" : "facts"}>
      <div>
        <dt>Price</dt>
        <dd>{formatMoney(service.priceCents, currency)}</dd>
      </div>
      <div>
        <dt>Duration</dt>
        <dd>{formatDuration(service.durationMinutes)}</dd>
      </div>
      <div>
        <dt>For</dt>
        <dd>{patientTypeLabel(service.patientType)}</dd>
      </div>
    </dl>
  );
}
