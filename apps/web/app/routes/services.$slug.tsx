import { excerpt } from "@clinic/domain";
import { requireRecord } from "@clinic/form-kit/server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ContactDetails } from "../components/contact-card";
import { ServiceFacts } from "../components/service-card";
import { useClinic } from "../components/use-clinic";
import { pageMeta } from "../formatting/page-meta";
import { requireSlug } from "../links/route-params";
import { api } from "../server/api.server";
import { publicPageHeaders } from "../server/cache-control";
import { renderMarkdown } from "../server/markdown.server";

/** The same for every visitor: kept by the page cache (decision 016). */
export const headers = publicPageHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const slug = requireSlug(params.slug, "Service");
  const service = await requireRecord(() => api.services.bySlug.query({ slug }), "Service");
  return { service, descriptionHtml: renderMarkdown(service.description) };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return pageMeta(matches, { title: "Service not found", description: "" });
  return pageMeta(matches, {
    title: data.service.name,
    description: excerpt(data.service.summary, 155),
  });
};

export default function ServicePage() {
  const { service, descriptionHtml } = useLoaderData<typeof loader>();
  const clinic = useClinic();
  return (
    <div className="container page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/services">All treatments</Link>
      </nav>
      <div className="detail-layout">
        <article>
          <header className="page-header">
            <h1>{service.name}</h1>
            <p className="lead">{service.summary}</p>
            {service.practitioners.length > 0 ? (
              <p>
                <Link to={`/book/${service.slug}`} className="button button--primary button--large">
                  Book {service.name}
                </Link>
              </p>
            ) : null}
          </header>
          {/* Sanitised by renderMarkdown: no raw HTML from the content survives. */}
          <div className="prose" dangerouslySetInnerHTML={{ __html: descriptionHtml }} />
        </article>
        <aside className="card detail-aside" aria-labelledby="service-facts">
          <h2 id="service-facts" className="detail-aside__title">
            At a glance
          </h2>
          <ServiceFacts service={service} currency={clinic.currency} stacked />
          {service.practitioners.length > 0 ? (
            <>
              <h3 className="detail-aside__subtitle">With</h3>
              <ul className="plain-list">
                {service.practitioners.map((practitioner) => (
                  <li key={practitioner.id}>
                    <Link to={`/practitioners/${practitioner.slug}`}>{practitioner.name}</Link>
                    {" · "}
                    <Link to={`/book/${service.slug}?practitioner=${practitioner.slug}`}>
                      Book with {practitioner.name.split(" ")[0]}
                      <span className="visually-hidden"> ({practitioner.name})</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h3 className="detail-aside__subtitle">Prefer to book by phone?</h3>
          <ContactDetails clinic={clinic} showName={false} />
        </aside>
      </div>
    </div>
  );
}
