import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ServiceCard } from "../components/service-card";
import { useClinic } from "../components/use-clinic";
import { telHref } from "../formatting/contact-details";
import { clinicNameFrom, pageMeta } from "../formatting/page-meta";
import { api } from "../server/api.server";
import { publicPageHeaders } from "../server/cache-control";

/** The same for every visitor: kept by the page cache (decision 016). */
export const headers = publicPageHeaders;

export async function loader() {
  return { services: await api.services.list.query() };
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, {
    title: "Services",
    description: `Treatments, prices and appointment lengths at ${clinicNameFrom(matches) ?? "our clinic"}.`,
  });

export default function ServicesPage() {
  const { services } = useLoaderData<typeof loader>();
  const clinic = useClinic();
  return (
    <div className="container page">
      <header className="page-header">
        <h1>Services and prices</h1>
        <p className="lead">
          Choose the treatment that fits where you are: a first visit, a follow-up, or rehab and
          strength work. Not sure? Call us on <a href={telHref(clinic.phone)}>{clinic.phone}</a>.
        </p>
      </header>
      {services.length > 0 ? (
        <div className="card-grid">
          {services.map((service) => (
            <ServiceCard
              key={service.id}
              service={service}
              currency={clinic.currency}
              headingLevel="h2"
            />
          ))}
        </div>
      ) : (
        <p>Our treatments are being updated. Please call us to book.</p>
      )}
    </div>
  );
}
