import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BookingSteps } from "../components/booking-steps";
import { ServiceFacts } from "../components/service-card";
import { useClinic } from "../components/use-clinic";
import { telHref } from "../formatting/contact-details";
import { clinicNameFrom, pageMeta } from "../formatting/page-meta";
import { pickerSearch, practitionerParam } from "../links/booking-params";
import { api } from "../server/api.server";
import { privatePageHeaders } from "../server/cache-control";

export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const slug = practitionerParam(new URL(request.url).searchParams.get("practitioner"));
  const [services, practitioners] = await Promise.all([
    api.services.list.query(),
    api.practitioners.list.query(),
  ]);
  // Coming from a practitioner's page: offer only what they do, and keep them chosen.
  const practitioner = practitioners.find((p) => p.slug === slug) ?? null;
  const offered = practitioner
    ? services.filter((service) => service.practitioners.some((p) => p.id === practitioner.id))
    : services;
  return {
    services: offered,
    practitioner: practitioner ? { slug: practitioner.slug, name: practitioner.name } : null,
  };
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, {
    title: "Book an appointment",
    description: `Book an appointment at ${clinicNameFrom(matches) ?? "the clinic"} online: choose a treatment, a practitioner and a time.`,
  });

export default function BookServicePage() {
  const { services, practitioner } = useLoaderData<typeof loader>();
  const clinic = useClinic();
  return (
    <div className="container page booking">
      <BookingSteps current={1} />
      <header className="page-header">
        <h1>Choose a treatment</h1>
        <p className="lead">
          {practitioner
            ? `Treatments you can book with ${practitioner.name}.`
            : "Pick what you'd like to book. You'll choose a practitioner and a time next."}
        </p>
        {practitioner ? (
          <p>
            <Link to="/book">Show treatments with any practitioner</Link>
          </p>
        ) : null}
      </header>
      {services.length > 0 ? (
        <ul className="choice-list">
          {services.map((service) => {
            const bookable = service.practitioners.length > 0;
            return (
              <li key={service.id} className="card choice">
                <h2 className="card__title">
                  {bookable ? (
                    <Link
                      to={`/book/${service.slug}${pickerSearch({ practitioner: practitioner?.slug })}`}
                      className="card__link"
                    >
                      {service.name}
                    </Link>
                  ) : (
                    service.name
                  )}
                </h2>
                <p className="choice__summary">{service.summary}</p>
                <ServiceFacts service={service} currency={clinic.currency} />
                {bookable ? null : (
                  <p className="choice__note">
                    Not bookable online right now. Call{" "}
                    <a href={telHref(clinic.phone)}>{clinic.phone}</a> to book.
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>
          Online booking isn't available right now. Please call us on{" "}
          <a href={telHref(clinic.phone)}>{clinic.phone}</a>.
        </p>
      )}
    </div>
  );
}
